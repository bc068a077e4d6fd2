/** What the bench tells a runner (passed as one JSON argument). */
export interface RunnerConfig {
  root: string;
  /** Model file (for systems that take one). */
  model: string;
  /** The v1 model file (system `sibyl-v1`). */
  previousModel: string;
  sentences: string;
  paragraphs: string;
  /** Timed passes over all sentences after one warm-up pass; the median counts. */
  repeats: number;
}

/** What a runner prints (one JSON line), for every system including the Python reference. */
export interface RunnerResult {
  loadSeconds: number;
  sentencePredictions: string[];
  paragraphPredictions: string[];
  /** Median over the timed passes. */
  sentencesPerSecond: number;
  /** Peak resident set of the runner process (MB). */
  peakRssMb: number;
  modelBytes?: number;
  /** Confidence of each sentence prediction, for systems that give calibrated probabilities. */
  sentenceConfidences?: number[];
}
