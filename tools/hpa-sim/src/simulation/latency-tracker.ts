/**
 * Submit-to-done latency of the requests arriving in each step of a FIFO fluid queue: the requests of
 * step i are done when the cumulative completions reach the cumulative arrivals at the end of step
 * i; `serviceSeconds` (time inside a predictor) is added. Requests never completed within the
 * timeline get the time until its end (a lower bound).
 */
export function completionLatencies(
  arrived: number[],
  completed: number[],
  stepSeconds: number,
  serviceSeconds: number,
): number[] {
  const latencies: number[] = [];
  let j = 0;
  for (let i = 0; i < arrived.length; i++) {
    if (j < i) j = i;
    while (j < completed.length && completed[j] < arrived[i] - 1e-6) j++;
    const doneStep = Math.min(j, completed.length - 1);
    latencies.push((doneStep - i) * stepSeconds + serviceSeconds);
  }
  return latencies;
}

/** The q-quantile of `values` where each value counts `weights[i]` times. */
export function weightedPercentile(values: number[], weights: number[], q: number): number {
  const order = values.map((v, i) => [v, weights[i]] as const).sort((a, b) => a[0] - b[0]);
  const total = order.reduce((sum, [, w]) => sum + w, 0);
  let seen = 0;
  for (const [value, weight] of order) {
    seen += weight;
    if (seen >= q * total) return value;
  }
  return order.length > 0 ? order[order.length - 1][0] : NaN;
}
