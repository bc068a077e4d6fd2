import { LabelledText } from '@sibyl/loadtest';
import { BrokerControl } from '../infra/broker-control';

/** Recovery target: the backlog of a fault is drained within this after it ends (s). */
export const RECOVERY_TARGET_SECONDS = 30;

/** How every scenario of a run is driven. */
export interface RunSettings {
  /** Workspace root (cwd of the apps). */
  root: string;
  /** Folder of the built apps, relative to root. */
  distDir: string;
  /** Where app logs of this run go. */
  runDir: string;
  modelPath: string;
  texts: readonly LabelledText[];
  /** Open-model submits per second during each scenario. */
  rate: number;
  predictors: number;
  /** Load before the fault starts (ms). */
  warmupMs: number;
  /** How long lasting faults are held (ms). */
  faultMs: number;
  /** Load after the fault ends (ms). */
  cooldownMs: number;
  /** After the load: how long accepted ids may take to complete before they count as lost (ms). */
  completionTimeoutMs: number;
  log(line: string): void;
}

/** The broker and database every scenario of a run uses (each on its own namespace/database). */
export interface SharedInfra {
  broker: BrokerControl;
  /** Pid of the broker process for RSS (-1 if unknown). */
  brokerPid: number;
  /** Base URI of the database (a unique database name is derived per scenario). */
  databaseUri: string;
  /** Pid of the database process (the tool's own FerretDB). */
  databasePid: number;
}
