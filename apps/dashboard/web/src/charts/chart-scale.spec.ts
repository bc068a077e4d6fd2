import { niceScale } from './chart-scale';

describe('chart scales', () => {
  it('rounds the value axis up to a nice maximum with even ticks', () => {
    expect(niceScale(87)).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(1234)).toEqual({ max: 1500, ticks: [0, 500, 1000, 1500] });
    expect(niceScale(0.37)).toEqual({ max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(niceScale(0.037, 4, 0.01).max).toBeCloseTo(0.04);
  });

  it('uses the minimum maximum for empty or flat data', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(niceScale(NaN, 4, 10).max).toBe(10);
  });
});
