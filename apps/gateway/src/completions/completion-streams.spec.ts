import type { MessageEvent } from '@nestjs/common';
import { PredictionStatus, type PredictionCompletedV1 } from '@sibyl/contracts';
import { CompletionStreams } from './completion-streams';

const announcement = (...owners: Array<string | undefined>): PredictionCompletedV1 => ({
  v: 1,
  completedAt: '2026-01-02T03:04:05.000Z',
  items: owners.map((owner, index) => ({
    trackingId: `id-${index}`,
    ...(owner ? { owner } : {}),
    status: PredictionStatus.Done,
    language: 'sv',
    confidence: 0.9,
    modelVersion: 'm1',
  })),
});

describe('CompletionStreams', () => {
  let streams: CompletionStreams;
  let sent: number;

  beforeEach(() => {
    jest.useFakeTimers();
    sent = 0;
    streams = new CompletionStreams({ maxStreamsPerKey: 2, heartbeatMs: 1_000 }, () => true, {
      sent: (count) => (sent += count),
    });
  });
  afterEach(() => {
    streams.close();
    jest.useRealTimers();
  });

  function collect(owner: string | undefined): { events: MessageEvent[]; done: () => boolean } {
    const events: MessageEvent[] = [];
    let completed = false;
    const stream = streams.stream(owner);
    if (!stream) throw new Error('refused');
    stream.subscribe({ next: (event) => events.push(event), complete: () => (completed = true) });
    return { events, done: () => completed };
  }

  it('sends a key only its own completions, after a ready event, with the tracking id as event id', () => {
    const alice = collect('alice');
    const bob = collect('bob');
    streams.publish(announcement('alice', 'bob', 'alice', undefined));
    expect(alice.events.map((e) => e.type)).toEqual(['ready', 'completed', 'completed']);
    expect(alice.events[0]).toMatchObject({ data: { live: true, heartbeatMs: 1_000 } });
    expect(alice.events[1]).toEqual({
      type: 'completed',
      id: 'id-0',
      data: {
        trackingId: 'id-0',
        status: 'done',
        language: 'sv',
        confidence: 0.9,
        modelVersion: 'm1',
        completedAt: '2026-01-02T03:04:05.000Z',
      },
    });
    expect(bob.events.map((e) => e.id).filter(Boolean)).toEqual(['id-1']);
    expect(sent).toBe(3);
  });

  it('sends every completion to an anonymous stream (AUTH=off)', () => {
    const anyone = collect(undefined);
    streams.publish(announcement('alice', undefined));
    expect(anyone.events.filter((e) => e.type === 'completed')).toHaveLength(2);
  });

  it('beats every heartbeatMs and tells streams to resync', () => {
    const alice = collect('alice');
    jest.advanceTimersByTime(2_000);
    streams.resync('broker was away');
    expect(alice.events.map((e) => e.type)).toEqual(['ready', 'heartbeat', 'heartbeat', 'resync']);
  });

  it('refuses a stream beyond maxStreamsPerKey until one closes', () => {
    collect('alice');
    const second = streams.stream('alice')?.subscribe();
    expect(streams.stream('alice')).toBeUndefined();
    expect(streams.stream('bob')).toBeDefined();
    second?.unsubscribe();
    expect(streams.size).toBe(1);
    expect(streams.stream('alice')).toBeDefined();
  });

  it('ends every stream on close and opens none afterwards', () => {
    const alice = collect('alice');
    streams.close();
    expect(alice.done()).toBe(true);
    expect(streams.size).toBe(0);
    expect(streams.stream('alice')).toBeUndefined();
  });
});
