import { Clock } from './clock';

/** A closed-model run: `concurrency` workers, each sending its next request when the last one answered. */
export interface ClosedLoopPlan {
  concurrency: number;
  /** Stop starting requests after this long (ms). */
  durationMs?: number;
  /** Stop after this many requests. */
  count?: number;
}

/** What a closed-loop run did. */
export interface ClosedLoopOutcome {
  sent: number;
  startedAt: number;
  endedAt: number;
}

/**
 * Closed model ("as fast as possible"): keeps exactly `concurrency` requests in
 * flight until the count is reached or the duration has passed, then waits for the
 * last ones. `send` must not reject (it records its own errors).
 */
export async function runClosedLoop(
  plan: ClosedLoopPlan,
  clock: Clock,
  send: (index: number) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<ClosedLoopOutcome> {
  if (!(plan.concurrency >= 1))
    throw new RangeError(`concurrency must be ≥ 1, got ${plan.concurrency}`);
  if (plan.durationMs === undefined && plan.count === undefined) {
    throw new RangeError('a closed-loop plan needs a duration or a count');
  }
  const startedAt = clock.now();
  const deadline = plan.durationMs === undefined ? Infinity : startedAt + plan.durationMs;
  const total = plan.count ?? Infinity;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total && clock.now() < deadline && !shouldStop()) {
      await send(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.floor(plan.concurrency) }, worker));
  return { sent: next, startedAt, endedAt: clock.now() };
}
