import { TINY_CORPUS, trainTinyModel } from '@sibyl/model/testing';
import { DEFAULT_RABBITMQ_URL, workspaceRoot } from '@sibyl/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChaos } from '../src/run/chaos-run';
import { ScenarioResult } from '../src/run/scenario-result';
import { FAST_SCENARIOS, selectScenarios } from '../src/scenarios';

/**
 * The fast subset of `npm run chaos` (predictor SIGKILL, broker blackhole, requests queue
 * re-declared, poison messages) on the built apps, a private FerretDB and the machine's RabbitMQ —
 * reached through the tool's proxy and a unique namespace per scenario, never stopped or
 * alarmed. Every scenario must lose, duplicate and fail nothing, recover within 30 s and keep
 * its health truthful.
 */
describe('chaos: the fast subset of the fault matrix (e2e)', () => {
  let dir: string;
  let results: ScenarioResult[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibyl-chaos-e2e-'));
    const modelPath = join(dir, 'langid.model');
    await trainTinyModel({ save: modelPath });
    const texts = Object.entries(TINY_CORPUS).flatMap(([lang, list]) =>
      list.map((text) => ({ text, lang })),
    );
    const report = await runChaos({
      scenarios: selectScenarios(FAST_SCENARIOS),
      broker: { sharedUrl: process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL },
      command: 'npx nx e2e chaos',
      commit: 'e2e',
      settings: {
        root: workspaceRoot(),
        distDir: 'dist/apps',
        runDir: join(dir, 'logs'),
        modelPath,
        texts,
        rate: 30,
        predictors: 2,
        warmupMs: 4_000,
        faultMs: 12_000,
        cooldownMs: 4_000,
        completionTimeoutMs: 120_000,
        log: (line) => void process.stderr.write(`${line}\n`),
      },
    });
    results = report.results;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FAST_SCENARIOS)(
    '%s: nothing lost, duplicated or failed; recovered; health truthful',
    (name) => {
      const result = results.find((r) => r.name === name);
      expect(result).toBeDefined();
      expect(result?.accepted).toBeGreaterThan(0);
      expect({ name, failures: result?.failures }).toEqual({ name, failures: [] });
      expect(result).toMatchObject({ lost: 0, duplicated: 0, failed: 0 });
      expect(result?.done).toBe(result?.accepted);
      expect(result?.recoverySeconds).not.toBeNull();
      expect(result?.recoverySeconds).toBeLessThanOrEqual(30);
    },
  );
});
