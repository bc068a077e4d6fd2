import { renderPredictorBench } from './predictor-bench-report';
import type { PredictorRunResult } from './predictor-bench-run';

const run = (variant: string, perSecond: number, p99: number): PredictorRunResult => ({
  variant,
  backlogPerSecond: perSecond,
  cpuMsPerResult: 0.5,
  latencyMs: { p50: p99 / 2, p99, max: p99 },
  meanBatchAtRate: 4,
});

describe('renderPredictorBench', () => {
  it('shows every run, the medians per variant and the ratio of the medians', () => {
    const text = renderPredictorBench({
      command: 'npx tsx tools/bench/src/predictor/main.ts',
      machine: 'test CPU, 2 cores',
      at: '2026-12-07T00:00:00.000Z',
      runs: [
        run('adaptive', 300, 10),
        run('classic', 200, 40),
        run('adaptive', 500, 30),
        run('classic', 400, 20),
      ],
    });
    expect(text).toContain(
      '| backlog worked off, results/s | 400 (300, 500) | 300 (200, 400) | 1.33 |',
    );
    expect(text).toContain(
      '| at the fixed rate: publish→stored p99, ms | 20.0 (10.0, 30.0) | 30.0 (40.0, 20.0) | 0.67 |',
    );
    expect(text).toContain('test CPU, 2 cores');
  });
});
