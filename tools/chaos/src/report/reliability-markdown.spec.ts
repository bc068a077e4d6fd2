import { ChaosReport } from '../run/chaos-run';
import { ScenarioResult } from '../run/scenario-result';
import { reliabilityMarkdown } from './reliability-markdown';

const result = (overrides: Partial<ScenarioResult>): ScenarioResult => ({
  name: 'broker-restart',
  title: 'RabbitMQ stopped',
  accepted: 100,
  done: 100,
  failed: 0,
  lost: 0,
  duplicated: 0,
  submitErrors: {},
  faultSeconds: 30,
  recoverySeconds: 4.25,
  peakRssMiB: { gateway: 120, 'predictor-1': 200 },
  healthDuring: 'gateway ready 200×30',
  healthAfter: 'gateway ready 200×1',
  notes: [],
  failures: [],
  wallSeconds: 90,
  ...overrides,
});

describe('reliabilityMarkdown', () => {
  const report: ChaosReport = {
    startedAt: '2026-12-07T00:00:00.000Z',
    durationSeconds: 600,
    command: 'npm run chaos',
    environment: {
      node: 'v20',
      platform: 'linux-x64',
      cpuModel: 'CPU',
      cpuCount: 2,
      memoryGiB: 24,
      hostname: 'h',
    },
    broker: 'private RabbitMQ node x',
    settings: {
      rate: 50,
      predictors: 2,
      warmupMs: 10_000,
      faultMs: 30_000,
      cooldownMs: 15_000,
      completionTimeoutMs: 180_000,
    },
    results: [
      result({}),
      result({
        name: 'queue-redeclared',
        recoverySeconds: null,
        submitErrors: { '503': 3 },
        failures: ['not recovered: 5 requests | stuck'],
      }),
    ],
  };
  const markdown = reliabilityMarkdown(report);

  it('has one table row per scenario with its verdict and figures', () => {
    expect(markdown).toContain(
      '| broker-restart | PASS | 100 | 100 | 0 | 0 | 0 | 30 | 4.3 | — | gateway 120, predictor-1 200 |',
    );
    expect(markdown).toMatch(
      /\| queue-redeclared \| \*\*FAIL\*\* .* \*\*not recovered\*\* \| 503×3 \|/,
    );
    expect(markdown).toContain('**1 of 2 scenarios passed.** The whole run took 10.0 min.');
  });

  it('lists each failure (escaped for the table) and the machine and command', () => {
    expect(markdown).toContain('- ✗ not recovered: 5 requests \\| stuck');
    expect(markdown).toContain('CPU, 2 cores, 24 GiB, linux-x64, Node v20');
    expect(markdown).toContain('command: `npm run chaos`');
  });
});
