import { CeilingResult } from '../amqp-ceiling/amqp-ceiling';
import { ProfileSummary } from './cpu-profile-summary';
import { LoadtestSummary } from './loadtest-summary';
import { MachineInfo } from './machine-info';
import { PipelineScenario } from './scenarios';

/** One scenario's outcome. */
export interface ScenarioRun {
  scenario: PipelineScenario;
  command: string;
  summary: LoadtestSummary | null;
  error?: string;
}

/** Everything one pipeline-bench invocation measured. */
export interface PipelineBenchResult {
  startedAt: string;
  finishedAt: string;
  /** The bench's own command line. */
  command: string;
  /** The database every run used as it is (`--database`), if not a private one each. */
  database?: string;
  machine: MachineInfo;
  ceiling: CeilingResult | null;
  ceilingError?: string;
  ceilingCommand: string;
  runs: ScenarioRun[];
  profile: { command: string; processes: { name: string; summary: ProfileSummary }[] } | null;
}
