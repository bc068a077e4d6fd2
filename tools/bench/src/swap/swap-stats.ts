import { summarize, type DistributionSummary } from '@sibyl/loadtest';

/** One stored result as the bench reads it back. */
export interface ResultRow {
  submittedAt: number;
  completedAt: number;
  status: string;
  modelVersion: string;
}

/** One promotion or rollback during the run. */
export interface SwapEvent {
  action: 'promote' | 'rollback';
  version: string;
  /** When the registry said the version was live and the event was published (ms since epoch). */
  at: number;
  /**
   * Seconds until every predictor served `version` (null if some never did): each predictor's own swap instant
   * (`details.model.loadedAt` in `/health/ready`, same machine clock), so neither the poll interval nor a slow
   * health answer adds to it.
   */
  allSwitchedSeconds: number | null;
  /** Seconds until each predictor swapped. */
  perPredictorSeconds: (number | null)[];
  /** Seconds until the bench's health poll had seen every predictor on `version` (what it measured before). */
  allObservedSeconds?: number | null;
}

/** Latency of the requests submitted in one window. */
export interface WindowStats {
  label: string;
  from: number;
  to: number;
  submitToDoneMs: DistributionSummary;
  versions: Record<string, number>;
}

/** Seconds after the last predictor switched that still count as "during the swap". */
export const SWAP_TAIL_MS = 2_000;

/** Summary of the requests submitted within `[from, to)`. */
export function windowStats(
  label: string,
  rows: readonly ResultRow[],
  from: number,
  to: number,
): WindowStats {
  const inside = rows.filter((row) => row.submittedAt >= from && row.submittedAt < to);
  const versions: Record<string, number> = {};
  for (const row of inside) versions[row.modelVersion] = (versions[row.modelVersion] ?? 0) + 1;
  return {
    label,
    from,
    to,
    submitToDoneMs: summarize(inside.map((row) => row.completedAt - row.submittedAt)),
    versions,
  };
}

/**
 * The window of a swap: from the promotion (or rollback) until {@link SWAP_TAIL_MS} after every predictor
 * reported the new version (or after `maxMs` when some never did).
 */
export function swapWindow(
  rows: readonly ResultRow[],
  swap: SwapEvent,
  maxMs: number,
): WindowStats {
  return windowStats(`${swap.action} → ${swap.version}`, rows, swap.at, swapWindowEnd(swap, maxMs));
}

function swapWindowEnd(swap: SwapEvent, maxMs: number): number {
  const switchedMs = swap.allSwitchedSeconds === null ? maxMs : swap.allSwitchedSeconds * 1000;
  return swap.at + switchedMs + SWAP_TAIL_MS;
}

/**
 * The quiet stretch just before swap `i`: from the end of the previous swap's window (or from `steadyFrom` for
 * the first) until the swap. A local baseline: when the pipeline is saturated its latency drifts over a run, and
 * a swap late in the run is then better compared with the seconds just before it than with the first window.
 */
export function quietWindowBefore(
  rows: readonly ResultRow[],
  swaps: readonly SwapEvent[],
  i: number,
  steadyFrom: number,
  maxMs: number,
): WindowStats {
  const from = i === 0 ? steadyFrom : swapWindowEnd(swaps[i - 1], maxMs);
  return windowStats(`before ${swaps[i].action}`, rows, from, swaps[i].at);
}
