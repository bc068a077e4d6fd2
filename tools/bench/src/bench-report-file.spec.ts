import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileTime, writeBenchReport } from './bench-report-file';

describe('bench report files', () => {
  it('name a time sortably, without separators or fractions', () => {
    expect(fileTime('2026-12-07T06:45:12.345Z')).toBe('20261207T064512');
  });

  it('write pretty JSON under reports/bench and return the path', () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-report-'));
    try {
      const file = writeBenchReport(root, 'swap-20261207T064512', { ok: true });
      expect(file).toBe(join(root, 'reports/bench/swap-20261207T064512.json'));
      expect(readFileSync(file, 'utf8')).toBe('{\n  "ok": true\n}\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
