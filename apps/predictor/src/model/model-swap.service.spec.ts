import { Logger } from '@nestjs/common';
import { trainTinyModel } from '@sibyl/model/testing';
import { resolveMetricsOptions } from '@sibyl/observability';
import { modelVersionOf, sha256Hex } from '@sibyl/registry';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import {
  InThreadModelDecoder,
  WorkerModelDecoder,
  type DecodedModel,
  type ModelDecoder,
} from './model-decoder';
import type { ModelRef, ModelSource } from './model-source.interface';
import { ModelSwapService } from './model-swap.service';

/** An in-memory registry: artifacts by version and which one is live. */
class FakeSource implements ModelSource {
  readonly artifacts = new Map<string, Buffer>();
  readonly records = new Map<string, ModelRef>();
  liveVersion: string | null = null;
  failLive: Error | undefined;
  fetches = 0;

  add(bytes: Buffer): ModelRef {
    const ref = { version: modelVersionOf(bytes), sha256: sha256Hex(bytes) };
    this.artifacts.set(ref.version, bytes);
    this.records.set(ref.version, ref);
    return ref;
  }

  async live(): Promise<ModelRef | null> {
    if (this.failLive) throw this.failLive;
    return (this.liveVersion && this.records.get(this.liveVersion)) || null;
  }

  async fetch(version: string): Promise<Buffer> {
    this.fetches++;
    const bytes = this.artifacts.get(version);
    if (!bytes) throw new Error(`no model ${version}`);
    return bytes;
  }
}

const quiet = new Logger('test');

/**
 * Decodes in-thread, but can be held (as a decode in a worker thread keeps the event loop free until it
 * answers): {@link hold} makes the next decodes wait until the returned release is called.
 */
class GatedDecoder implements ModelDecoder {
  waiting = false;
  private gate: Promise<void> = Promise.resolve();
  private readonly inThread = new InThreadModelDecoder();

  hold(): () => void {
    let release: () => void = () => undefined;
    this.gate = new Promise((resolve) => (release = resolve));
    return release;
  }

  async decode(bytes: Uint8Array, ref: ModelRef): Promise<DecodedModel> {
    this.waiting = true;
    await this.gate;
    this.waiting = false;
    return this.inThread.decode(bytes, ref);
  }
}

/** Yields to the event loop until `condition` holds. */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
const OPTIONS = { modelPath: '', recheckIntervalMs: 0, decoder: new InThreadModelDecoder() };

