/** What one scenario of the matrix measured. */
export interface ScenarioResult {
  name: string;
  title: string;
  /** Accepted tracking ids (202). */
  accepted: number;
  done: number;
  failed: number;
  /** Accepted and never completed (unknown or still queued at the deadline). */
  lost: number;
  /** Ids handed out twice or results rewritten between two reads. */
  duplicated: number;
  /** Non-202 answers during the run, by status or error kind (e.g. `503`, `ECONNREFUSED`). */
  submitErrors: Record<string, number>;
  /** How long the fault lasted (inject → heal done), s. */
  faultSeconds: number;
  /** Fault ended → every request accepted until then done, s; null when not recovered. */
  recoverySeconds: number | null;
  /** Peak RSS per process, MiB. */
  peakRssMiB: Record<string, number>;
  /** What the probes said during the fault. */
  healthDuring: string;
  /** What they said after recovery. */
  healthAfter: string;
  notes: string[];
  /** Failed assertions; empty = pass. */
  failures: string[];
  /** Wall time of the scenario (stack start to tear-down), s. */
  wallSeconds: number;
  /** When it ran (ISO) and on which commit of the workspace (absent in reports of older runs). */
  ranAt?: string;
  commit?: string;
}
