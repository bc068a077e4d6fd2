import { Clock } from './clock';

/** How many arrivals an open-model run makes and how fast. */
export interface ArrivalPlan {
  /** Arrivals (HTTP requests) per second, > 0. */
  ratePerSecond: number;
  /** Stop scheduling after this long (ms). */
  durationMs?: number;
  /** Stop after this many arrivals. */
  count?: number;
}

/** One scheduled arrival as handed to the `fire` callback. */
export interface Arrival {
  /** 0-based sequence number. */
  index: number;
  /** When it was due (clock ms). */
  scheduledAt: number;
  /** When it was actually fired (clock ms); later than `scheduledAt` when the generator lags. */
  firedAt: number;
}

/** What an arrival schedule did. */
export interface ScheduleOutcome {
  fired: number;
  startedAt: number;
  endedAt: number;
  /** Largest firedAt − scheduledAt seen (ms): how far the generator fell behind. */
  maxLagMs: number;
}

/** Number of arrivals a plan makes: the smaller of `count` and `rate × duration`. */
export function plannedArrivals(plan: ArrivalPlan): number {
  if (!(plan.ratePerSecond > 0))
    throw new RangeError(`rate must be > 0, got ${plan.ratePerSecond}`);
  if (plan.durationMs === undefined && plan.count === undefined) {
    throw new RangeError('an arrival plan needs a duration or a count');
  }
  const byDuration =
    plan.durationMs === undefined
      ? Infinity
      : Math.floor((plan.ratePerSecond * plan.durationMs) / 1000);
  return Math.max(0, Math.min(plan.count ?? Infinity, byDuration));
}

/**
 * Open-model arrival scheduler: arrival i is due at `start + i / rate` and is fired
 * on time whether or not earlier ones have finished (`fire` must not block), so a
 * slow server shows up as queueing and latency instead of a lower send rate
 * (no coordinated omission). When the generator wakes late it fires every overdue
 * arrival at once and records the lag.
 */
export async function runArrivalSchedule(
  plan: ArrivalPlan,
  clock: Clock,
  fire: (arrival: Arrival) => void,
  shouldStop: () => boolean = () => false,
): Promise<ScheduleOutcome> {
  const total = plannedArrivals(plan);
  const intervalMs = 1000 / plan.ratePerSecond;
  const startedAt = clock.now();
  let index = 0;
  let maxLagMs = 0;
  while (index < total && !shouldStop()) {
    const now = clock.now();
    while (index < total && startedAt + index * intervalMs <= now) {
      const scheduledAt = startedAt + index * intervalMs;
      maxLagMs = Math.max(maxLagMs, now - scheduledAt);
      fire({ index, scheduledAt, firedAt: now });
      index++;
    }
    if (index >= total) break;
    await clock.sleep(startedAt + index * intervalMs - clock.now());
  }
  return { fired: index, startedAt, endedAt: clock.now(), maxLagMs };
}
