import { ProcessExit, SupervisedProcess } from './supervised-process';
import { Supervisor, SupervisorClock } from './supervisor';

/** A process whose exits the test triggers. */
class FakeProcess implements SupervisedProcess {
  starts = 0;
  stops = 0;
  private onExit?: (exit: ProcessExit) => void;

  constructor(readonly name: string) {}

  start(onExit: (exit: ProcessExit) => void): void {
    this.starts++;
    this.onExit = onExit;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stops++;
  }

  crash(exit: ProcessExit = { code: null, signal: 'SIGKILL' }): void {
    this.onExit?.(exit);
  }
}

/** Manual clock: timers fire when the test advances time. */
class FakeClock implements SupervisorClock {
  time = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 0;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  get pending(): number[] {
    return this.timers.map((t) => t.at - this.time);
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const timer of due) timer.callback();
  }
}

function setUp() {
  const clock = new FakeClock();
  const lines: string[] = [];
  const gateway = new FakeProcess('gateway');
  const predictor = new FakeProcess('predictor-1');
  const supervisor = new Supervisor([gateway, predictor], {
    log: (line) => lines.push(line),
    clock,
    backoff: { initialMs: 1000, maxMs: 4000, factor: 2, stableAfterMs: 60_000 },
  });
  supervisor.start();
  return { clock, lines, gateway, predictor, supervisor };
}

describe('Supervisor', () => {
  it('restarts a crashed app after the back-off and leaves the others alone', () => {
    const { clock, lines, gateway, predictor, supervisor } = setUp();
    clock.advance(5000);
    predictor.crash();
    expect(lines[0]).toMatch(
      /predictor-1 exited with signal SIGKILL after 5\.0 s; restarting in 1\.0 s/,
    );
    clock.advance(999);
    expect(predictor.starts).toBe(1);
    clock.advance(1);
    expect(predictor.starts).toBe(2);
    expect(gateway.starts).toBe(1);
    expect(gateway.stops + predictor.stops).toBe(0);
    expect(supervisor.restartCounts()).toEqual({ gateway: 0, 'predictor-1': 1 });
    expect(lines[1]).toMatch(
      /predictor-1 restarted \(restart 1\); restarts: gateway 0, predictor-1 1/,
    );
  });

  it('backs off exponentially on a crash loop and resets after a stable run', () => {
    const { clock, predictor, supervisor } = setUp();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      predictor.crash({ code: 1, signal: null });
      delays.push(clock.pending[0]);
      clock.advance(clock.pending[0]);
    }
    expect(delays).toEqual([1000, 2000, 4000, 4000]);
    clock.advance(60_000);
    predictor.crash({ code: 1, signal: null });
    expect(clock.pending).toEqual([1000]);
    expect(supervisor.restartCounts()['predictor-1']).toBe(4);
  });

  it('restarts an app that exited with code 0 too (restartPolicy Always)', () => {
    const { clock, gateway } = setUp();
    gateway.crash({ code: 0, signal: null });
    clock.advance(1000);
    expect(gateway.starts).toBe(2);
  });

  it('stop cancels pending restarts, stops every app and ignores their exits', async () => {
    const { clock, lines, gateway, predictor, supervisor } = setUp();
    predictor.crash();
    await supervisor.stop();
    clock.advance(10_000);
    gateway.crash({ code: 0, signal: null });
    expect(predictor.starts).toBe(1);
    expect(gateway.starts).toBe(1);
    expect(gateway.stops).toBe(1);
    expect(predictor.stops).toBe(1);
    expect(lines).toHaveLength(1);
  });

  it('tells listeners about each restart', () => {
    const { clock, predictor, supervisor } = setUp();
    const seen: string[] = [];
    supervisor.onRestart((name, n) => seen.push(`${name}#${n}`));
    predictor.crash();
    clock.advance(1000);
    predictor.crash();
    clock.advance(2000);
    expect(seen).toEqual(['predictor-1#1', 'predictor-1#2']);
  });
});
