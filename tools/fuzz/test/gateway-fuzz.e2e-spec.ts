import { workspaceRoot } from '@sibyl/testing';
import { join } from 'node:path';
import { FuzzGatewayStack } from '../src/run/gateway-stack';
import { formatReport, runFuzz } from '../src/run/fuzz-run';

/** Fixed seed and a bounded count: the same requests on every CI run, a couple of minutes at most. */
const SEED = 20261207;
const RUNS = 1000;

describe('HTTP fuzz of the gateway (fixed seed)', () => {
  const stack = new FuzzGatewayStack(join(workspaceRoot(), 'test-artifacts/fuzz-e2e'));

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it(`answers ${RUNS} random requests without a 5xx or a crash, in bounded memory, while serving valid traffic`, async () => {
    const report = await runFuzz(stack.target(), {
      runs: RUNS,
      seed: SEED,
      maxRssGrowthMiB: 256,
      progressEvery: 100,
      onProgress: (done) => process.stderr.write(`[fuzz e2e] ${done}/${RUNS} requests\n`),
    });
    process.stderr.write(`${formatReport(report)}\n`);
    expect(report.failure).toBeUndefined();
    expect(report.requests).toBe(RUNS);
    expect(report.canaryFailures).toEqual([]);
    expect(report.canaryRounds).toBeGreaterThan(3);
    expect(stack.gateway.running).toBe(true);
    // The fuzz reached the validation layer, not just 404s.
    expect(report.statuses['400']).toBeGreaterThan(RUNS / 20);
    expect(report.statuses['202'] ?? 0).toBeGreaterThan(0);
    // With and without keys: refusals happened, and so did authorised answers.
    expect(report.statuses['401']).toBeGreaterThan(RUNS / 20);
  });
});
