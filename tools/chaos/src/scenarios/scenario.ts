import { MessagingNames } from '@sibyl/contracts';
import { HealthSampler } from '../monitor/health-sampler';
import { FaultProxy } from '../faults/fault-proxy';
import { BrokerControl } from '../infra/broker-control';
import { ChaosStack } from '../stack/chaos-stack';

/** Everything a scenario may act on while it runs. */
export interface ScenarioContext {
  stack: ChaosStack;
  /** Proxy between every app and the broker. */
  brokerProxy: FaultProxy;
  /** Proxy between the predictors and the database (the gateways connect directly). */
  predictorDbProxy: FaultProxy;
  broker: BrokerControl;
  /** Pid of the database process (SIGSTOP/SIGCONT). */
  databasePid: number;
  names: MessagingNames;
  health: HealthSampler;
  /** How long a lasting fault is held (ms). */
  faultMs: number;
  log(line: string): void;
  sleep(ms: number): Promise<void>;
}

/** What a scenario found beyond the common counts, and its own failed checks. */
export interface ScenarioChecks {
  /** Failed assertions (empty = pass). */
  failures: string[];
  /** Facts worth a line in the report (e.g. what the dead-letter queue held). */
  notes: string[];
}

/** A health expectation over a time window of the run. */
export interface HealthExpectation {
  /** Which apps: a name, or every app of a kind. */
  app: string | 'gateways' | 'predictors' | 'any';
  probe: 'live' | 'ready';
  /** `always-200`: every sample 200; `sometimes-not-200`: the fault was reported at least once. */
  expect: 'always-200' | 'sometimes-not-200';
}

/** One fault of the matrix. */
export interface Scenario {
  name: string;
  /** One line for the report. */
  title: string;
  /** Stops or alarms the broker: needs the private RabbitMQ node. */
  needsPrivateBroker?: boolean;
  /** Gateways to start, each with extra environment (default: one plain gateway). */
  gateways?: Record<string, string>[];
  /** Heavy preparation done before the fault window opens (e.g. building a 20 MiB body). */
  prepare?(ctx: ScenarioContext): Promise<void>;
  /** Starts the fault. */
  inject(ctx: ScenarioContext): Promise<void>;
  /** Ends it (restarts what was killed, lifts the partition…); `finally`-safe, may run twice. */
  heal(ctx: ScenarioContext): Promise<void>;
  /** What health must have said between inject and heal. */
  during: HealthExpectation[];
  /** Extra checks after the run (dead letters, pids unchanged…). */
  check?(ctx: ScenarioContext): Promise<ScenarioChecks>;
}
