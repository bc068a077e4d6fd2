import { TINY_CORPUS, trainTinyModel } from '@sibyl/model/testing';
import { workspaceRoot } from '@sibyl/testing';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOAD_RUN_OPTIONS, LoadRunOptions } from '../src/run/load-run-options';
import { runLoadTest } from '../src/run/load-run';

/**
 * A short real load run: the built gateway and two predictors (dist/apps, built by
 * the e2e target's dependencies) on a unique namespace and database, a tiny model
 * trained in-process, 200 single submits on an open-model schedule (50/s for 4 s)
 * and 10 batch submits of 10; every accepted id must complete exactly once.
 */
describe('load run against the spawned stack (e2e)', () => {
  const root = workspaceRoot();
  let dir: string;
  let modelPath: string;
  let textsPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibyl-loadtest-e2e-'));
    modelPath = join(dir, 'langid.model');
    await trainTinyModel({ save: modelPath });
    textsPath = join(dir, 'texts.jsonl');
    const rows = Object.entries(TINY_CORPUS).flatMap(([lang, texts]) =>
      texts.map((text) => JSON.stringify({ text, lang })),
    );
    writeFileSync(textsPath, rows.join('\n') + '\n');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function options(overrides: Partial<LoadRunOptions>): LoadRunOptions {
    return {
      ...DEFAULT_LOAD_RUN_OPTIONS,
      label: 'e2e',
      textsPath,
      outDir: join(dir, 'reports'),
      progress: false,
      completionTimeoutMs: 150_000,
      spawn: {
        ...{
          gatewayPort: 0,
          predictorPort: 0,
          distDir: 'dist/apps',
          logLevel: 'warn',
          cpuProfile: false,
          keep: false,
          extraEnv: {},
        },
        // its own FerretDB: a load run neither disturbs nor waits on the suites sharing the machine's database
        privateDb: true,
        predictors: 2,
        batchSize: 16,
        batchWaitMs: 5,
        rabbitUrl: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
        mongoUri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/sibyl',
        modelPath,
      },
      ...overrides,
    };
  }

  it('completes 200 open-model single submits exactly once, none lost', async () => {
    const { report, files } = await runLoadTest(
      options({ label: 'e2e open', rate: 50, durationMs: 4000 }),
      root,
    );

    expect(report.submit.requestsSent).toBe(200);
    expect(report.submit.statusCounts).toEqual({ '202': 200 });
    expect(report.submit.predictionsAccepted).toBe(200);
    expect(report.completion.done).toBe(200);
    expect(report.completion.lost).toBe(0);
    expect(report.completion.duplicated).toBe(0);
    expect(report.completion.duplicatedDetail.extraResultWrites).toBe(0);
    expect(report.completion.failed).toBe(0);
    expect(report.completion.inconsistent).toBe(0);
    // the predictors' own counter confirms one result per request
    const written = Object.entries(report.metrics)
      .filter(([name]) => name.startsWith('predictor'))
      .reduce((sum, [, m]) => sum + (m.sibyl_results_written_total ?? 0), 0);
    expect(written).toBe(200);
    // a model trained on these very sentences classifies (nearly) all of them right
    expect(report.completion.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.completion.submitToDoneMs.count).toBe(200);
    expect(report.completion.submitToDoneMs.p50).toBeGreaterThan(0);
    expect(report.verdict).toEqual({ ok: true, failures: [] });
    if (!files) throw new Error('no report files written');
    expect(JSON.parse(readFileSync(files.json, 'utf8')).completion.done).toBe(200);
    expect(readFileSync(files.markdown, 'utf8')).toContain('**PASS**');
  });

  it('completes closed-loop batch submits exactly once, none lost', async () => {
    const { report } = await runLoadTest(
      options({
        label: 'e2e batch',
        rate: null,
        concurrency: 4,
        durationMs: null,
        count: 10,
        submitBatch: 10,
      }),
      root,
    );

    expect(report.submit.requestsSent).toBe(10);
    expect(report.submit.predictionsAccepted).toBe(100);
    expect(report.completion.done).toBe(100);
    expect(report.completion.lost).toBe(0);
    expect(report.completion.duplicated).toBe(0);
    expect(report.verdict.ok).toBe(true);
  });

  it('refuses to start without the built apps', async () => {
    const base = options({ count: 1, durationMs: null });
    const missing = {
      ...base,
      spawn: {
        ...(base.spawn as NonNullable<LoadRunOptions['spawn']>),
        distDir: 'dist/does-not-exist',
      },
    };
    await expect(runLoadTest(missing, root)).rejects.toThrow(/build first/);
    expect(existsSync(join(root, 'dist/does-not-exist'))).toBe(false);
  });
});