describe('ModelSwapService', () => {
  let first: Buffer;
  let second: Buffer;
  let modelPath: string;
  let source: FakeSource;
  let registry: Registry;
  let metrics: PredictorMetrics;

  beforeAll(async () => {
    first = (await trainTinyModel()).identifier.toBuffer();
    second = (await trainTinyModel({ pairStages: [['sv', 'de']] })).identifier.toBuffer();
    modelPath = join(await mkdtemp(join(tmpdir(), 'sibyl-swap-')), 'langid.model');
    await writeFile(modelPath, first);
  }, 120_000); // two real trainings: seconds on a busy machine

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    jest.spyOn(Logger.prototype, 'error').mockImplementation();
    source = new FakeSource();
    registry = new Registry();
    metrics = new PredictorMetrics(registry, resolveMetricsOptions());
  });
  afterEach(() => jest.restoreAllMocks());

  const values = async (name: string) =>
    ((await registry.getSingleMetric(name)?.get())?.values ?? []).map(({ labels, value }) => ({
      labels,
      value,
    }));

  it('boots on the live version of the registry', async () => {
    source.liveVersion = source.add(second).version;
    const swap = await ModelSwapService.boot(source, metrics, { ...OPTIONS, modelPath }, quiet);
    expect(swap.serving.current).toMatchObject({
      version: modelVersionOf(second),
      sha256: sha256Hex(second),
      origin: 'registry',
    });
    expect(await values('sibyl_model_info')).toEqual([
      { labels: { version: modelVersionOf(second), name: 'sibyl-langid' }, value: 1 },
    ]);
  });

  it('falls back to MODEL_PATH only when the registry has no live model, saying so, with the content-derived version', async () => {
    const warn = jest.spyOn(quiet, 'warn').mockImplementation();
    const swap = await ModelSwapService.boot(source, metrics, { ...OPTIONS, modelPath }, quiet);
    expect(swap.serving.current).toMatchObject({ version: modelVersionOf(first), origin: 'file' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no live model: serving MODEL_PATH'));
  });

  it('does not start when the registry cannot be read or its live model is corrupt', async () => {
    source.failLive = new Error('connection refused');
    await expect(ModelSwapService.boot(source, metrics, OPTIONS, quiet)).rejects.toThrow(
      'cannot read the live model from the registry: connection refused',
    );
    source.failLive = undefined;
    const ref = source.add(second);
    source.artifacts.set(ref.version, first);
    source.liveVersion = ref.version;
    await expect(ModelSwapService.boot(source, metrics, OPTIONS, quiet)).rejects.toThrow(
      /refused: its artifact's sha256 .* is not the registered/,
    );
  });

  it('keeps serving the old model while the new one is decoded, and reports the batches served meanwhile', async () => {
    const a = source.add(first);
    const b = source.add(second);
    source.liveVersion = a.version;
    const decoder = new GatedDecoder();
    const swap = await ModelSwapService.boot(source, metrics, { ...OPTIONS, decoder }, quiet);
    expect(swap.serving.current.load).not.toHaveProperty('batchesWhileDecoding'); // nothing served before boot

    const release = decoder.hold();
    source.liveVersion = b.version;
    const checking = swap.check('event');
    await waitUntil(() => decoder.waiting);
    for (let batch = 0; batch < 3; batch++) expect(swap.serving.forBatch().version).toBe(a.version);
    release();
    await checking;
    expect(swap.serving.forBatch().version).toBe(b.version);
    expect(swap.serving.current.load).toMatchObject({
      fetchMs: expect.any(Number),
      batchesWhileDecoding: 3,
    });
  });

  it('swaps to a newly promoted version and back on rollback, counting swaps and updating model_info', async () => {
    const a = source.add(first);
    const b = source.add(second);
    source.liveVersion = a.version;
    const swap = await ModelSwapService.boot(source, metrics, OPTIONS, quiet);
    const old = swap.serving.current.model;

    source.liveVersion = b.version;
    await swap.check('event');
    expect(swap.serving.current.version).toBe(b.version);
    expect(swap.serving.current.model).not.toBe(old);
    expect(await values('sibyl_model_info')).toEqual([
      { labels: { version: b.version, name: 'sibyl-langid' }, value: 1 },
    ]);

    source.liveVersion = a.version;
    await swap.check('recheck');
    expect(swap.serving.current.version).toBe(a.version);
    expect(await values('sibyl_model_swaps_total')).toEqual([
      { labels: { trigger: 'event' }, value: 1 },
      { labels: { trigger: 'recheck' }, value: 1 },
    ]);

    const fetches = source.fetches;
    await swap.check('recheck');
    expect(source.fetches).toBe(fetches); // already serving the live version: nothing fetched
  });

  it('keeps the old model serving when the new one fails its checksum, and reports it until a load succeeds', async () => {
    const a = source.add(first);
    const b = source.add(second);
    source.liveVersion = a.version;
    const swap = await ModelSwapService.boot(source, metrics, OPTIONS, quiet);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation();
    source.artifacts.set(b.version, Buffer.concat([second, Buffer.from('tampered')]));
    source.liveVersion = b.version;

    await swap.check('event');
    expect(swap.serving.current.version).toBe(a.version);
    expect(swap.serving.lastFailure).toMatchObject({ version: b.version, reason: 'checksum' });
    expect(error).toHaveBeenCalledWith(expect.stringContaining(`${a.version} keeps serving`));
    expect(await values('sibyl_model_load_failures_total')).toEqual([
      { labels: { reason: 'checksum' }, value: 1 },
    ]);

    source.liveVersion = a.version; // rolled back: the served model is the live one again
    await swap.check('event');
    expect(swap.serving.lastFailure).toBeUndefined();

    source.liveVersion = b.version;
    await swap.check('event');
    expect(swap.serving.lastFailure).toMatchObject({ version: b.version });
    source.artifacts.set(b.version, second);
    await swap.check('recheck');
    expect(swap.serving.current.version).toBe(b.version);
    expect(swap.serving.lastFailure).toBeUndefined();
  });

  it('bounds a swap whose decode worker hangs: fails as timeout, counted, the old model keeps serving', async () => {
    const a = source.add(first);
    const b = source.add(second);
    source.liveVersion = a.version;
    const script = join(await mkdtemp(join(tmpdir(), 'sibyl-hung-')), 'hung.js');
    await writeFile(
      script,
      "require('node:worker_threads').parentPort.on('message', () => { for (;;); });\n",
    );
    const hung = new WorkerModelDecoder({ script, timeoutMs: 300 });
    let decodes = 0;
    const decoder: ModelDecoder = {
      // boots in-thread, then every swap goes to the hung worker
      decode: (bytes, ref) => (decodes++ === 0 ? OPTIONS.decoder : hung).decode(bytes, ref),
      close: () => hung.close(),
    };
    const swap = await ModelSwapService.boot(source, metrics, { ...OPTIONS, decoder }, quiet);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation();
    source.liveVersion = b.version;
    await swap.check('event');
    expect(swap.serving.forBatch().version).toBe(a.version);
    expect(swap.serving.lastFailure).toMatchObject({ version: b.version, reason: 'timeout' });
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('did not answer within 300 ms (MODEL_DECODE_TIMEOUT_MS)'),
    );
    expect(await values('sibyl_model_load_failures_total')).toEqual([
      { labels: { reason: 'timeout' }, value: 1 },
    ]);
    await swap.onApplicationShutdown();
  }, 30_000);

  it('keeps serving when the registry cannot be read, and runs checks one at a time', async () => {
    const a = source.add(first);
    const b = source.add(second);
    source.liveVersion = a.version;
    const swap = await ModelSwapService.boot(source, metrics, OPTIONS, quiet);
    source.failLive = new Error('server selection timed out');
    await swap.check('recheck');
    expect(swap.serving.current.version).toBe(a.version);

    source.failLive = undefined;
    source.liveVersion = b.version;
    await Promise.all([swap.check('event'), swap.check('event'), swap.check('recheck')]);
    await swap.check('recheck');
    expect(swap.serving.current.version).toBe(b.version);
    expect(source.fetches).toBe(2); // boot + one swap
  });
});
