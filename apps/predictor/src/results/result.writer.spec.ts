import { PredictionStatus } from '@sibyl/contracts';
import type { PredictionRecord } from '@sibyl/persistence';
import type { Model } from 'mongoose';
import { PendingGuard, PredictionResultFields, ResultEntry, ResultWriter } from './result.writer';

type Doc = Record<string, unknown> & { _id: string; status: string };
interface UpdateById {
  updateMany: {
    filter: { _id: string; status?: string };
    update: { $set: Record<string, unknown> };
  };
}

/**
 * In-memory stand-in for the mongoose model of MongoDB (`filter` guard) or FerretDB (`lookup` guard): applies
 * each update to the document with that `_id` if every filter field matches, and answers the lookups.
 */
class FakePredictionModel {
  readonly docs = new Map<string, Doc>();
  readonly buildInfo = jest.fn(async () =>
    this.flavor === 'lookup'
      ? { version: '7.0.42', ferretdbVersion: 'v1.24.2' }
      : { version: '7.0.14' },
  );
  readonly db = { db: { admin: () => ({ command: this.buildInfo }) } };
  readonly bulkWrite = jest.fn(async (operations: UpdateById[]) => {
    let matchedCount = 0;
    for (const { updateMany } of operations) {
      const { _id, ...rest } = updateMany.filter;
      const doc = this.docs.get(_id);
      if (doc && Object.entries(rest).every(([key, value]) => doc[key] === value)) {
        matchedCount++;
        Object.assign(doc, updateMany.update.$set);
      }
    }
    return { matchedCount, modifiedCount: matchedCount };
  });
  readonly findOne = jest.fn((filter: { _id: string }) => ({
    lean: () => ({ exec: async () => this.docs.get(filter._id) ?? null }),
  }));
  readonly find = jest.fn((filter: { _id: { $in: string[] }; completedAt: Date }) => ({
    lean: () => ({
      exec: async () =>
        [...this.docs.values()]
          .filter((doc) => filter._id.$in.includes(doc._id))
          .filter(
            (doc) => (doc.completedAt as Date | null)?.getTime() === filter.completedAt.getTime(),
          )
          .map((doc) => ({ _id: doc._id })),
    }),
  }));

  constructor(private readonly flavor: PendingGuard) {}

  queued(id: string): void {
    this.docs.set(id, { _id: id, status: 'queued', text: 'x', language: null, completedAt: null });
  }
}

const swedish: PredictionResultFields = {
  language: 'sv',
  languageName: 'Swedish',
  nativeName: 'Svenska',
  confidence: 0.93,
  top: [
    { language: 'sv', score: 0.93 },
    { language: 'nb', score: 0.05 },
    { language: 'da', score: 0.02 },
  ],
  modelVersion: 'm1',
};
const done = (trackingId: string, result = swedish): ResultEntry => ({
  trackingId,
  status: PredictionStatus.Done,
  result,
});

describe.each<PendingGuard>(['filter', 'lookup'])('ResultWriter (%s guard)', (flavor) => {
  let model: FakePredictionModel;
  let writer: ResultWriter;

  beforeEach(() => {
    model = new FakePredictionModel(flavor);
    writer = new ResultWriter(model as unknown as Model<PredictionRecord>);
  });

  it('detects the guard once from buildInfo', async () => {
    await expect(writer.pendingGuard()).resolves.toBe(flavor);
    await writer.write([done('a')]);
    expect(model.buildInfo).toHaveBeenCalledTimes(1);
  });

  it('writes a whole batch with one bulkWrite of updates by _id', async () => {
    ['a', 'b'].forEach((id) => model.queued(id));
    const completedAt = new Date('2026-01-01T00:00:00Z');
    const summary = await writer.write([done('a'), done('b')], completedAt);
    expect(model.bulkWrite).toHaveBeenCalledTimes(1);
    expect(model.bulkWrite.mock.calls[0][0][0]).toEqual({
      updateMany: {
        filter: flavor === 'filter' ? { _id: 'a', status: 'queued' } : { _id: 'a' },
        update: { $set: { ...swedish, error: null, status: 'done', completedAt } },
      },
    });
    expect(summary).toEqual({ written: new Set(['a', 'b']), skipped: 0 });
    expect(model.docs.get('a')).toMatchObject({ status: 'done', language: 'sv', completedAt });
    expect(model.find).not.toHaveBeenCalled();
    expect(model.findOne).toHaveBeenCalledTimes(flavor === 'lookup' ? 2 : 0);
  });

  it('is idempotent: a redelivered result neither writes twice nor changes the stored result', async () => {
    model.queued('a');
    const first = new Date('2026-01-01T00:00:00Z');
    await writer.write([done('a')], first);
    const stored = { ...model.docs.get('a') };

    const other = {
      ...swedish,
      language: 'nb',
      languageName: 'Norwegian Bokmål',
      modelVersion: 'm2',
    };
    const again = await writer.write([done('a', other)], new Date('2026-01-01T00:00:05Z'));

    expect(again).toEqual({ written: new Set(), skipped: 1 });
    expect(model.docs.get('a')).toEqual(stored);
  });

  it('in a mixed batch reports exactly the documents it wrote', async () => {
    ['a', 'b', 'c'].forEach((id) => model.queued(id));
    await writer.write([done('b')], new Date('2026-01-01T00:00:00Z'));
    const summary = await writer.write(
      [done('a'), done('b'), done('c')],
      new Date('2026-01-01T00:00:01Z'),
    );
    expect(summary).toEqual({ written: new Set(['a', 'c']), skipped: 1 });
    expect(model.docs.get('b')?.completedAt).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  it('counts a duplicate inside one batch once', async () => {
    model.queued('a');
    const summary = await writer.write([done('a'), done('a', { ...swedish, modelVersion: 'm2' })]);
    expect(summary).toEqual({ written: new Set(['a']), skipped: 1 });
    expect(model.docs.get('a')?.modelVersion).toBe('m1');
  });

  it('skips unknown documents', async () => {
    await expect(writer.write([done('ghost')])).resolves.toEqual({
      written: new Set(),
      skipped: 1,
    });
    expect(model.docs.size).toBe(0);
  });

  it('stores a failure with its reason, only while pending', async () => {
    model.queued('a');
    const completedAt = new Date();
    await writer.write(
      [{ trackingId: 'a', status: PredictionStatus.Failed, error: 'boom', modelVersion: 'm1' }],
      completedAt,
    );
    expect(model.docs.get('a')).toMatchObject({
      status: 'failed',
      error: 'boom',
      modelVersion: 'm1',
      completedAt,
    });
    await writer.write([done('a')]);
    expect(model.docs.get('a')).toMatchObject({ status: 'failed', language: null });
  });

  it('does not touch the database for an empty batch', async () => {
    await expect(writer.write([])).resolves.toEqual({ written: new Set(), skipped: 0 });
    expect(model.bulkWrite).not.toHaveBeenCalled();
  });

  it('propagates a database failure so the batch can be retried', async () => {
    model.queued('a');
    model.bulkWrite.mockRejectedValueOnce(new Error('connection refused'));
    await expect(writer.write([done('a')])).rejects.toThrow('connection refused');
  });
});

describe('ResultWriter without a connection', () => {
  it('fails (so the batch is requeued) and asks again next time', async () => {
    const model = { db: { db: undefined } };
    const writer = new ResultWriter(model as unknown as Model<PredictionRecord>);
    await expect(writer.write([done('a')])).rejects.toThrow(/not connected/);
  });
});
