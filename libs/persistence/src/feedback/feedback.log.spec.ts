import type { mongo } from 'mongoose';
import { FEEDBACK_COLLECTION, FeedbackRecord, FeedbackSchema } from './feedback-record.schema';
import { feedbackExportLine } from './feedback-export';
import { FeedbackLog } from './feedback.log';

/** Records the calls a fake `feedback` collection receives. */
function fakeCollection() {
  const calls: { method: string; args: unknown[] }[] = [];
  const cursor = {
    sort: (...args: unknown[]) => (calls.push({ method: 'sort', args }), cursor),
    limit: (...args: unknown[]) => (calls.push({ method: 'limit', args }), cursor),
    toArray: async () => [{ predicted: 'sv', actual: 'sv', at: new Date(0) }],
  };
  const collection = {
    replaceOne: async (...args: unknown[]) => void calls.push({ method: 'replaceOne', args }),
    find: (...args: unknown[]) => (calls.push({ method: 'find', args }), cursor),
    distinct: async (...args: unknown[]) => (calls.push({ method: 'distinct', args }), ['v1']),
  };
  return { calls, log: new FeedbackLog(collection as unknown as mongo.Collection<FeedbackRecord>) };
}

/** One stored feedback document. */
const entry: FeedbackRecord = {
  _id: 't1',
  modelVersion: 'langid-abc',
  predicted: 'da',
  actual: 'nb',
  at: new Date('2026-12-07T03:00:00Z'),
  text: 'Jeg heter Kari',
};

describe('FeedbackLog', () => {
  it('upserts by tracking id, so a correction replaces the earlier feedback', async () => {
    const { calls, log } = fakeCollection();
    await log.record(entry);
    expect(calls).toEqual([
      { method: 'replaceOne', args: [{ _id: 't1' }, entry, { upsert: true }] },
    ]);
  });

  it("reads one version's newest feedback, optionally since a time, with a projection", async () => {
    const { calls, log } = fakeCollection();
    const since = new Date('2026-12-06T03:00:00Z');
    await expect(log.recent('langid-abc', 100, since)).resolves.toHaveLength(1);
    expect(calls).toEqual([
      {
        method: 'find',
        args: [
          { modelVersion: 'langid-abc', at: { $gte: since } },
          { projection: { _id: 0, predicted: 1, actual: 1, at: 1 } },
        ],
      },
      { method: 'sort', args: [{ at: -1 }] },
      { method: 'limit', args: [100] },
    ]);
  });

  it('lists the versions with feedback since a time (distinct)', async () => {
    const { calls, log } = fakeCollection();
    const since = new Date(0);
    await expect(log.versionsSince(since)).resolves.toEqual(['v1']);
    expect(calls).toEqual([
      { method: 'distinct', args: ['modelVersion', { at: { $gte: since } }] },
    ]);
  });

  it('is stored in its own collection, indexed for the windows and the export', () => {
    expect(FeedbackSchema.get('collection')).toBe(FEEDBACK_COLLECTION);
    const indexes = FeedbackSchema.indexes().map(([fields]) => fields);
    expect(indexes).toEqual([{ modelVersion: 1, at: -1 }, { at: 1 }]);
  });
});

describe('feedbackExportLine', () => {
  it('gives the text and the right language (the feedback), as langid train and eval read them', () => {
    expect(feedbackExportLine({ ...entry, owner: 'k' })).toEqual({
      text: 'Jeg heter Kari',
      language: 'nb',
      predicted: 'da',
      modelVersion: 'langid-abc',
      at: '2026-12-07T03:00:00.000Z',
      trackingId: 't1',
    });
  });
});
