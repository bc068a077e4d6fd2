/** A point of a piecewise-linear traffic profile: `rate` requests/s at `at` seconds. */
export interface RampPoint {
  at: number;
  rate: number;
}

/** 100 -> 5,000 -> 100 requests/s: 2 min at 100, 2 min ramp up, 15 min at 5,000, 2 min ramp down, 12 min at 100. */
export const DEFAULT_RAMP = '0:100,120:100,240:5000,1140:5000,1260:100,1980:100';

/**
 * Parses `t:rate,t:rate,...` (t in seconds, or minutes with an `m` suffix; strictly increasing)
 * into ramp points. Throws a message naming the bad part.
 */
export function parseRamp(spec: string): RampPoint[] {
  const points = spec.split(',').map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)(m?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match)
      throw new Error(
        `bad ramp point "${part}": expected <seconds>:<requests per second>, e.g. 120:5000 or 2m:5000`,
      );
    return { at: Number(match[1]) * (match[2] ? 60 : 1), rate: Number(match[3]) };
  });
  if (points.length === 0 || points[0].at !== 0) throw new Error('the ramp must start at 0');
  points.forEach((p, i) => {
    if (i > 0 && p.at <= points[i - 1].at)
      throw new Error(`ramp times must increase (${points[i - 1].at} then ${p.at})`);
  });
  return points;
}

/** Requests per second at time `t` (linear between points, constant after the last). */
export function rateAt(points: RampPoint[], t: number): number {
  const next = points.findIndex((p) => p.at > t);
  if (next === -1) return points[points.length - 1].rate;
  if (next === 0) return points[0].rate;
  const a = points[next - 1];
  const b = points[next];
  return a.rate + ((b.rate - a.rate) * (t - a.at)) / (b.at - a.at);
}

/** When the profile ends (time of its last point). */
export function rampDuration(points: RampPoint[]): number {
  return points[points.length - 1].at;
}
