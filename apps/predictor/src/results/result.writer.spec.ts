import { PredictionStatus } from '@sibyl/contracts';
import {
  DatabaseTimeoutError,
  DUPLICATE_KEY,
  isDatabaseUnavailable,
  type PredictionResultRecord,
} from '@sibyl/persistence';
import type { Model } from 'mongoose';
import type { PredictorMetrics } from '../metrics/predictor.metrics';
import { doneEntry, SWEDISH_RESULT } from '../../test/results/swedish-result.fixture';
import { ResultEntry, ResultWriter } from './result.writer';

type Doc = PredictionResultRecord;

/**
 * In-memory stand-in for the `prediction_results` collection: an unordered `insertMany` that stores every new
 * `_id` and reports the others as duplicate-key write errors, as MongoDB and FerretDB do.
 */
class FakeResults {
  readonly docs = new Map<string, Doc>();
  readonly insertMany = jest.fn(async (docs: Doc[], options: { ordered: boolean }) => {
    expect(options).toEqual({ ordered: false });
    const writeErrors: Array<{ code: number; index: number }> = [];
    docs.forEach((doc, index) => {
      if (this.docs.has(doc._id)) writeErrors.push({ code: DUPLICATE_KEY, index });
      else this.docs.set(doc._id, structuredClone(doc));
    });
    if (writeErrors.length > 0)
      throw Object.assign(new Error('E11000 duplicate key'), { writeErrors });
    return { insertedCount: docs.length };
  });
  readonly collection = { insertMany: this.insertMany };
}

const submittedAt = new Date('2025-12-31T23:59:59Z');
const done = (trackingId: string, result = SWEDISH_RESULT): ResultEntry =>
  doneEntry(trackingId, submittedAt, result);

/** The bound of a write in these specs. */
const WRITE_TIMEOUT_MS = 200;

describe('ResultWriter', () => {
  let results: FakeResults;
  let writer: ResultWriter;
  let timeouts: { inc: jest.Mock };

  beforeEach(() => {
    results = new FakeResults();
    timeouts = { inc: jest.fn() };
    writer = new ResultWriter(
      results as unknown as Model<PredictionResultRecord>,
      WRITE_TIMEOUT_MS,
      { databaseTimeouts: timeouts } as unknown as PredictorMetrics,
    );
  });

  afterEach(() => jest.useRealTimers());

  it('writes a whole batch with one unordered insertMany of complete result documents', async () => {
    const completedAt = new Date('2026-01-01T00:00:00Z');
    const summary = await writer.write([done('a'), done('b')], completedAt);
    expect(results.insertMany).toHaveBeenCalledTimes(1);
    expect(results.docs.get('a')).toEqual({
      _id: 'a',
      status: 'done',
      ...SWEDISH_RESULT,
      error: null,
      feedback: null,
      submittedAt,
      completedAt,
    });
    expect(summary).toEqual({ written: new Set(['a', 'b']), skipped: 0 });
  });

  it('is idempotent: a redelivered result neither writes twice nor changes the stored result', async () => {
    await writer.write([done('a')], new Date('2026-01-01T00:00:00Z'));
    const stored = structuredClone(results.docs.get('a'));
    const other = {
      ...SWEDISH_RESULT,
      language: 'nb',
      languageName: 'Norwegian Bokmål',
      modelVersion: 'm2',
    };
    const again = await writer.write([done('a', other)], new Date('2026-01-01T00:00:05Z'));
    expect(again).toEqual({ written: new Set(), skipped: 1 });
    expect(results.docs.get('a')).toEqual(stored);
  });

  it('in a mixed batch reports exactly the results it wrote', async () => {
    await writer.write([done('b')], new Date('2026-01-01T00:00:00Z'));
    const summary = await writer.write(
      [done('a'), done('b'), done('c')],
      new Date('2026-01-01T00:00:01Z'),
    );
    expect(summary).toEqual({ written: new Set(['a', 'c']), skipped: 1 });
    expect(results.docs.get('b')?.completedAt).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  it('writes a request repeated inside one batch once, keeping the first', async () => {
    const summary = await writer.write([
      done('a'),
      done('a', { ...SWEDISH_RESULT, modelVersion: 'm2' }),
    ]);
    expect(summary).toEqual({ written: new Set(['a']), skipped: 1 });
    expect(results.insertMany.mock.calls[0][0]).toHaveLength(1);
    expect(results.docs.get('a')?.modelVersion).toBe('m1');
  });

  it('stores a failure with its reason, and nothing after it', async () => {
    const completedAt = new Date();
    await writer.write(
      [
        {
          trackingId: 'a',
          submittedAt,
          status: PredictionStatus.Failed,
          error: 'boom',
          modelVersion: 'm1',
        },
      ],
      completedAt,
    );
    expect(results.docs.get('a')).toMatchObject({
      status: 'failed',
      error: 'boom',
      modelVersion: 'm1',
      language: null,
      completedAt,
    });
    await writer.write([done('a')]);
    expect(results.docs.get('a')).toMatchObject({ status: 'failed', language: null });
  });

  it('does not touch the database for an empty batch', async () => {
    await expect(writer.write([])).resolves.toEqual({ written: new Set(), skipped: 0 });
    expect(results.insertMany).not.toHaveBeenCalled();
  });

  it('propagates a database failure so the batch can be retried', async () => {
    results.insertMany.mockRejectedValueOnce(new Error('connection refused'));
    await expect(writer.write([done('a')])).rejects.toThrow('connection refused');
  });

  it('propagates a write error that is not a duplicate key', async () => {
    results.insertMany.mockRejectedValueOnce(
      Object.assign(new Error('bad'), { writeErrors: [{ code: 121, index: 0 }] }),
    );
    await expect(writer.write([done('a')])).rejects.toThrow('bad');
  });

  it('gives up on a write without an answer within the bound: an unavailable database, counted', async () => {
    jest.useFakeTimers();
    results.insertMany.mockReturnValueOnce(new Promise<never>(() => undefined));
    const writing = writer.write([done('a')]).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(WRITE_TIMEOUT_MS);
    const error = await writing;
    expect(error).toBeInstanceOf(DatabaseTimeoutError);
    expect(isDatabaseUnavailable(error)).toBe(true); // → StorageOutage holds the batch and retries
    expect((error as Error).message).toBe(
      `write of 1 result(s): no answer from the database within ${WRITE_TIMEOUT_MS} ms`,
    );
    expect(timeouts.inc).toHaveBeenCalledTimes(1);
  });
});
