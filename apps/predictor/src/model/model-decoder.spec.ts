import { trainTinyModel } from '@sibyl/model/testing';
import { modelVersionOf, sha256Hex } from '@sibyl/registry';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InThreadModelDecoder,
  WorkerModelDecoder,
  type ModelDecoder,
  type WorkerDecoderOptions,
} from './model-decoder';
import type { ModelRef } from './model-source.interface';

/** The worker entry run from its TypeScript source (the bundle runs `model-decode.worker.js`). */
const FROM_SOURCES = {
  script: join(__dirname, 'model-decode.worker.ts'),
  execArgv: ['--require', 'tsx/cjs'],
};
const TEXTS = ['Jag tycker om att läsa böcker på kvällen.', 'Ich lese abends gern Bücher.', ''];

describe('model decoders', () => {
  let bytes: Buffer;
  let ref: ModelRef;
  const started: WorkerModelDecoder[] = [];
  /** A worker decoder (from sources unless told otherwise), stopped after the test. */
  const worker = (options: WorkerDecoderOptions = FROM_SOURCES): WorkerModelDecoder => {
    const decoder = new WorkerModelDecoder(options);
    started.push(decoder);
    return decoder;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((decoder) => decoder.close()));
  });

  beforeAll(async () => {
    bytes = (await trainTinyModel({ pairStages: [['sv', 'de']] })).identifier.toBuffer();
    ref = { version: modelVersionOf(bytes), sha256: sha256Hex(bytes) };
  }, 120_000);

  it('a worker thread decodes the model: it predicts exactly as one decoded in-thread', async () => {
    const inThread = await new InThreadModelDecoder().decode(bytes, ref);
    const decoded = await worker().decode(bytes, ref);
    expect(decoded.model.info).toEqual(inThread.model.info);
    for (const text of TEXTS) {
      expect(decoded.model.predict(text)).toEqual(inThread.model.predict(text));
    }
    expect(decoded.decodeMs).toBeGreaterThanOrEqual(0);
    expect(decoded.eventLoopMs).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('leaves the caller’s bytes usable (a cached artifact is copied to the worker, not moved)', async () => {
    await worker().decode(bytes, ref);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(sha256Hex(bytes)).toBe(ref.sha256);
  }, 60_000);

  it.each([
    ['worker', (): ModelDecoder => worker()],
    ['in-thread', (): ModelDecoder => new InThreadModelDecoder()],
  ])(
    '%s: refuses bytes that do not match the registered sha256 (checksum)',
    async (_, make) => {
      const wrong = { ...ref, sha256: sha256Hex(Buffer.from('other')) };
      await expect(make().decode(bytes, wrong)).rejects.toMatchObject({
        name: 'ModelLoadError',
        version: ref.version,
        reason: 'checksum',
        message: expect.stringContaining(`not the registered ${wrong.sha256}`),
      });
    },
    60_000,
  );

  it.each([
    ['worker', (): ModelDecoder => worker()],
    ['in-thread', (): ModelDecoder => new InThreadModelDecoder()],
  ])(
    '%s: refuses bytes that are not a model (decode)',
    async (_, make) => {
      const garbage = Buffer.from('not a model at all');
      const garbageRef = { version: 'langid-garbage', sha256: sha256Hex(garbage) };
      await expect(make().decode(garbage, garbageRef)).rejects.toMatchObject({
        reason: 'decode',
        message: expect.stringMatching(
          /langid-garbage cannot be decoded: not a Sibyl language model/,
        ),
      });
    },
    60_000,
  );

  it('reports a worker that crashes as a decode failure with its cause', async () => {
    const script = join(await mkdtemp(join(tmpdir(), 'sibyl-worker-')), 'broken.js');
    await writeFile(script, "throw new Error('worker blew up');\n");
    await expect(worker({ script }).decode(bytes, ref)).rejects.toMatchObject({
      reason: 'decode',
      message: expect.stringContaining('the decode worker failed: worker blew up'),
    });
  });

  it('keeps one warm worker for successive decodes, and starts another after close', async () => {
    const decoder = worker();
    const [one, two] = await Promise.all([decoder.decode(bytes, ref), decoder.decode(bytes, ref)]);
    expect(one.model.predict(TEXTS[0])).toEqual(two.model.predict(TEXTS[0]));
    await decoder.close();
    expect((await decoder.decode(bytes, ref)).model.info.classes).toHaveLength(6);
    await decoder.close();
  }, 60_000);

  it('reports a worker that exits without answering', async () => {
    const script = join(await mkdtemp(join(tmpdir(), 'sibyl-worker-')), 'silent.js');
    await writeFile(script, 'process.exit(3);\n');
    await expect(worker({ script }).decode(bytes, ref)).rejects.toMatchObject({
      reason: 'decode',
      message: expect.stringContaining('the decode worker exited with code 3'),
    });
  });

  it('fails a decode the worker does not answer within timeoutMs (timeout) and replaces the worker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sibyl-worker-'));
    const starts = join(dir, 'starts');
    const script = join(dir, 'hung.js');
    // notes each start, then answers nothing and stays busy: a hung decode
    await writeFile(
      script,
      `require('node:fs').appendFileSync(${JSON.stringify(starts)}, 'x');\n` +
        "require('node:worker_threads').parentPort.on('message', () => { for (;;); });\n",
    );
    const decoder = worker({ script, timeoutMs: 300 });
    const started = Date.now();
    await expect(
      Promise.all([decoder.decode(bytes, ref), decoder.decode(bytes, ref)]),
    ).rejects.toMatchObject({
      name: 'ModelLoadError',
      reason: 'timeout',
      message: expect.stringContaining('did not answer within 300 ms (MODEL_DECODE_TIMEOUT_MS)'),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    // the hung worker was terminated: the next decode starts a fresh one (hung too here, bounded too)
    await expect(decoder.decode(bytes, ref)).rejects.toMatchObject({ reason: 'timeout' });
    expect(await readFile(starts, 'utf8')).toBe('xx');
  }, 30_000);

  it('answers in time under the deadline (the timer does not fire on a served decode)', async () => {
    const decoder = worker({ ...FROM_SOURCES, timeoutMs: 20_000 });
    const decoded = await decoder.decode(bytes, ref);
    expect(decoded.model.info.classes).toHaveLength(6);
  }, 60_000);
});
