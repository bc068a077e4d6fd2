import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const PRELOAD = resolve(__dirname, '../../preload/clock-offset.js');

/** Runs `script` in a node preloaded with the clock offset and returns its JSON output. */
function runShifted(offsetMs: string, script: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--require', PRELOAD, '-e', script], {
    env: { ...process.env, SIBYL_CLOCK_OFFSET_MS: offsetMs },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('clock-offset preload', () => {
  const probe = `
    // the monotonic clock is not shifted: timeOrigin + now() is the real wall time
    const real = performance.timeOrigin + performance.now();
    console.log(JSON.stringify({
      nowShift: Date.now() - real,
      newShift: new Date().getTime() - real,
      fixed: new Date(0).toISOString(),
      name: Date.name,
      instance: new Date() instanceof Date,
      utc: Date.UTC(2020, 0, 1),
    }));`;

  it('shifts Date.now and new Date() only, keeping the name and instanceof', () => {
    const result = runShifted('-120000', probe);
    expect(Math.abs((result.nowShift as number) + 120_000)).toBeLessThan(1000);
    expect(Math.abs((result.newShift as number) + 120_000)).toBeLessThan(1000);
    expect(result).toMatchObject({
      fixed: '1970-01-01T00:00:00.000Z',
      name: 'Date',
      instance: true,
      utc: Date.UTC(2020, 0, 1),
    });
  });

  it('changes nothing without an offset', () => {
    const result = runShifted('', probe);
    expect(Math.abs(result.nowShift as number)).toBeLessThan(1000);
  });
});
