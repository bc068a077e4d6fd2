/** Answer of `GET /api/config`: what the browser needs to know. */
export interface WebConfigView {
  backlogAlertThreshold: number;
  sampleIntervalMs: number;
  historySize: number;
  /** English and native names by language code. */
  languages: Record<string, { english: string; native: string }>;
}
