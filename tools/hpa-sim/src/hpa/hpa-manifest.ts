import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_BEHAVIOR, HpaSpec, ScalingRules } from './hpa-behavior';

/** The manifest the simulator reads by default: the predictor HPA of the base kustomization. */
export const DEFAULT_HPA_MANIFEST = 'deploy/k8s/base/predictor/hpa.yaml';
/** {@link DEFAULT_HPA_MANIFEST} wherever the tool runs from. */
export const DEFAULT_HPA_MANIFEST_PATH = join(__dirname, '../../../..', DEFAULT_HPA_MANIFEST);

interface HpaManifest {
  kind: string;
  spec: {
    minReplicas?: number;
    maxReplicas: number;
    metrics?: Array<{
      type: string;
      external?: { target: { type: string; averageValue?: string | number } };
      resource?: { name: string; target: { type: string; averageUtilization?: number } };
    }>;
    behavior?: { scaleUp?: Partial<ScalingRules>; scaleDown?: Partial<ScalingRules> };
  };
}

/** A Kubernetes quantity as a number: 500, "500", "1.5k", "250m". */
export function parseQuantity(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)(m|k|M)?$/.exec(value.trim());
  if (!match) throw new Error(`unsupported quantity "${value}"`);
  const scale = { m: 1e-3, k: 1e3, M: 1e6 }[match[2] as 'm' | 'k' | 'M'] ?? 1;
  return Number(match[1]) * scale;
}

/**
 * Reads an autoscaling/v2 HorizontalPodAutoscaler manifest into the simulator's HpaSpec: the
 * External AverageValue target, the CPU Utilization target if any, min/max replicas and the
 * behaviour (missing fields take the Kubernetes defaults), tolerance 0.1.
 */
export function hpaSpecFromManifest(text: string): HpaSpec {
  const manifest = parse(text) as HpaManifest;
  if (manifest?.kind !== 'HorizontalPodAutoscaler')
    throw new Error('not a HorizontalPodAutoscaler manifest');
  const metrics = manifest.spec.metrics ?? [];
  const external = metrics.find(
    (m) => m.type === 'External' && m.external?.target.type === 'AverageValue',
  )?.external;
  if (external?.target.averageValue === undefined)
    throw new Error('the HPA has no External metric with an AverageValue target');
  const cpu = metrics.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource
    ?.target.averageUtilization;
  const behavior = manifest.spec.behavior ?? {};
  return {
    minReplicas: manifest.spec.minReplicas ?? 1,
    maxReplicas: manifest.spec.maxReplicas,
    targetAverageValue: parseQuantity(external.target.averageValue),
    cpuTargetUtilization: cpu === undefined ? undefined : cpu / 100,
    tolerance: 0.1,
    behavior: {
      scaleUp: { ...DEFAULT_BEHAVIOR.scaleUp, ...behavior.scaleUp },
      scaleDown: { ...DEFAULT_BEHAVIOR.scaleDown, ...behavior.scaleDown },
    },
  };
}

/** {@link hpaSpecFromManifest} of a file. */
export function readHpaManifest(file: string): HpaSpec {
  return hpaSpecFromManifest(readFileSync(file, 'utf8'));
}
