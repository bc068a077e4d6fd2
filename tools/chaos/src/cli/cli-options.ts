import { parseArgs } from 'node:util';
import { nonNegativeNumber, positiveNumber } from '@sibyl/cli-options';
import { FAST_SCENARIOS, selectScenarios } from '../scenarios';
import { Scenario } from '../scenarios/scenario';

/** What `npm run chaos -- …` asked for. */
export interface ChaosCliOptions {
  scenarios: Scenario[];
  rate: number;
  warmupMs: number;
  faultMs: number;
  cooldownMs: number;
  completionTimeoutMs: number;
  broker: 'private' | 'shared';
  sharedRabbitUrl: string;
  modelPath: string;
  textsPath?: string;
  /** Markdown report path (relative to the workspace root); null = do not write. */
  out: string | null;
  build: boolean;
  /** An earlier report (JSON) this run's rows are folded into before writing the Markdown. */
  merge?: string;
  help: boolean;
}

/** `--help` text. */
export const USAGE = `npm run chaos -- [options]

Runs fault scenarios against a real stack under open-model load and verifies every accepted id;
writes docs/RELIABILITY.md.

  --scenarios a,b,…        only these (default: all; --list shows them)
  --fast                   the fast subset run by npm test (${FAST_SCENARIOS.join(', ')})
  --rate N                 submits per second (default 50)
  --fault-seconds N        how long lasting faults are held (default 30; a broker blackhole at least 20)
  --warmup-seconds N       load before the fault (default 10)
  --cooldown-seconds N     load after the fault (default 15)
  --completion-seconds N   how long ids may take to complete after the load (default 180)
  --broker private|shared  private (default): a RabbitMQ node of the tool's own; shared: RABBITMQ_URL,
                           only for scenarios that do not stop or alarm the broker
  --model PATH             model file (default models/langid/langid.model)
  --texts PATH             labelled texts (default: the load tool's)
  --out PATH               report path (default docs/RELIABILITY.md); --no-write skips it
  --merge PATH             fold this run's rows into an earlier report (e.g. reports/chaos/latest.json,
                           which every run writes) before writing the Markdown
  --no-build               do not build gateway and predictor first
  --list                   list the scenarios and exit`;

/** A duration option in seconds (≥ 0), as milliseconds. */
const seconds = (value: string | undefined, fallback: number, name: string): number =>
  nonNegativeNumber(name, value, fallback) * 1000;

/** Parses the command line; throws with a readable message on a bad option. */
export function parseChaosArgs(
  argv: string[],
  env = process.env,
): ChaosCliOptions & { list: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenarios: { type: 'string' },
      fast: { type: 'boolean', default: false },
      rate: { type: 'string' },
      'fault-seconds': { type: 'string' },
      'warmup-seconds': { type: 'string' },
      'cooldown-seconds': { type: 'string' },
      'completion-seconds': { type: 'string' },
      broker: { type: 'string', default: 'private' },
      model: { type: 'string', default: 'models/langid/langid.model' },
      texts: { type: 'string' },
      out: { type: 'string', default: 'docs/RELIABILITY.md' },
      'no-write': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      merge: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const rate = positiveNumber('rate', values.rate, 50);
  if (values.broker !== 'private' && values.broker !== 'shared')
    throw new Error(`--broker must be private or shared, got ${values.broker}`);
  const names = values.fast
    ? FAST_SCENARIOS
    : (values.scenarios ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  return {
    scenarios: selectScenarios(names),
    rate,
    warmupMs: seconds(values['warmup-seconds'], 10, 'warmup-seconds'),
    faultMs: seconds(values['fault-seconds'], 30, 'fault-seconds'),
    cooldownMs: seconds(values['cooldown-seconds'], 15, 'cooldown-seconds'),
    completionTimeoutMs: seconds(values['completion-seconds'], 180, 'completion-seconds'),
    broker: values.broker,
    sharedRabbitUrl: env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    modelPath: values.model as string,
    textsPath: values.texts,
    out: values['no-write'] ? null : (values.out as string),
    build: !values['no-build'],
    merge: values.merge,
    list: values.list as boolean,
    help: values.help as boolean,
  };
}
