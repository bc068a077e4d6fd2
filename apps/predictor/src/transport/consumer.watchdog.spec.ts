import { ConsumerWatchdog, WatchedConsumer } from './consumer.watchdog';

/** A consumer whose state the test sets. */
function consumer(state: {
  inFlight: number;
  heldMs: number;
  paused?: string;
  idleMs?: number;
  resubscribed?: string[];
}): WatchedConsumer {
  return {
    get inFlightCount() {
      return state.inFlight;
    },
    get pausedReason() {
      return state.paused;
    },
    consuming: true,
    heldWithoutProgressMs: () => state.heldMs,
    idleForMs: () => state.idleMs ?? 0,
    resubscribe: (reason) => state.resubscribed?.push(reason),
  };
}

describe('ConsumerWatchdog', () => {
  it('is not stalled while deliveries are settled within the timeout', () => {
    const watchdog = new ConsumerWatchdog(consumer({ inFlight: 256, heldMs: 59_999 }), 60_000);
    expect(watchdog.check()).toBeUndefined();
    expect(watchdog.stalledForMs()).toBe(0);
  });

  it('is stalled when it holds deliveries and settled none for the timeout, and says why', () => {
    const state = { inFlight: 256, heldMs: 61_000 };
    const watchdog = new ConsumerWatchdog(consumer(state), 60_000);
    expect(watchdog.stalledForMs()).toBe(61_000);
    expect(watchdog.check()).toBe(
      'holds 256 unacked deliveries and settled none for 61 s (STALL_TIMEOUT_MS 60000)',
    );
    state.heldMs = 0;
    expect(watchdog.check()).toBeUndefined();
  });

  it('is not stalled while consumption is paused on purpose (database unreachable)', () => {
    const watchdog = new ConsumerWatchdog(
      consumer({ inFlight: 64, heldMs: 600_000, paused: 'cannot store results' }),
      60_000,
    );
    expect(watchdog.check()).toBeUndefined();
  });

  it('subscribes again when it receives nothing while the queue holds ready messages, and is not live if that persists', async () => {
    const state = { inFlight: 0, heldMs: 0, idleMs: 61_000, resubscribed: [] as string[] };
    let ready = 205;
    const watchdog = new ConsumerWatchdog(consumer(state), 60_000, async () => ({ ready }));
    await watchdog.inspect();
    expect(state.resubscribed).toEqual(['starved (205 ready messages, nothing received)']);
    expect(watchdog.check()).toBeUndefined();
    await watchdog.inspect();
    expect(watchdog.check()).toBe(
      'receives nothing while the requests queue holds 205 ready messages, even after subscribing again',
    );
    ready = 0;
    await watchdog.inspect();
    expect(watchdog.check()).toBeUndefined();
  });

  it('an idle consumer of an empty queue is fine', async () => {
    const state = { inFlight: 0, heldMs: 0, idleMs: 3_600_000, resubscribed: [] as string[] };
    const watchdog = new ConsumerWatchdog(consumer(state), 60_000, async () => ({ ready: 0 }));
    await watchdog.inspect();
    expect(state.resubscribed).toEqual([]);
    expect(watchdog.check()).toBeUndefined();
  });
});
