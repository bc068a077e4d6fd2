import { PredictionRequestedV1, PredictionStatus } from '@sibyl/contracts';
import type { LanguagePrediction } from '@sibyl/model';
import { resolveMetricsOptions } from '@sibyl/observability';
import { Registry } from 'prom-client';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import type { LanguageModel } from '../model/model.constants';
import { ServingModel } from '../model/serving-model';
import type { ResultEntry, ResultWriter, ResultWriteSummary } from '../results/result.writer';
import { SWEDISH_PREDICTION, SWEDISH_RESULT } from '../../test/results/swedish-result.fixture';
import { PredictionService } from './prediction.service';
import { StorageOutage } from './storage-outage';

/** The fake "database unreachable" error of these tests. */
const unreachable = (): Error => new Error('server selection timed out');
const newOutage = (): StorageOutage =>
  new StorageOutage({
    isUnavailable: (error) => error instanceof Error && /server selection/.test(error.message),
    delaysMs: [1],
  });

const undetermined: LanguagePrediction = { language: 'und', confidence: 0.1, top: [] };

/** Fake model: "crash" makes predict throw; "???" is undetermined; everything else Swedish. */
function fakeModel(): LanguageModel & { predictMany: jest.Mock; predict: jest.Mock } {
  const predict = jest.fn((text: string): LanguagePrediction => {
    if (text === 'crash') throw new Error('feature overflow');
    return text === '???' ? undetermined : SWEDISH_PREDICTION;
  });
  return {
    info: { name: 'sibyl-langid', modelVersion: 'm-test' },
    predict,
    predictMany: jest.fn((texts: string[]) => texts.map((text) => predict(text))),
  } as unknown as LanguageModel & { predictMany: jest.Mock; predict: jest.Mock };
}

/** The fake model served as registry version `version`. */
function serve(model: LanguageModel, version = 'm-test'): ServingModel {
  return new ServingModel({
    version,
    sha256: 'f'.repeat(64),
    origin: 'registry',
    model,
    loadedAt: new Date(),
  });
}

function message(text: string, n: number): PredictionRequestedV1 {
  return {
    v: 1,
    trackingId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    text,
    submittedAt: new Date(Date.now() - 250).toISOString(),
    attempt: 1,
  };
}

