import { encodePredictionRequestedV1 } from '@sibyl/contracts';
import { resolveMetricsOptions } from '@sibyl/observability';
import { sampledIn, type LiveOutcome, type ShadowResult, type ShadowRun } from '@sibyl/registry';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import type { ServedModel } from '../model/serving-model';
import { ShadowEvaluator } from './shadow.evaluator';
import { ShadowMetrics } from './shadow.metrics';

const run: ShadowRun = {
  _id: 'active',
  runId: 'run-1',
  version: 'langid-bbbbbbbbbbbb',
  sha256: 'b'.repeat(64),
  liveVersion: 'langid-aaaaaaaaaaaa',
  sample: 1,
  max: 2,
  queueMaxLength: 100,
  startedAt: new Date(),
  actor: 'test',
  predictions: 0,
};

/** A candidate that answers `nb` for everything (fake model: unit test). */
const candidate = {
  model: { predict: () => ({ language: 'nb', confidence: 0.7, top: [] }) },
} as unknown as ServedModel;

const body = (trackingId: string, text = 'Jeg heter Ola.') =>
  encodePredictionRequestedV1({
    trackingId,
    text,
    submittedAt: new Date().toISOString(),
    attempt: 1,
  });

describe('ShadowEvaluator', () => {
  let registry: Registry;
  let stored: ShadowResult[];
  let count: number;
  let active: boolean;
  let live: Map<string, LiveOutcome>;
  let evaluator: ShadowEvaluator;

  const metric = async (name: string) =>
    (await registry.getSingleMetric(name)?.get())?.values.map(({ labels, value }) => ({
      labels,
      value,
    }));

  beforeEach(() => {
    registry = new Registry();
    stored = [];
    count = 0;
    active = true;
    live = new Map();
    const runs = {
      countPrediction: async () => (active ? ++count : null),
      record: async (result: ShadowResult) => void stored.push(result),
    };
    const metrics = new ShadowMetrics(registry, resolveMetricsOptions());
    evaluator = new ShadowEvaluator(runs, async () => live, metrics, 2000);
  });

  it('stores the candidate prediction with the live result when it is already stored, and counts it', async () => {
    const first = randomUUID();
    live.set(first, { language: 'da', confidence: 0.8, modelVersion: run.liveVersion });
    expect(await evaluator.evaluate(body(first), run, candidate)).toEqual({
      kind: 'stored',
      count: 1,
    });
    const second = randomUUID();
    expect(await evaluator.evaluate(body(second), run, candidate)).toEqual({
      kind: 'stored',
      count: 2,
    });
    expect(stored).toEqual([
      expect.objectContaining({
        _id: `run-1:${first}`,
        trackingId: first,
        language: 'nb',
        confidence: 0.7,
        live: { language: 'da', confidence: 0.8, modelVersion: run.liveVersion },
      }),
      expect.not.objectContaining({ live: expect.anything() }),
    ]);
    expect(await metric('sibyl_shadow_comparisons_total')).toEqual(
      expect.arrayContaining([
        { labels: { version: run.version, outcome: 'disagreed' }, value: 1 },
        { labels: { version: run.version, outcome: 'pending' }, value: 1 },
      ]),
    );
    expect(await metric('sibyl_shadow_agreement')).toEqual([
      { labels: { version: run.version }, value: 0 },
    ]);
    // beyond max: counted, not stored
    expect(await evaluator.evaluate(body(randomUUID()), run, candidate)).toEqual({
      kind: 'skipped',
      why: 'over-max',
    });
    expect(stored).toHaveLength(2);
  });

  it('dead-letters a malformed or oversized copy with its reason', async () => {
    const malformed = await evaluator.evaluate(Buffer.from('{"v":1}'), run, candidate);
    expect(malformed).toEqual({
      kind: 'dead-letter',
      reason: expect.stringContaining('trackingId'),
    });
    const oversized = await evaluator.evaluate(
      body(randomUUID(), 'x'.repeat(3000)),
      run,
      candidate,
    );
    expect(oversized).toEqual({
      kind: 'dead-letter',
      reason: expect.stringContaining('exceeds MAX_MESSAGE_BYTES (2000)'),
    });
    expect(stored).toEqual([]);
  });

  it('keeps only the sample, and stores nothing once the run is no longer active', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const half = { ...run, sample: 0.5, max: 1000 };
    for (const id of ids) await evaluator.evaluate(body(id), half, candidate);
    expect(stored.map((r) => r.trackingId)).toEqual(ids.filter((id) => sampledIn(id, 0.5)));
    active = false;
    expect(await evaluator.evaluate(body(randomUUID()), run, candidate)).toEqual({
      kind: 'skipped',
      why: 'inactive',
    });
  });
});
