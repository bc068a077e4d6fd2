import { counterIncrease, counterRate, seriesIncrease } from './counter-rate';

const s = (value: number, labels: Record<string, string> = {}) => ({
  name: 'c_total',
  labels,
  value,
});

describe('counter rates', () => {
  it('is the delta over the interval', () => {
    expect(counterIncrease(10, 25)).toBe(15);
    expect(counterRate(10, 25, 2)).toBe(7.5);
    expect(counterRate(10, 10, 1)).toBe(0);
  });

  it('treats a smaller value as a counter reset (process restart)', () => {
    expect(counterIncrease(100, 4)).toBe(4);
    expect(counterRate(100, 4, 2)).toBe(2);
  });

  it('has no rate without a positive interval', () => {
    expect(counterRate(1, 2, 0)).toBeNull();
  });

  it('sums the increase of every series, each resetting on its own, new series starting from 0', () => {
    const before = [s(10, { language: 'sv' }), s(5, { language: 'ar' })];
    const after = [s(12, { language: 'sv' }), s(1, { language: 'ar' }), s(7, { language: 'fi' })];
    expect(seriesIncrease(before, after)).toBe(2 + 1 + 7);
  });

  it('matches series regardless of label order', () => {
    expect(
      seriesIncrease(
        [s(1, { a: 'x', b: 'y' })],
        [{ name: 'c_total', labels: { b: 'y', a: 'x' }, value: 3 }],
      ),
    ).toBe(2);
  });
});
