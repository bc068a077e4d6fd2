import { evaluateUdhr, readCorpus, type UdhrEvaluation } from '@sibyl/langid-cli';
import {
  classificationReport,
  type ClassificationReport,
  type LanguageIdentifier,
} from '@sibyl/model';
import { splitOptionsOf, trainingSplit } from '@sibyl/model/training';
import type { ModelMetrics, ModelProvenance } from '@sibyl/registry';

/** Where the evaluation data lives. */
export interface EvaluationPaths {
  /** The training corpus (`data/corpus`): its held-out split is rebuilt per model. */
  corpus: string;
  /** The UDHR sets (`data/eval`). */
  evalDir: string;
}

/** A model's figures on the held-out sets. */
export interface ModelEvaluation {
  metrics: ModelMetrics;
  heldOut: ClassificationReport;
  udhr: UdhrEvaluation[];
  /** False when the corpus on disk is not the one the model was trained on (split may overlap). */
  sameCorpus: boolean;
}

/**
 * Evaluates a model the way `langid train` did when it was trained: on the held-out part of the
 * corpus its own split options leave out (rebuilt with `trainingSplit`), and on the UDHR sets
 * (`evaluateUdhr`, as `npm run bench -- model` uses them). `onProgress` sees the corpus loading.
 */
export async function evaluateModel(
  identifier: LanguageIdentifier,
  paths: EvaluationPaths,
  onProgress?: (phase: string, done: number, total: number, detail?: string) => void,
): Promise<ModelEvaluation> {
  const corpus = await readCorpus(paths.corpus, {
    onLanguage: (language, done, total) => onProgress?.('corpus', done, total, language),
  });
  const { split } = trainingSplit(corpus.samples, splitOptionsOf(identifier.info));
  onProgress?.('held-out', 0, 1, `${split.heldOut.length} texts`);
  const predicted = identifier.predictMany(split.heldOut.map((sample) => sample.text));
  const heldOut = classificationReport(
    split.heldOut.map((sample) => sample.language),
    predicted.map((prediction) => prediction.language),
  );
  onProgress?.('udhr', 0, 1);
  const udhr = await evaluateUdhr(identifier, paths.evalDir);
  return {
    metrics: metricsOf(heldOut, udhr),
    heldOut,
    udhr,
    sameCorpus: corpus.corpusSha256 === identifier.info.corpusSha256,
  };
}

/** The registry's metrics from a held-out report and the UDHR evaluations. */
export function metricsOf(heldOut: ClassificationReport, udhr: UdhrEvaluation[]): ModelMetrics {
  const metrics: ModelMetrics = {
    heldOutAccuracy: heldOut.accuracy,
    macroF1: heldOut.macroF1,
    perLanguageF1: Object.fromEntries(
      Object.entries(heldOut.perLanguage).map(([language, scores]) => [language, scores.f1]),
    ),
    heldOutSamples: heldOut.n,
  };
  for (const evaluation of udhr) {
    if (evaluation.name !== 'udhrSentences' && evaluation.name !== 'udhrParagraphs') continue;
    metrics[evaluation.name] = {
      n: evaluation.metrics.n,
      accuracy: evaluation.metrics.accuracy,
      macroF1: evaluation.metrics.macroF1,
    };
  }
  return metrics;
}

/**
 * The registry provenance of a trained model, from its `model.info`: the corpus hash, every
 * hyper-parameter, and the commit `langid train` recorded (`commit` overrides; else 'unknown').
 */
export function provenanceOf(identifier: LanguageIdentifier, commit?: string): ModelProvenance {
  const info = identifier.info;
  const recorded = info.hyperParameters.training.commit;
  return {
    corpusHash: info.corpusSha256,
    options: {
      ...info.hyperParameters,
      modelVersion: info.modelVersion,
      createdAt: info.createdAt,
    },
    commit: commit ?? (typeof recorded === 'string' ? recorded : 'unknown'),
  };
}
