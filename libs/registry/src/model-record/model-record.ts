/** Lifecycle state of a registered model; exactly one model is `live` at a time. */
export type ModelStatus = 'candidate' | 'live' | 'retired';

/** What a changelog entry records. */
export type ChangelogAction =
  'added' | 'promoted' | 'rolled-back' | 'retired' | 'verified' | 'shadow';

/** Where a model came from: enough to train it again. */
export interface ModelProvenance {
  /** SHA-256 over the training corpus files. */
  corpusHash: string;
  /** The training options (hyper-parameters, limits, feedback file…). */
  options: Record<string, unknown>;
  /** Git commit of the code that trained it (`unknown` when not in a repository). */
  commit: string;
}

/** Accuracy and macro-F1 on one evaluation set (the UDHR sets). */
export interface EvaluationSummary {
  n: number;
  accuracy: number;
  macroF1: number;
}

/** Metrics of a model on the held-out sets, recorded by `models add` and `models verify`. */
export interface ModelMetrics {
  /** Accuracy on the held-out corpus split: what the promotion gate compares. */
  heldOutAccuracy: number;
  /** Unweighted mean F1 over the held-out languages. */
  macroF1: number;
  /** Held-out F1 by language code. */
  perLanguageF1: Record<string, number>;
  /** Held-out texts evaluated. */
  heldOutSamples?: number;
  udhrSentences?: EvaluationSummary;
  udhrParagraphs?: EvaluationSummary;
}

/** Metric changes of a model against another (`candidate − reference`; positive = better). */
export interface MetricDeltas {
  /** The version compared against (the live model replaced, or the other side of a diff). */
  against: string;
  heldOutAccuracy: number;
  macroF1: number;
  /** Per language over the union of both models' languages (a missing language counts as 0). */
  perLanguageF1: Record<string, number>;
  udhrSentences?: number;
  udhrParagraphs?: number;
}

/** One text on which a shadowed candidate and the live model disagreed. */
export interface ShadowDisagreement {
  /** The request's tracking id (absent in reports written before it was recorded). */
  trackingId?: string;
  /** The text (its first SHADOW_TEXT_CHARS characters). */
  text: string;
  /** The live model's language and confidence. */
  live: string;
  liveConfidence?: number;
  /** The candidate's language and confidence. */
  candidate: string;
  candidateConfidence?: number;
}

/** Agreement of a shadowed candidate with the live model (written by `models shadow`). */
export interface ShadowReport {
  /** The live version the candidate was compared with (when the run started). */
  liveVersion: string;
  startedAt: Date;
  finishedAt?: Date;
  /** The shadow run (`shadow_runs`), its sample fraction and prediction bound. */
  runId?: string;
  sample?: number;
  max?: number;
  /** Why it stopped (`stopped by …`, `reached --max N`). */
  stopReason?: string;
  /** Shadow predictions stored. */
  predictions?: number;
  /** Shadow predictions without a `done` live result to compare with (not yet stored, or failed). */
  unmatched?: number;
  /** Texts both models classified. */
  compared: number;
  /** Texts on which both gave the same language. */
  agreed: number;
  /** `agreed / compared` (0 when nothing was compared). */
  agreement: number;
  /** By the live model's language. */
  perLanguage: Record<string, { compared: number; agreed: number }>;
  /** Examples of disagreement (bounded). */
  disagreements: ShadowDisagreement[];
}

/** One line of a model's history. */
export interface ChangelogEntry {
  at: Date;
  action: ChangelogAction;
  /** Who: an OS user / `--actor` over the CLI, an API key id and name over REST. */
  actor: string;
  /** Why (the `--note` of `add`, the `--reason` of a forced promotion…). */
  reason?: string;
  /** True when a promotion overrode the gate. */
  forced?: boolean;
  /** Metric deltas against the model replaced (promotions and rollbacks). */
  deltas?: MetricDeltas;
  /** Anything else worth keeping (a verification report, the previous version…). */
  details?: Record<string, unknown>;
}

/** The `models` document of one version. */
export interface ModelRecord {
  /** The version (content-derived, see `modelVersionOf`). */
  _id: string;
  version: string;
  name: string;
  /** SHA-256 (hex) of the artifact bytes. */
  sha256: string;
  /** Artifact size in bytes. */
  size: number;
  /** Number of chunk documents holding the bytes. */
  chunks: number;
  created: Date;
  status: ModelStatus;
  provenance: ModelProvenance;
  metrics: ModelMetrics;
  changelog: ChangelogEntry[];
  shadow?: ShadowReport;
  /** When this model last became live. */
  promotedAt?: Date;
  /** The model that was live when this one was promoted: where `rollback` returns to. */
  previousLive?: string | null;
}

/** What `add` needs besides the bytes. */
export interface AddModelMeta {
  name?: string;
  provenance: ModelProvenance;
  metrics: ModelMetrics;
  /** Who adds it. */
  actor: string;
  /** The `--note`. */
  note?: string;
  details?: Record<string, unknown>;
}
