import type { SimulationResult, TimelinePoint } from '../simulation/simulation-types';
import type { Chart } from './svg-chart';

/** At most this many points per line: each kept point carries the maximum of its bucket. */
const MAX_POINTS = 600;

/** Buckets the timeline and keeps, per bucket, the first time and the maximum of `value`. */
function downsample(
  timeline: TimelinePoint[],
  value: (p: TimelinePoint) => number,
): Array<[number, number]> {
  const size = Math.max(1, Math.ceil(timeline.length / MAX_POINTS));
  const points: Array<[number, number]> = [];
  for (let i = 0; i < timeline.length; i += size) {
    const bucket = timeline.slice(i, i + size);
    points.push([bucket[0].t / 60, Math.max(...bucket.map(value))]);
  }
  return points;
}

/** The four-panel chart of a run: traffic vs capacity, replicas, queue depth, latency. */
export function simulationChart(
  result: SimulationResult,
  latencyBoundSeconds: number,
  rateSource: string,
): Chart {
  const { params, timeline, summary } = result;
  const hpa = params.hpa;
  return {
    title:
      `Predictor HPA: queue depth target ${hpa.targetAverageValue} per predictor` +
      (hpa.cpuTargetUtilization === undefined
        ? ' (no CPU metric)'
        : ` + CPU ${Math.round(hpa.cpuTargetUtilization * 100)} %`),
    subtitle:
      `${params.perPodRate.toFixed(0)} msg/s per predictor (${rateSource}), ${hpa.minReplicas}-${hpa.maxReplicas} replicas, ` +
      `start-up ${params.startupSeconds} s, sync ${params.syncSeconds} s, scrape ${params.scrapeSeconds} s · ` +
      `p99 ${summary.p99LatencySeconds.toFixed(2)} s, max ${summary.maxLatencySeconds.toFixed(1)} s, peak ${summary.peakReplicas} pods`,
    xLabel: 'time (minutes)',
    panels: [
      {
        title: 'Requests/s: arriving vs. capacity of ready predictors',
        series: [
          { name: 'arriving', color: '#1f77b4', points: downsample(timeline, (p) => p.rate) },
          { name: 'capacity', color: '#2ca02c', points: downsample(timeline, (p) => p.capacity) },
        ],
      },
      {
        title: 'Predictor replicas',
        series: [
          {
            name: 'spec.replicas (HPA)',
            color: '#ff7f0e',
            points: downsample(timeline, (p) => p.replicas),
          },
          {
            name: 'ready',
            color: '#2ca02c',
            points: downsample(timeline, (p) => p.readyReplicas),
            dashed: true,
          },
        ],
      },
      {
        title: 'Queue depth (ready + unacked messages)',
        series: [
          {
            name: 'queue depth',
            color: '#9467bd',
            points: downsample(timeline, (p) => p.queueDepth),
          },
        ],
      },
      {
        title: 'Submit-to-done latency of arriving requests (s)',
        series: [
          { name: 'latency', color: '#d62728', points: downsample(timeline, (p) => p.latency) },
        ],
        references: [
          { label: `bound ${latencyBoundSeconds} s`, value: latencyBoundSeconds, color: '#d62728' },
        ],
      },
    ],
  };
}
