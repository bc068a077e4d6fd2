import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { PredictionRequest } from '@sibyl/amqp';
import { PredictionStatus } from '@sibyl/contracts';
import type { PredictionRecord } from '@sibyl/persistence';
import type { OutboxDispatcher } from '../outbox/outbox.dispatcher';
import type { FeedbackOutcome, PredictionSnapshot, PredictionStore } from '../records/prediction.store';
import type { PredictionsMetrics } from './predictions.metrics';
import { PredictionsService } from './predictions.service';

const options = { maxTextBytes: 100, maxBatchItems: 10, maxWaitMs: 200, insertBatchMax: 100, insertBatchWaitMs: 0 };

/** A store and a dispatcher in memory, recording the order of events. */
function setup(init: { insertError?: Error; feedback?: FeedbackOutcome } = {}) {
  const events: string[] = [];
  const docs = new Map<string, PredictionRecord>();
  const store = {
    insertMany: async (records: PredictionRecord[]) => {
      if (init.insertError) throw init.insertError;
      events.push(`insert ${records.length}`);
      for (const record of records) docs.set(record._id, record);
    },
    findSnapshot: async (id: string) => (docs.get(id) as PredictionSnapshot | undefined) ?? null,
    findFinished: async (ids: string[]) =>
      ids.map((id) => docs.get(id)).filter((d): d is PredictionRecord => !!d && d.status !== PredictionStatus.Queued) as PredictionSnapshot[],
    setFeedback: async () => init.feedback ?? 'saved',
  } as unknown as PredictionStore;
  const dispatched: PredictionRequest[] = [];
  const dispatcher = {
    dispatch: async (requests: PredictionRequest[]) => {
      events.push(`publish ${requests.length}`);
      dispatched.push(...requests);
      return { confirmed: requests.length, failed: 0 };
    },
    drain: async () => undefined,
  } as unknown as OutboxDispatcher;
  const accepted: number[] = [];
  const metrics = { accepted: { inc: (n: number) => accepted.push(n) } } as unknown as PredictionsMetrics;
  const service = new PredictionsService(store, dispatcher, metrics, options);
  return { service, events, docs, dispatched, accepted };
}

describe('PredictionsService', () => {
  it('stores every text as queued before publishing it as attempt 1', async () => {
    const { service, events, docs, dispatched, accepted } = setup();
    const items = await service.submit(['one', 'two']);
    expect(items).toEqual([
      { trackingId: expect.any(String), status: 'queued' },
      { trackingId: expect.any(String), status: 'queued' },
    ]);
    expect(events).toEqual(['insert 2', 'publish 2']);
    const stored = docs.get(items[0].trackingId) as PredictionRecord;
    expect(stored).toMatchObject({ text: 'one', status: 'queued', publishedAt: null, publishAttempts: 1 });
    expect(dispatched[0]).toEqual({ trackingId: items[0].trackingId, text: 'one', submittedAt: stored.submittedAt.toISOString(), attempt: 1 });
    expect(accepted).toEqual([2]);
  });

  it('groups concurrent submissions into one insert', async () => {
    const { service, events } = setup();
    await Promise.all([service.submit(['a']), service.submit(['b']), service.submit(['c'])]);
    expect(events[0]).toBe('insert 3');
  });

  it('publishes and counts nothing when the requests cannot be stored', async () => {
    const { service, events, accepted } = setup({ insertError: new Error('server selection timed out') });
    await expect(service.submit(['x'])).rejects.toThrow('server selection timed out');
    expect(events).toEqual([]);
    expect(accepted).toEqual([]);
  });

  it('answers 404 for an unknown id', async () => {
    const { service } = setup();
    await expect(service.find('0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99')).rejects.toBeInstanceOf(NotFoundException);
  });

  it('returns the queued view at once without wait, and after at most MAX_WAIT_MS with one', async () => {
    const { service } = setup();
    const [{ trackingId }] = await service.submit(['pending']);
    expect(await service.find(trackingId)).toMatchObject({ trackingId, status: 'queued', language: null, top: [] });
    const started = Date.now();
    expect(await service.find(trackingId, 60_000)).toMatchObject({ status: 'queued' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('long-polls until the result is written', async () => {
    const { service, docs } = setup();
    const [{ trackingId }] = await service.submit(['soon done']);
    setTimeout(() => {
      Object.assign(docs.get(trackingId) as PredictionRecord, { status: PredictionStatus.Done, language: 'en', confidence: 0.9, completedAt: new Date() });
    }, 20);
    expect(await service.find(trackingId, 150)).toMatchObject({ status: 'done', language: 'en', confidence: 0.9 });
  });

  it.each([
    ['saved', undefined],
    ['not_found', NotFoundException],
    ['not_done', ConflictException],
  ] as const)('maps feedback outcome %s', async (outcome, error) => {
    const { service } = setup({ feedback: outcome });
    const result = service.giveFeedback('0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99', { language: 'sv' });
    if (error) await expect(result).rejects.toBeInstanceOf(error);
    else await expect(result).resolves.toBeUndefined();
  });

  it('refuses feedback naming an unsupported language', async () => {
    const { service } = setup();
    await expect(service.giveFeedback('0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99', { language: 'xx' })).rejects.toBeInstanceOf(BadRequestException);
  });
});
