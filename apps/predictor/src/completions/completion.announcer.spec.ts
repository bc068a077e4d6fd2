import type { CompletionPublisher } from '@sibyl/amqp';
import { PredictionRequestedV1, PredictionStatus } from '@sibyl/contracts';
import { resolveMetricsOptions } from '@sibyl/observability';
import { Registry } from 'prom-client';
import { doneEntry } from '../../test/results/swedish-result.fixture';
import type { ResultEntry } from '../results/result.writer';
import { CompletionAnnouncer } from './completion.announcer';

const at = new Date('2026-01-02T03:04:05.000Z');
const request = (id: string, owner?: string): PredictionRequestedV1 => ({
  v: 1,
  trackingId: id,
  text: 'hej',
  submittedAt: at.toISOString(),
  attempt: 1,
  ...(owner ? { owner } : {}),
});
const done = (id: string): ResultEntry => doneEntry(id, at);
const failed = (id: string): ResultEntry => ({
  trackingId: id,
  submittedAt: at,
  status: PredictionStatus.Failed,
  error: 'bad',
  modelVersion: 'm1',
});

describe('CompletionAnnouncer', () => {
  let registry: Registry;
  let publish: jest.Mock<Promise<void>, Parameters<CompletionPublisher['publishCompleted']>>;
  let announcer: CompletionAnnouncer;
  const count = async (name: string) =>
    (await registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;

  beforeEach(() => {
    registry = new Registry();
    publish = jest.fn<Promise<void>, Parameters<CompletionPublisher['publishCompleted']>>(
      async () => undefined,
    );
    announcer = new CompletionAnnouncer(
      { publishCompleted: publish } as unknown as CompletionPublisher,
      registry,
      resolveMetricsOptions(),
    );
  });

  it('announces only what this write stored, once per id, with its owner, in one message', async () => {
    const messages = [request('a', 'k1'), request('b'), request('c', 'k2'), request('a', 'k1')];
    const entries = [done('a'), failed('b'), done('c'), done('a')];
    announcer.announce(messages, entries, new Set(['a', 'b']), at);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith(at, [
      {
        trackingId: 'a',
        owner: 'k1',
        status: 'done',
        language: 'sv',
        confidence: 0.9,
        modelVersion: 'm1',
      },
      { trackingId: 'b', status: 'failed', language: null, confidence: null, modelVersion: 'm1' },
    ]);
    await new Promise(setImmediate);
    expect(await count('sibyl_completion_announcements_total')).toBe(1);
  });

  it('publishes nothing when the write stored nothing new', () => {
    announcer.announce([request('a')], [done('a')], new Set(), at);
    expect(publish).not.toHaveBeenCalled();
  });

  it('counts a refused publish without throwing', async () => {
    publish.mockRejectedValue(new Error('broker not connected'));
    expect(() => announcer.announce([request('a')], [done('a')], new Set(['a']), at)).not.toThrow();
    await new Promise(setImmediate);
    expect(await count('sibyl_completion_announcements_failed_total')).toBe(1);
  });
});