describe('PredictionService', () => {
  let outage: StorageOutage;
  let registry: Registry;
  let metrics: PredictorMetrics;
  let model: ReturnType<typeof fakeModel>;
  let write: jest.Mock<Promise<ResultWriteSummary>, [readonly ResultEntry[], Date]>;
  let service: PredictionService;
  let serving: ServingModel;

  const metric = async (name: string, labels: Record<string, string> = {}) => {
    const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
    return values
      .filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
      .filter(
        (v) => !('metricName' in v) || v.metricName === name || v.metricName === `${name}_count`,
      )
      .reduce((sum, v) => sum + v.value, 0);
  };

  beforeEach(() => {
    registry = new Registry();
    metrics = new PredictorMetrics(registry, resolveMetricsOptions());
    model = fakeModel();
    write = jest.fn(async (entries: readonly ResultEntry[], _completedAt: Date) => ({
      written: new Set(entries.map((e) => e.trackingId)),
      skipped: 0,
    }));
    outage = newOutage();
    serving = serve(model);
    service = new PredictionService(
      serving,
      { write } as unknown as ResultWriter,
      metrics,
      { maxSize: 3, maxWaitMs: 5 },
      outage,
    );
  });

  it('classifies a batch with one predictMany and stores it with one write, then acks every message', async () => {
    const dispositions = await Promise.all(
      ['hej', 'hallå', '???'].map((t, i) => service.predict(message(t, i))),
    );
    expect(dispositions).toEqual([{ action: 'ack' }, { action: 'ack' }, { action: 'ack' }]);
    expect(model.predictMany).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledTimes(1);
    const [entries] = write.mock.calls[0];
    expect(entries[0]).toEqual({
      trackingId: message('hej', 0).trackingId,
      submittedAt: expect.any(Date),
      status: PredictionStatus.Done,
      result: { ...SWEDISH_RESULT, modelVersion: 'm-test' },
    });
    // "und" is a result like any other
    expect(entries[2]).toMatchObject({
      status: 'done',
      result: { language: 'und', languageName: 'Undetermined' },
    });
  });

  it('isolates a text the model cannot process: it is stored as failed and dead-lettered, the others are acked', async () => {
    const dispositions = await Promise.all(
      ['hej', 'crash', 'hallå'].map((t, i) => service.predict(message(t, i))),
    );
    expect(dispositions).toEqual([
      { action: 'ack' },
      {
        action: 'dead-letter',
        reason: 'prediction failed: feature overflow',
        category: 'prediction_failed',
      },
      { action: 'ack' },
    ]);
    const [entries] = write.mock.calls[0];
    expect(entries.map((e) => e.status)).toEqual(['done', 'failed', 'done']);
    expect(entries[1]).toMatchObject({ error: 'feature overflow', modelVersion: 'm-test' });
    expect(
      await metric('sibyl_predictions_completed_total', { status: 'failed', language: 'none' }),
    ).toBe(1);
  });

  it('holds the batch while the database is unreachable (no requeue), tells the consumer to pause, then acks', async () => {
    const changes: Array<string | undefined> = [];
    outage.onChange((held) => changes.push(held));
    write.mockRejectedValueOnce(unreachable()).mockRejectedValueOnce(unreachable());
    const dispositions = await Promise.all(
      ['a', 'b'].map((t, i) => service.predict(message(t, i))),
    );
    expect(dispositions).toEqual([{ action: 'ack' }, { action: 'ack' }]);
    expect(write).toHaveBeenCalledTimes(3);
    expect(changes).toEqual(['cannot store results: server selection timed out', undefined]);
    expect(outage.held).toBeUndefined();
    expect(await metric('sibyl_messages_requeued_total')).toBe(0);
  });

  it('after drain() an unreachable database hands the batch back to the broker instead of holding it', async () => {
    outage.stop();
    write.mockRejectedValueOnce(unreachable());
    await expect(service.predict(message('a', 1))).resolves.toEqual({
      action: 'requeue',
      reason: 'storing the result failed: server selection timed out',
    });
  });

  it('requeues the whole batch when the write fails for another reason', async () => {
    write.mockRejectedValueOnce(new Error('connect ECONNREFUSED'));
    const dispositions = await Promise.all(
      ['a', 'b'].map((t, i) => service.predict(message(t, i))),
    );
    expect(dispositions).toEqual([
      { action: 'requeue', reason: 'storing the result failed: connect ECONNREFUSED' },
      { action: 'requeue', reason: 'storing the result failed: connect ECONNREFUSED' },
    ]);
    expect(await metric('sibyl_results_written_total')).toBe(0);
  });

  it('counts written and skipped results and completions only for what it wrote', async () => {
    write.mockImplementationOnce(async (entries) => ({
      written: new Set([entries[0].trackingId]),
      skipped: 2,
    }));
    await Promise.all(['hej', 'hallå', 'hejsan'].map((t, i) => service.predict(message(t, i))));
    expect(await metric('sibyl_results_written_total')).toBe(1);
    expect(await metric('sibyl_results_skipped_total')).toBe(2);
    expect(
      await metric('sibyl_predictions_completed_total', { language: 'sv', status: 'done' }),
    ).toBe(1);
    expect(await metric('sibyl_prediction_latency_seconds', {})).toBe(1);
    expect(await metric('sibyl_batch_size')).toBe(1);
  });

  it('uses the model served when a batch starts for the whole batch, and a swapped model from the next batch on', async () => {
    const next = fakeModel();
    let release!: () => void;
    write.mockImplementationOnce(async (entries) => {
      // the first batch is being written when the model is swapped
      serving.replace({ ...serving.current, version: 'm-next', model: next });
      await new Promise<void>((resolve) => (release = resolve));
      return { written: new Set(entries.map((e) => e.trackingId)), skipped: 0 };
    });
    const first = Promise.all(
      ['hej', 'hallå', 'tja'].map((t, i) => service.predict(message(t, i))),
    );
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = Promise.all(
      ['hej', 'hallå', 'tja'].map((t, i) => service.predict(message(t, i + 3))),
    );
    release();
    await Promise.all([first, second]);
    const versions = write.mock.calls.map(([entries]) =>
      entries.map((entry) =>
        entry.status === 'done' ? entry.result.modelVersion : entry.modelVersion,
      ),
    );
    expect(versions).toEqual([
      ['m-test', 'm-test', 'm-test'],
      ['m-next', 'm-next', 'm-next'],
    ]);
    expect(model.predictMany).toHaveBeenCalledTimes(1);
    expect(next.predictMany).toHaveBeenCalledTimes(1);
  });

  it('drain() writes the open batch at once and hands later messages back to the broker', async () => {
    service = new PredictionService(
      serving,
      { write } as unknown as ResultWriter,
      metrics,
      { maxSize: 100, maxWaitMs: 60_000 },
      newOutage(),
    );
    const pending = service.predict(message('hej', 1));
    await service.drain();
    await expect(pending).resolves.toEqual({ action: 'ack' });
    await expect(service.predict(message('hej', 2))).resolves.toEqual({
      action: 'requeue',
      reason: 'micro-batcher is drained',
    });
  });
});
