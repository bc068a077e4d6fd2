import { ChartZoom, TimeWindow } from './chart-zoom';

describe('ChartZoom', () => {
  const applied: TimeWindow[] = [];
  const zoom = () => {
    applied.length = 0;
    return new ChartZoom((range) => applied.push(range));
  };
  const seconds = (w: TimeWindow) => ({ min: w.from / 1000, max: w.to / 1000 });

  it('follows each new live window while the user has not zoomed', () => {
    const z = zoom();
    z.follow({ from: 0, to: 60_000 });
    z.observe(seconds({ from: 0, to: 60_000 }));
    z.follow({ from: 1000, to: 61_000 });
    expect(applied).toEqual([
      { from: 0, to: 60_000 },
      { from: 1000, to: 61_000 },
    ]);
    expect(z.isZoomed).toBe(false);
  });

  it('keeps a range the user selected while new windows arrive, until reset', () => {
    const z = zoom();
    z.follow({ from: 0, to: 60_000 });
    z.observe({ min: 10, max: 20 });
    expect(z.isZoomed).toBe(true);
    z.follow({ from: 1000, to: 61_000 });
    z.observe({ min: 10, max: 20 });
    expect(applied).toHaveLength(1);
    z.reset();
    expect(applied.at(-1)).toEqual({ from: 1000, to: 61_000 });
    z.observe(seconds({ from: 1000, to: 61_000 }));
    expect(z.isZoomed).toBe(false);
  });

  it('ignores scale changes before the first window and without bounds', () => {
    const z = zoom();
    z.observe({ min: 1, max: 2 });
    expect(z.isZoomed).toBe(false);
    z.follow({ from: 0, to: 1000 });
    z.observe({ min: null, max: null });
    expect(z.isZoomed).toBe(false);
  });
});
