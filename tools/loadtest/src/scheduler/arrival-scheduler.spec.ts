import { Arrival, plannedArrivals, runArrivalSchedule } from './arrival-scheduler';
import { Clock } from './clock';
import { VirtualClock } from './virtual-clock';

describe('plannedArrivals', () => {
  it('is rate × duration, or the count, whichever is smaller', () => {
    expect(plannedArrivals({ ratePerSecond: 500, durationMs: 2000 })).toBe(1000);
    expect(plannedArrivals({ ratePerSecond: 500, count: 10 })).toBe(10);
    expect(plannedArrivals({ ratePerSecond: 500, durationMs: 2000, count: 10 })).toBe(10);
    expect(plannedArrivals({ ratePerSecond: 3, durationMs: 1500 })).toBe(4);
  });

  it('refuses a plan without bound or with a non-positive rate', () => {
    expect(() => plannedArrivals({ ratePerSecond: 10 })).toThrow(/duration or a count/);
    expect(() => plannedArrivals({ ratePerSecond: 0, count: 1 })).toThrow(RangeError);
  });
});

describe('runArrivalSchedule (open model, virtual time)', () => {
  it('fires arrival i exactly at start + i / rate', async () => {
    const clock = new VirtualClock();
    const fired: Arrival[] = [];
    const run = runArrivalSchedule({ ratePerSecond: 200, durationMs: 1000 }, clock, (a) =>
      fired.push(a),
    );
    await clock.run(run);
    const outcome = await run;
    expect(outcome.fired).toBe(200);
    expect(fired).toHaveLength(200);
    fired.forEach((a, i) => {
      expect(a.index).toBe(i);
      expect(a.scheduledAt).toBeCloseTo(i * 5, 9);
      expect(a.firedAt).toBeCloseTo(a.scheduledAt, 9);
    });
    expect(outcome.maxLagMs).toBeCloseTo(0, 9);
    expect(outcome.endedAt).toBeCloseTo(995, 9);
  });

  it('does not wait for earlier requests to finish (open model)', async () => {
    const clock = new VirtualClock();
    let inFlight = 0;
    let maxInFlight = 0;
    const run = runArrivalSchedule({ ratePerSecond: 1000, count: 100 }, clock, () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // each "request" takes 50 ms of virtual time
      void clock.sleep(50).then(() => inFlight--);
    });
    await clock.run(run);
    expect((await run).fired).toBe(100);
    // 50 ms at 1 arrival/ms ⇒ about 50 overlap
    expect(maxInFlight).toBeGreaterThanOrEqual(49);
    expect(maxInFlight).toBeLessThanOrEqual(51);
  });

  it('stops at the count even with a long duration', async () => {
    const clock = new VirtualClock();
    let n = 0;
    const run = runArrivalSchedule(
      { ratePerSecond: 10, durationMs: 60_000, count: 7 },
      clock,
      () => n++,
    );
    await clock.run(run);
    expect(n).toBe(7);
    expect((await run).endedAt).toBeCloseTo(600, 9);
  });

  it('catches up after a stall by firing the overdue arrivals at once and reports the lag', async () => {
    let now = 0;
    let stalled = false;
    const fired: Arrival[] = [];
    // A clock whose first sleep oversleeps by 30 ms, like a blocked event loop.
    const clock: Clock = {
      now: () => now,
      sleep: async (ms) => {
        now += ms + (stalled ? 0 : 30);
        stalled = true;
      },
    };
    const outcome = await runArrivalSchedule({ ratePerSecond: 100, count: 10 }, clock, (a) =>
      fired.push(a),
    );
    expect(outcome.fired).toBe(10);
    expect(fired.map((a) => a.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // arrivals 1..4 (due at 10..40 ms) all fire at 40 ms
    expect(fired.slice(1, 5).every((a) => a.firedAt === 40)).toBe(true);
    expect(outcome.maxLagMs).toBeCloseTo(30, 9);
  });

  it('stops early when asked', async () => {
    const clock = new VirtualClock();
    let n = 0;
    const run = runArrivalSchedule(
      { ratePerSecond: 100, count: 1000 },
      clock,
      () => n++,
      () => n >= 25,
    );
    await clock.run(run);
    expect((await run).fired).toBe(25);
  });

  it('keeps the exact rate over a long run (no drift from rounding)', async () => {
    const clock = new VirtualClock();
    let last = 0;
    const run = runArrivalSchedule(
      { ratePerSecond: 3000, durationMs: 2_000 },
      clock,
      (a) => (last = a.scheduledAt),
    );
    await clock.run(run);
    expect((await run).fired).toBe(6_000);
    expect(last).toBeCloseTo((5_999 * 1000) / 3000, 6);
  });
});
