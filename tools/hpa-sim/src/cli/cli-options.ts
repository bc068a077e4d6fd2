import { parseArgs } from 'node:util';
import { nonNegativeNumber, positiveNumber } from '@sibyl/cli-options';
import { DEFAULT_BEHAVIOR } from '../hpa/hpa-behavior';
import {
  DEFAULT_HPA_MANIFEST,
  DEFAULT_HPA_MANIFEST_PATH,
  readHpaManifest,
} from '../hpa/hpa-manifest';
import { DEFAULT_RAMP, parseRamp } from '../simulation/traffic-ramp';
import type { SimulationParams } from '../simulation/simulation-types';

export const USAGE = `Usage: npx tsx tools/hpa-sim/src/main.ts [options]

Simulates the predictors' HorizontalPodAutoscaler (External metric: queue depth per predictor,
10 % tolerance, stabilization windows, scale-up/down policies, pod start-up delay) over a traffic
ramp, writes an SVG chart and finds the target that keeps the backlog under a latency bound.

Per-predictor throughput (first that applies):
  --per-pod-rate N       messages/s one predictor completes
  --report FILE          a tools/loadtest JSON report (rate = sustained completions/s / predictors)
  (default)              the newest saturated, verified report in reports/loadtest/, else the
                         documented figure in docs/SCALING.md

HPA (default: the manifest ${DEFAULT_HPA_MANIFEST}; these override it):
  --hpa FILE             another autoscaling/v2 HPA manifest
  --target N             External target.averageValue, messages per predictor
  --cpu-target PERCENT   CPU averageUtilization (0 = queue depth only)
  --min N / --max N      minReplicas / maxReplicas
  --default-behavior     Kubernetes' default scaling behaviour instead of the manifest's

Scenario:
  --ramp SPEC            traffic "t:rate,..." in seconds (or 2m:rate), linear in between
                         (default ${DEFAULT_RAMP})
  --startup-seconds N    decision-to-consuming delay of a new predictor (default 30)
  --sync-seconds N       HPA sync period (default 15)
  --scrape-seconds N     age of the queue-depth sample the HPA sees (default 15)
  --service-ms N         time a message spends inside a predictor (default 50)
  --latency-bound S      latency the backlog must stay under, for the target search (default 2)

Output:
  --svg FILE             chart (default docs/scaling-simulation.svg; "-" = none)
  --json FILE            timeline and summary as JSON
  --no-search            skip the target search
  --help                 this text
`;

/** Parsed command line. */
export interface CliOptions {
  help: boolean;
  perPodRate?: number;
  report?: string;
  params: Omit<SimulationParams, 'perPodRate'>;
  latencyBoundSeconds: number;
  svg?: string;
  json?: string;
  search: boolean;
}

/** Parses argv (without node and the script). Throws with a usage hint on bad input. */
export function parseCliOptions(argv: string[]): CliOptions {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean' },
      'per-pod-rate': { type: 'string' },
      report: { type: 'string' },
      ramp: { type: 'string' },
      target: { type: 'string' },
      min: { type: 'string' },
      max: { type: 'string' },
      'startup-seconds': { type: 'string' },
      'sync-seconds': { type: 'string' },
      'scrape-seconds': { type: 'string' },
      'service-ms': { type: 'string' },
      'default-behavior': { type: 'boolean' },
      hpa: { type: 'string' },
      'cpu-target': { type: 'string' },
      'latency-bound': { type: 'string' },
      svg: { type: 'string' },
      json: { type: 'string' },
      'no-search': { type: 'boolean' },
    },
  });
  const manifest = readHpaManifest(v.hpa ?? DEFAULT_HPA_MANIFEST_PATH);
  const minReplicas = Math.round(positiveNumber('min', v.min, manifest.minReplicas));
  const maxReplicas = Math.round(positiveNumber('max', v.max, manifest.maxReplicas));
  if (minReplicas > maxReplicas) throw new Error('--min must not exceed --max');
  const cpuPercent = nonNegativeNumber(
    'cpu-target',
    v['cpu-target'],
    (manifest.cpuTargetUtilization ?? 0) * 100,
  );
  return {
    help: !!v.help,
    perPodRate: positiveNumber('per-pod-rate', v['per-pod-rate']),
    report: v.report,
    params: {
      hpa: {
        ...manifest,
        minReplicas,
        maxReplicas,
        targetAverageValue: positiveNumber('target', v.target, manifest.targetAverageValue),
        cpuTargetUtilization: cpuPercent > 0 ? cpuPercent / 100 : undefined,
        behavior: v['default-behavior'] ? DEFAULT_BEHAVIOR : manifest.behavior,
      },
      ramp: parseRamp(v.ramp ?? DEFAULT_RAMP),
      startupSeconds: positiveNumber('startup-seconds', v['startup-seconds'], 30),
      syncSeconds: positiveNumber('sync-seconds', v['sync-seconds'], 15),
      scrapeSeconds: positiveNumber('scrape-seconds', v['scrape-seconds'], 15),
      serviceSeconds: positiveNumber('service-ms', v['service-ms'], 50) / 1000,
      stepSeconds: 0.25,
    },
    latencyBoundSeconds: positiveNumber('latency-bound', v['latency-bound'], 2),
    svg: v.svg === '-' ? undefined : (v.svg ?? 'docs/scaling-simulation.svg'),
    json: v.json,
    search: !v['no-search'],
  };
}
