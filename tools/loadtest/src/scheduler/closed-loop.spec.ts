import { runClosedLoop } from './closed-loop';
import { VirtualClock } from './virtual-clock';

describe('runClosedLoop (closed model, virtual time)', () => {
  it('keeps exactly `concurrency` requests in flight and sends the count', async () => {
    const clock = new VirtualClock();
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: number[] = [];
    const run = runClosedLoop({ concurrency: 4, count: 20 }, clock, async (i) => {
      seen.push(i);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await clock.sleep(10);
      inFlight--;
    });
    await clock.run(run);
    const outcome = await run;
    expect(outcome.sent).toBe(20);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(maxInFlight).toBe(4);
    // 20 requests / 4 workers × 10 ms
    expect(outcome.endedAt - outcome.startedAt).toBe(50);
  });

  it('stops starting requests at the deadline', async () => {
    const clock = new VirtualClock();
    const run = runClosedLoop({ concurrency: 2, durationMs: 100 }, clock, () => clock.sleep(10));
    await clock.run(run);
    // each worker starts at 0, 10, …, 90 ⇒ 10 each
    expect((await run).sent).toBe(20);
  });

  it('refuses zero concurrency and unbounded plans', async () => {
    const clock = new VirtualClock();
    await expect(
      runClosedLoop({ concurrency: 0, count: 1 }, clock, async () => undefined),
    ).rejects.toThrow(RangeError);
    await expect(runClosedLoop({ concurrency: 1 }, clock, async () => undefined)).rejects.toThrow(
      /duration or a count/,
    );
  });
});
