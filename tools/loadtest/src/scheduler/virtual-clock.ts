import { Clock } from './clock';

/**
 * Discrete-event clock for unit tests: time only moves when {@link run} jumps to the
 * next pending timer, so schedules can be checked to the microsecond without waiting.
 */
export class VirtualClock implements Clock {
  private time = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
    });
  }

  /**
   * Fires timers in time order (letting promise callbacks settle after each) until
   * none are pending and `until` (if given) has resolved. Guards against runaway
   * loops with `maxSteps`.
   */
  async run(until?: Promise<unknown>, maxSteps = 10_000_000): Promise<void> {
    let settled = until === undefined;
    until?.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let step = 0; step < maxSteps; step++) {
      await drainMicrotasks();
      if (this.timers.length === 0) {
        if (settled) return;
        await flushMacrotask();
        if (this.timers.length === 0 && settled) return;
        if (this.timers.length === 0)
          throw new Error('VirtualClock: awaited promise pending with no timer left');
      }
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift() as { at: number; resolve: () => void };
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    throw new Error(`VirtualClock: more than ${maxSteps} steps`);
  }
}

/** Lets a few rounds of promise callbacks run (cheap; enough for the schedulers' await chains). */
async function drainMicrotasks(): Promise<void> {
  for (let i = 0; i < 16; i++) await Promise.resolve();
}

/** Lets everything queued so far run, including I/O callbacks. */
function flushMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
