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
  /** The shadow report written by `models shadow`, when there is one. */
  shadow: Record<string, unknown> | null;
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
  /** What could not be read (shown on the panel). */
  errors: string[];
}
