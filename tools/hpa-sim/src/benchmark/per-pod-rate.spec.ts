import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newestMeasuredRate, rateFromReport } from './per-pod-rate';

const report = (overrides: object = {}) => ({
  tool: 'sibyl-loadtest',
  label: 'rate 3000 2p',
  startedAt: '2026-01-01T00:00:00Z',
  config: { spawn: { predictors: 2 } },
  completion: { verified: true, completedPerSecondSustained: 2400 },
  queue: { peakDepth: 9000 },
  processes: [{ name: 'predictor-1', averagePercent: 97 }],
  verdict: { ok: true },
  ...overrides,
});

describe('per-pod rate from load-test reports', () => {
  it('divides the sustained completion rate by the predictors', () => {
    const rate = rateFromReport(report(), 'r.json');
    expect(rate).toMatchObject({ rate: 1200, source: 'r.json' });
  });

  it('refuses runs that failed, were unverified or never saturated the predictors', () => {
    expect(rateFromReport(report({ verdict: { ok: false } }), 'r.json')).toBe(
      'not a verified, passing run',
    );
    expect(rateFromReport(report({ queue: { peakDepth: 0 } }), 'r.json')).toMatch(
      /never backed up/,
    );
    // 2 predictors × 256 prefetched: a peak of 1,000 is only what they hold in flight, not a backlog
    expect(rateFromReport(report({ queue: { peakDepth: 1000 } }), 'r.json')).toMatch(
      /never backed up beyond 4 × the 512/,
    );
    const smallPrefetch = report({
      config: { spawn: { predictors: 2, prefetch: 64 } },
      queue: { peakDepth: 1000 },
    });
    expect(rateFromReport(smallPrefetch, 'r.json')).toMatchObject({ rate: 1200 });
    expect(rateFromReport(report({ config: { spawn: null } }), 'r.json')).toMatch(
      /no spawned predictors/,
    );
  });

  it('takes the newest usable report of a folder and says why others were skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hpa-sim-'));
    writeFileSync(join(dir, '20260101-000000-a.json'), JSON.stringify(report()));
    writeFileSync(
      join(dir, '20260102-000000-b.json'),
      JSON.stringify(report({ verdict: { ok: false } })),
    );
    writeFileSync(join(dir, '20260103-000000-c.json'), '{ broken');
    const { rate, skipped } = newestMeasuredRate(dir);
    expect(rate?.source).toBe(join(dir, '20260101-000000-a.json'));
    expect(skipped).toHaveLength(2);
  });
});
