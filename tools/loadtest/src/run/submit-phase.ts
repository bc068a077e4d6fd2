import { plannedArrivals, runArrivalSchedule } from '../scheduler/arrival-scheduler';
import { systemClock } from '../scheduler/clock';
import { runClosedLoop } from '../scheduler/closed-loop';
import { PredictionSubmitter } from '../submit/prediction-submitter';
import { LoadRunOptions } from './load-run-options';

/** What the submit phase did. */
export interface SubmitPhaseResult {
  seconds: number;
  requestsPlanned: number | null;
  schedulerMaxLagMs: number | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Sends the load: on the open-model schedule when a rate is given (arrivals beyond
 * `maxInFlight` unanswered requests are dropped and counted), otherwise as a closed
 * loop. Returns when every sent request has been answered.
 */
export async function runSubmitPhase(
  options: LoadRunOptions,
  submitter: PredictionSubmitter,
  shouldStop: () => boolean,
): Promise<SubmitPhaseResult> {
  const started = systemClock.now();
  const bounds = {
    ...(options.durationMs !== null ? { durationMs: options.durationMs } : {}),
    ...(options.count !== null ? { count: options.count } : {}),
  };
  if (options.rate !== null) {
    const plan = { ratePerSecond: options.rate, ...bounds };
    const pending = new Set<Promise<void>>();
    const outcome = await runArrivalSchedule(
      plan,
      systemClock,
      ({ index }) => {
        if (submitter.log.inFlight >= options.maxInFlight) {
          submitter.log.clientDropped++;
          return;
        }
        const p = submitter.submit(index).finally(() => pending.delete(p));
        pending.add(p);
      },
      shouldStop,
    );
    await Promise.all(pending);
    return {
      seconds: (systemClock.now() - started) / 1000,
      requestsPlanned: plannedArrivals(plan),
      schedulerMaxLagMs: outcome.maxLagMs,
    };
  }
  await runClosedLoop(
    { concurrency: options.concurrency, ...bounds },
    systemClock,
    (i) => submitter.submit(i),
    shouldStop,
  );
  while (submitter.log.inFlight > 0) await sleep(10);
  return {
    seconds: (systemClock.now() - started) / 1000,
    requestsPlanned: options.count,
    schedulerMaxLagMs: null,
  };
}
