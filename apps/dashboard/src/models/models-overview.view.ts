import type { AccuracyWindowName, AccuracyWindowView } from '@sibyl/contracts';

/** Accuracy of a window in short: items and the share right. */
export interface WindowFigure {
  n: number;
  accuracy: number | null;
}

/** One row of the versions table. */
export interface VersionRow {
  version: string;
  /** Registry status; null when the registry does not know the version (or is unavailable). */
  status: string | null;
  /** True when a predictor reports serving it (`sibyl_model_info`). */
  served: boolean;
  heldOutAccuracy: number | null;
  windows: Partial<Record<AccuracyWindowName, WindowFigure>>;
}

/** Details of the live (or served) model. */
export interface FocusModel {
  version: string;
  windows: AccuracyWindowView[];
  /** Newest first (registry changelog; empty without the registry). */
  changelog: Array<Record<string, unknown>>;
}

/** The newest shadow report in the registry and the candidate it belongs to. */
export interface ShadowOverview {
  /** The shadowed candidate (the record the report is stored on). */
  version: string;
  /** The report written by `models shadow` when the run stopped. */
  report: Record<string, unknown>;
}

/** Answer of the dashboard's `GET /api/models`: everything the Models panel shows. */
export interface ModelsOverview {
  at: string;
  /** Whether `GET /v1/models` answered (the registry endpoints). */
  registryAvailable: boolean;
  /** The registry's live version (null when none or unavailable). */
  live: string | null;
  /** Versions the predictors report serving. */
  served: string[];
  versions: VersionRow[];
  focus: FocusModel | null;
  /** The newest shadow evaluation of any version (a candidate's, usually); null when none. */
  shadow: ShadowOverview | null;
  /** What could not be read (shown on the panel). */
  errors: string[];
}
