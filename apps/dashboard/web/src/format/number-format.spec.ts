import { formatCompact, formatNumber, formatPercent, formatSeconds } from './number-format';

describe('number formats', () => {
  it('formats percentages, counts, rates and durations, with a dash for unavailable figures', () => {
    expect(formatPercent(0.9734)).toBe('97.3 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatNumber(1234.4)).toBe('1,234');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(2.25)).toBe('2.3');
    expect(formatNumber(null)).toBe('—');
    expect(formatSeconds(0.2504)).toBe('250 ms');
    expect(formatSeconds(0.0042)).toBe('4.2 ms');
    expect(formatSeconds(1.5)).toBe('1.50 s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(null)).toBe('—');
  });

  it('abbreviates axis labels', () => {
    expect(formatCompact(1500)).toBe('1.5k');
    expect(formatCompact(2_000_000)).toBe('2M');
    expect(formatCompact(0.25)).toBe('0.25');
    expect(formatCompact(40)).toBe('40');
  });
});
