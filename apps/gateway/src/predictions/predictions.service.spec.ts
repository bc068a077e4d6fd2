import {
  BadRequestException,
  ConflictException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { PredictionRequest } from '@sibyl/contracts';
import {
  DatabaseUnavailableError,
  doneResultDocument,
  isDatabaseUnavailable,
  type PredictionRecord,
  type PredictionResultRecord,
  type StoredFeedback,
} from '@sibyl/persistence';
import type { FeedbackRecorder } from '../model-accuracy/feedback.recorder';
import { CompletionWatcher } from '../completions/completion.watcher';
import type { CompletionsService } from '../completions/completions.service';
import type { OutboxDispatcher } from '../outbox/outbox.dispatcher';
import type { DatabaseClock } from '../records/database.clock';
import type { DatabaseDeadline } from '../records/database-deadline';
import type { FeedbackOutcome, PredictionStore } from '../records/prediction.store';
import type { PredictionsMetrics } from './predictions.metrics';
import { PredictionsService } from './predictions.service';

const options = {
  maxTextBytes: 100,
  maxBatchItems: 10,
  maxWaitMs: 200,
  insertBatchMax: 100,
  insertBatchWaitMs: 0,
  maxLongPollsPerKey: 1,
};

/** DATABASE_OPERATION_TIMEOUT_MS of these specs (the shutdown waits for inserts twice that long). */
const SHUTDOWN_TEST_DB_TIMEOUT_MS = 25;

/** A store and a dispatcher in memory, recording the order of events. */
function setup(
  init: {
    insertError?: Error;
    feedback?: FeedbackOutcome['status'];
    backlogFull?: boolean;
    /** insertMany never settles (a database that accepts the write and never answers). */
    insertHangs?: boolean;
  } = {},
) {
  const events: string[] = [];
  const docs = new Map<string, PredictionRecord>();
  const results = new Map<string, PredictionResultRecord>();
  const store = {
    insertMany: async (records: PredictionRecord[]) => {
      if (init.insertHangs) await new Promise<never>(() => undefined);
      if (init.insertError) throw init.insertError;
      events.push(`insert ${records.length}`);
      for (const record of records) docs.set(record._id, record);
    },
    findRequest: async (id: string) => docs.get(id) ?? null,
    findResult: async (id: string) => results.get(id) ?? null,
    findResults: async (ids: string[]) => ids.flatMap((id) => results.get(id) ?? []),
    findMany: async (ids: string[]) => ({
      results: ids.flatMap((id) => results.get(id) ?? []),
      requests: ids.filter((id) => !results.has(id)).flatMap((id) => docs.get(id) ?? []),
    }),
    findOwned: async (ids: string[], owner: string) => {
      const owned = ids.flatMap((id) => docs.get(id) ?? []).filter((d) => d.owner === owner);
      return {
        results: owned.flatMap((d) => results.get(d._id) ?? []),
        requests: owned.filter((d) => !results.has(d._id)),
      };
    },
    setFeedback: async (id: string): Promise<FeedbackOutcome> => {
      const status = init.feedback ?? 'saved';
      const result = results.get(id);
      if (status !== 'saved') return { status };
      return result ? { status, result } : { status: 'not_found' };
    },
    findText: async (id: string) => docs.get(id)?.text ?? null,
  } as unknown as PredictionStore;
  const dispatched: PredictionRequest[] = [];
  const dispatcher = {
    dispatch: async (requests: PredictionRequest[]) => {
      events.push(`publish ${requests.length}`);
      dispatched.push(...requests);
      return { confirmed: requests.length, failed: 0 };
    },
    drain: async () => undefined,
    assertAccepting: () => {
      if (init.backlogFull) throw new ServiceUnavailableException('publishing backlog full');
    },
  } as unknown as OutboxDispatcher;
  const accepted: number[] = [];
  const metrics = {
    accepted: { inc: (n: number) => accepted.push(n) },
  } as unknown as PredictionsMetrics;
  const clock = { now: () => new Date() } as DatabaseClock;
  const recorded: { id: string; version: string | null; actual: string; text: string }[] = [];
  const recorder = {
    record: async (result: PredictionResultRecord, feedback: StoredFeedback, text: string) =>
      void recorded.push({
        id: result._id,
        version: result.modelVersion,
        actual: feedback.language,
        text,
      }),
  } as unknown as FeedbackRecorder;
  // The real watcher over this store; tests announce completions with `watcher.completed`.
  const watcher = new CompletionWatcher((ids) => store.findResults(ids), {
    safetyRecheckMs: 60_000,
    safetyRecheckMaxIds: 100,
    recentCompletions: 100,
  });
  const completions = {
    wait: (id: string, ms: number) => watcher.wait(id, ms),
  } as unknown as CompletionsService;
  const service = new PredictionsService(
    store,
    dispatcher,
    metrics,
    options,
    clock,
    recorder,
    completions,
    { timeoutMs: SHUTDOWN_TEST_DB_TIMEOUT_MS } as DatabaseDeadline,
  );
  return { service, events, docs, results, dispatched, accepted, recorded, watcher };
}

/** A `done` result, completed one second after submission, as a predictor stores it. */
function done(id: string, submittedAt: Date): PredictionResultRecord {
  const stamp = {
    trackingId: id,
    submittedAt,
    completedAt: new Date(submittedAt.getTime() + 1000),
  };
  const english = {
    language: 'en',
    languageName: 'English',
    nativeName: 'English',
    confidence: 0.9,
  };
  return doneResultDocument(stamp, {
    ...english,
    top: [{ language: 'en', score: 0.9 }],
    modelVersion: 'm1',
  });
}

describe('PredictionsService', () => {
  it('stores every text before publishing it as attempt 1', async () => {
    const { service, events, docs, dispatched, accepted } = setup();
    const items = await service.submit(['one', 'two']);
    expect(items).toEqual([
      { trackingId: expect.any(String), status: 'queued' },
      { trackingId: expect.any(String), status: 'queued' },
    ]);
    expect(events).toEqual(['insert 2', 'publish 2']);
    const stored = docs.get(items[0].trackingId) as PredictionRecord;
    expect(stored).toEqual({
      _id: items[0].trackingId,
      text: 'one',
      submittedAt: expect.any(Date),
      publishAttempts: 1,
    });
    expect(dispatched[0]).toEqual({
      trackingId: items[0].trackingId,
      text: 'one',
      submittedAt: stored.submittedAt.toISOString(),
      attempt: 1,
    });
    expect(accepted).toEqual([2]);
  });

  it('groups concurrent submissions into one insert', async () => {
    const { service, events } = setup();
    await Promise.all([service.submit(['a']), service.submit(['b']), service.submit(['c'])]);
    expect(events[0]).toBe('insert 3');
  });

  it('publishes and counts nothing when the requests cannot be stored', async () => {
    const { service, events, accepted } = setup({
      insertError: new Error('server selection timed out'),
    });
    await expect(service.submit(['x'])).rejects.toThrow('server selection timed out');
    expect(events).toEqual([]);
    expect(accepted).toEqual([]);
  });

  it.each([
    new Error('Connection to 127.0.0.1:27017 interrupted due to server monitor timeout'),
    new Error('an error nobody classified'),
  ])('turns any failure to store into DatabaseUnavailableError (503): %s', async (error) => {
    const { service, accepted } = setup({ insertError: error });
    const failure = await service.submit(['x']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect((failure as Error).cause).toBe(error);
    expect(accepted).toEqual([]);
  });

  it('refuses (503) without storing while the publishing backlog is full', async () => {
    const { service, events } = setup({ backlogFull: true });
    await expect(service.submit(['x'])).rejects.toBeInstanceOf(ServiceUnavailableException);
    expect(events).toEqual([]);
  });

  it('answers 404 for an unknown id', async () => {
    const { service } = setup();
    await expect(service.find('0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99')).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it('returns the queued view at once without wait, and after at most MAX_WAIT_MS with one', async () => {
    const { service } = setup();
    const [{ trackingId }] = await service.submit(['pending']);
    expect(await service.find(trackingId)).toMatchObject({
      trackingId,
      status: 'queued',
      language: null,
      top: [],
    });
    // On a fake clock, so the cap is checked exactly however busy the machine is.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      let settled = false;
      const found = service.find(trackingId, 60_000).finally(() => (settled = true));
      await jest.advanceTimersByTimeAsync(options.maxWaitMs - 1);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      await expect(found).resolves.toMatchObject({ status: 'queued' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('long-polls until the completion of the result is announced', async () => {
    const { service, docs, results, watcher } = setup();
    const [{ trackingId }] = await service.submit(['soon done']);
    const submittedAt = (docs.get(trackingId) as PredictionRecord).submittedAt;
    setTimeout(() => {
      results.set(trackingId, done(trackingId, submittedAt));
      watcher.completed([trackingId]);
    }, 20);
    expect(await service.find(trackingId, 150)).toMatchObject({
      status: 'done',
      language: 'en',
      confidence: 0.9,
    });
  });

  it('answers from the result alone once there is one', async () => {
    const { service, results } = setup();
    const id = '0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99';
    results.set(id, done(id, new Date('2026-01-01T00:00:00Z')));
    expect(await service.find(id)).toEqual({
      trackingId: id,
      status: 'done',
      language: 'en',
      languageName: 'English',
      nativeName: 'English',
      confidence: 0.9,
      top: [{ language: 'en', score: 0.9 }],
      modelVersion: 'm1',
      submittedAt: '2026-01-01T00:00:00.000Z',
      completedAt: '2026-01-01T00:00:01.000Z',
      error: null,
    });
  });

  it('looks up many ids at once: results, queued requests and unknown ids, in the order asked', async () => {
    const { service, results } = setup();
    const [{ trackingId: queued }] = await service.submit(['pending']);
    const finished = '0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99';
    const unknown = '1b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99';
    results.set(finished, done(finished, new Date('2026-01-01T00:00:00Z')));
    const view = await service.lookup([unknown, finished, queued, finished]);
    expect(view.items.map((item) => [item.trackingId, item.status])).toEqual([
      [finished, 'done'],
      [queued, 'queued'],
    ]);
    expect(view.unknown).toEqual([unknown]);
  });

  it.each([
    ['saved', undefined],
    ['not_found', NotFoundException],
    ['not_done', ConflictException],
  ] as const)('maps feedback outcome %s', async (outcome, error) => {
    const { service, results, docs } = setup({ feedback: outcome });
    const id = '0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99';
    docs.set(id, { _id: id, text: 'hello', submittedAt: new Date(), publishAttempts: 1 });
    results.set(id, done(id, new Date()));
    const result = service.giveFeedback(id, { language: 'sv' });
    if (error) await expect(result).rejects.toBeInstanceOf(error);
    else await expect(result).resolves.toBeUndefined();
  });

  it('counts saved feedback against the model version that produced the result, with its text', async () => {
    const { service, results, recorded } = setup();
    const [{ trackingId }] = await service.submit(['Hej på dig']);
    results.set(trackingId, done(trackingId, new Date()));
    await service.giveFeedback(trackingId, { language: 'sv' });
    expect(recorded).toEqual([{ id: trackingId, version: 'm1', actual: 'sv', text: 'Hej på dig' }]);
  });

  it('refuses feedback naming an unsupported language', async () => {
    const { service } = setup();
    await expect(
      service.giveFeedback('0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99', { language: 'xx' }),
    ).rejects.toBeInstanceOf(BadRequestException);
  });

  describe('with owners (API keys)', () => {
    const alice = 'a'.repeat(64);
    const bob = 'b'.repeat(64);

    it('stores the submitting key as owner', async () => {
      const { service, docs } = setup();
      const [{ trackingId }] = await service.submit(['mine'], alice);
      expect(docs.get(trackingId)?.owner).toBe(alice);
    });

    it("answers another key's id like an unknown one, done or not", async () => {
      const { service, results } = setup();
      const [{ trackingId }] = await service.submit(['mine'], alice);
      await expect(service.find(trackingId, 0, bob)).rejects.toBeInstanceOf(NotFoundException);
      results.set(trackingId, done(trackingId, new Date()));
      await expect(service.find(trackingId, 0, bob)).rejects.toBeInstanceOf(NotFoundException);
      expect(await service.find(trackingId, 0, alice)).toMatchObject({ status: 'done' });
    });

    it("lists another key's ids as unknown in a lookup", async () => {
      const { service } = setup();
      const [{ trackingId: mine }] = await service.submit(['mine'], alice);
      const [{ trackingId: theirs }] = await service.submit(['theirs'], bob);
      const view = await service.lookup([mine, theirs], alice);
      expect(view.items.map((item) => item.trackingId)).toEqual([mine]);
      expect(view.unknown).toEqual([theirs]);
    });

    it('caps concurrent long polls per key with 429', async () => {
      const { service } = setup();
      const [{ trackingId }] = await service.submit(['pending'], alice);
      const first = service.find(trackingId, 150, alice);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const refused = await service.find(trackingId, 150, alice).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(HttpException);
      expect((refused as HttpException).getStatus()).toBe(429);
      const [{ trackingId: other }] = await service.submit(['pending'], bob);
      await expect(service.find(other, 50, bob)).resolves.toMatchObject({ status: 'queued' });
      await expect(first).resolves.toMatchObject({ status: 'queued' });
      await expect(service.find(trackingId, 10, alice)).resolves.toMatchObject({
        status: 'queued',
      });
    });
  });
});

describe('PredictionsService shutdown', () => {
  it('does not hang on an insert that never returns: gives up after two database bounds', async () => {
    const { service } = setup({ insertHangs: true });
    void service.submit(['stuck']).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    const started = Date.now();
    await service.beforeApplicationShutdown();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * SHUTDOWN_TEST_DB_TIMEOUT_MS - 5);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
