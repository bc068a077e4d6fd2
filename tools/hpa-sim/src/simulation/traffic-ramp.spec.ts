import { DEFAULT_RAMP, parseRamp, rampDuration, rateAt } from './traffic-ramp';

describe('traffic ramp', () => {
  it('interpolates linearly and holds the last rate', () => {
    const ramp = parseRamp('0:100,2m:5000,300:5000');
    expect(rateAt(ramp, 0)).toBe(100);
    expect(rateAt(ramp, 60)).toBe(2550);
    expect(rateAt(ramp, 400)).toBe(5000);
    expect(rampDuration(ramp)).toBe(300);
  });

  it('describes 100 -> 5,000 -> 100 requests/s by default', () => {
    const ramp = parseRamp(DEFAULT_RAMP);
    expect(Math.max(...ramp.map((p) => p.rate))).toBe(5000);
    expect([ramp[0].rate, ramp[ramp.length - 1].rate]).toEqual([100, 100]);
  });

  it('rejects malformed or non-increasing profiles with a clear message', () => {
    expect(() => parseRamp('0:100,fast:5000')).toThrow('bad ramp point "fast:5000"');
    expect(() => parseRamp('10:100')).toThrow('the ramp must start at 0');
    expect(() => parseRamp('0:100,60:5,60:7')).toThrow('ramp times must increase (60 then 60)');
  });
});
