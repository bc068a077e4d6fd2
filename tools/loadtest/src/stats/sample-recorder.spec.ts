import { SampleRecorder } from './sample-recorder';

describe('SampleRecorder', () => {
  it('grows past its initial capacity and keeps every sample in order', () => {
    const r = new SampleRecorder(2);
    for (let i = 0; i < 10; i++) r.add(i);
    expect(r.count).toBe(10);
    expect(Array.from(r.values())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses non-finite samples', () => {
    const r = new SampleRecorder();
    expect(() => r.add(Number.NaN)).toThrow(RangeError);
    expect(() => r.add(Infinity)).toThrow(RangeError);
    expect(r.count).toBe(0);
  });
});
