import { ChaosReport } from '../run/chaos-run';
import { ScenarioResult } from '../run/scenario-result';
import { mergeReports } from './merge-results';

const row = (name: string, accepted: number, extra: Partial<ScenarioResult> = {}): ScenarioResult =>
  ({ name, accepted, failures: [], ...extra }) as ScenarioResult;

const report = (startedAt: string, commit: string | undefined, results: ScenarioResult[]) =>
  ({ startedAt, commit, command: `run ${startedAt}`, results }) as unknown as ChaosReport;

describe('mergeReports', () => {
  it('replaces re-run rows, keeps the others in matrix order, each with its date and commit', () => {
    const earlier = report('T1', undefined, [row('a', 1), row('b', 2), row('c', 3)]);
    const later = report('T2', 'abc123', [row('b', 20, { ranAt: 'T2b', commit: 'abc123' })]);
    const merged = mergeReports(earlier, later, ['a', 'b', 'c']);
    expect(merged.results.map((r) => [r.name, r.accepted, r.ranAt, r.commit])).toEqual([
      ['a', 1, 'T1', undefined],
      ['b', 20, 'T2b', 'abc123'],
      ['c', 3, 'T1', undefined],
    ]);
    expect(merged.command).toBe('run T1; then run T2');
    expect(merged.startedAt).toBe('T1');
  });
});
