import { ChaosReport } from '../run/chaos-run';

/**
 * Folds a partial run into an earlier report: each re-run scenario replaces its row (keeping
 * its own date and commit), the others stay as they were, in `order`. The settings, machine and
 * command of the earlier report stay; the later command is appended.
 */
export function mergeReports(
  earlier: ChaosReport,
  later: ChaosReport,
  order: string[],
): ChaosReport {
  const stamp = (report: ChaosReport) =>
    report.results.map((r) => ({
      ...r,
      ranAt: r.ranAt ?? report.startedAt,
      commit: r.commit ?? report.commit,
    }));
  const byName = new Map(stamp(earlier).map((r) => [r.name, r]));
  for (const result of stamp(later)) byName.set(result.name, result);
  const rank = (name: string): number => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  return {
    ...earlier,
    command: `${earlier.command}; then ${later.command}`,
    results: [...byName.values()].sort((a, b) => rank(a.name) - rank(b.name)),
  };
}
