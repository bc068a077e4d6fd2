import { createTestApiKey } from '@sibyl/auth/testing';
import {
  currentEnvironment,
  loadLabelledTexts,
  startSibylStack,
  summarize,
  type SibylStack,
} from '@sibyl/loadtest';
import {
  DEFAULT_MONGODB_URI,
  DEFAULT_RABBITMQ_URL,
  uniqueMongoUri,
  uniqueNamespace,
  workspaceRoot,
} from '@sibyl/testing';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LongPollSample, LongPollTarget, runClients } from './longpoll-client';

const USAGE = `usage: npm run bench -- longpoll [options]

Clients that submit one text and long-poll its id (GET /v1/predictions/:id?wait=), as the README
says, N at once; reports submit → answer p50/p99 per target, rounds interleaved across targets.

  --target NAME=URL    an existing stack (repeatable); its key from --key or SIBYL_API_KEY
  --stack NAME=ROOT    start a stack (1 gateway, 1 predictor) from ROOT/dist/apps (built) on a fresh
                       namespace and database of MONGODB_URI, with its own key (repeatable)
  --clients N          concurrent clients (default 50)
  --per-client N       texts each client submits per round (default 10)
  --rounds N           rounds per target, interleaved (default 3)
  --wait-ms N          ?wait= of each long poll (default 30000)
  --key KEY            API key (predict, read) of the --target stacks`;

interface NamedTarget extends LongPollTarget {
  name: string;
}

/** Runs the long-poll client bench (see USAGE). */
export async function runLongPollCli(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      target: { type: 'string', multiple: true },
      stack: { type: 'string', multiple: true },
      clients: { type: 'string', default: '50' },
      'per-client': { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      'wait-ms': { type: 'string', default: '30000' },
      key: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || (!values.target && !values.stack)) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = {
    clients: Number(values.clients),
    perClient: Number(values['per-client']),
    waitMs: Number(values['wait-ms']),
  };
  const rounds = Number(values.rounds);
  const stacks: SibylStack[] = [];
  try {
    const targets: NamedTarget[] = (values.target ?? []).map((spec) => {
      const [name, url] = split(spec);
      const key = values.key ?? process.env.SIBYL_API_KEY;
      if (!key) throw new Error(`--target ${name}: give --key or SIBYL_API_KEY`);
      return { name, url, key };
    });
    for (const spec of values.stack ?? []) {
      const [name, root] = split(spec);
      targets.push(await startStack(name, resolve(root), stacks));
    }
    const texts = loadLabelledTexts(join(workspaceRoot(), 'data/eval/udhr-sentences.jsonl')).texts;
    const samples = new Map<string, LongPollSample[]>(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= rounds; round++) {
      // Alternate the order each round so neither target always runs on a warmer machine.
      const order = round % 2 === 1 ? targets : [...targets].reverse();
      for (const target of order) {
        const started = Date.now();
        const got = await runClients(
          target,
          texts.map((t) => t.text),
          options,
        );
        samples.get(target.name)?.push(...got);
        const p = summarize(got.filter((s) => s.outcome === 'done').map((s) => s.ms));
        process.stderr.write(
          `round ${round}/${rounds} ${target.name}: ${got.length} in ${Date.now() - started} ms, p50 ${fmt(p.p50)} p99 ${fmt(p.p99)}\n`,
        );
      }
    }
    process.stdout.write(report(targets, samples, options, rounds));
  } finally {
    for (const stack of stacks) await stack.stop();
  }
}

async function startStack(name: string, root: string, stacks: SibylStack[]): Promise<NamedTarget> {
  const mongoUri = uniqueMongoUri(process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI);
  const { key } = await createTestApiKey(mongoUri, { scopes: ['predict', 'read'], rateLimit: 1e6 });
  const stack = await startSibylStack({
    root,
    distDir: 'dist/apps',
    predictors: 1,
    gatewayPort: 0,
    predictorPort: 0,
    namespace: uniqueNamespace(`bench-lp-${name}`),
    mongoUri,
    rabbitUrl: process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL,
    modelPath: join(workspaceRoot(), 'models/langid/langid.model'),
    logLevel: 'warn',
    runDir: join(workspaceRoot(), 'tmp/bench/longpoll', name),
    cpuProfile: false,
    extraEnv: { RABBITMQ_MANAGEMENT_URL: '', MAX_LONG_POLLS_PER_KEY: '100000' },
    log: (line: string) => process.stderr.write(`${name}: ${line}\n`),
  });
  stacks.push(stack);
  return { name, url: stack.gatewayUrl, key };
}

function split(spec: string): [string, string] {
  const at = spec.indexOf('=');
  if (at <= 0) throw new Error(`expected NAME=VALUE, got ${spec}`);
  return [spec.slice(0, at), spec.slice(at + 1)];
}

function fmt(ms: number | null): string {
  return ms === null ? '–' : `${ms.toFixed(1)} ms`;
}

function report(
  targets: NamedTarget[],
  samples: Map<string, LongPollSample[]>,
  options: { clients: number; perClient: number; waitMs: number },
  rounds: number,
): string {
  const env = currentEnvironment();
  const lines = [
    `${options.clients} clients × ${options.perClient} texts × ${rounds} rounds per target, ?wait=${options.waitMs}`,
    `machine: ${JSON.stringify(env)}`,
    '',
    '| target | answered done | other outcomes | p50 submit→answer | p99 | max |',
    '|---|---|---|---|---|---|',
  ];
  const p50s: number[] = [];
  for (const target of targets) {
    const all = samples.get(target.name) ?? [];
    const done = summarize(all.filter((s) => s.outcome === 'done').map((s) => s.ms));
    const other = new Map<string, number>();
    for (const s of all)
      if (s.outcome !== 'done') other.set(s.outcome, (other.get(s.outcome) ?? 0) + 1);
    p50s.push(done.p50 ?? Number.NaN);
    lines.push(
      `| ${target.name} | ${done.count}/${all.length} | ${[...other].map(([o, n]) => `${o}: ${n}`).join(', ') || '0'} | ${fmt(done.p50)} | ${fmt(done.p99)} | ${fmt(done.max)} |`,
    );
  }
  if (targets.length === 2) {
    lines.push(
      '',
      `p50 ratio ${targets[0].name}/${targets[1].name}: ${(p50s[0] / p50s[1]).toFixed(2)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
