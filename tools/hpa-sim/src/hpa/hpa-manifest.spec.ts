import { DEFAULT_BEHAVIOR } from './hpa-behavior';
import {
  DEFAULT_HPA_MANIFEST_PATH,
  hpaSpecFromManifest,
  parseQuantity,
  readHpaManifest,
} from './hpa-manifest';

describe('HPA manifest', () => {
  it('reads the predictor HPA of deploy/k8s', () => {
    const spec = readHpaManifest(DEFAULT_HPA_MANIFEST_PATH);
    expect(spec.targetAverageValue).toBeGreaterThan(0);
    expect(spec.cpuTargetUtilization).toBeGreaterThan(0);
    expect(spec.minReplicas).toBeLessThanOrEqual(spec.maxReplicas);
    expect(spec.behavior.scaleDown.stabilizationWindowSeconds).toBeGreaterThan(0);
  });

  it('fills the Kubernetes defaults for an omitted behaviour', () => {
    const spec = hpaSpecFromManifest(`
kind: HorizontalPodAutoscaler
spec:
  maxReplicas: 5
  metrics:
    - type: External
      external: { metric: { name: q }, target: { type: AverageValue, averageValue: 1.5k } }
`);
    expect(spec).toEqual({
      minReplicas: 1,
      maxReplicas: 5,
      targetAverageValue: 1500,
      cpuTargetUtilization: undefined,
      tolerance: 0.1,
      behavior: DEFAULT_BEHAVIOR,
    });
  });

  it('rejects other kinds and HPAs without a queue-depth metric', () => {
    expect(() => hpaSpecFromManifest('kind: Deployment\nspec: {}')).toThrow(
      'not a HorizontalPodAutoscaler manifest',
    );
    expect(() =>
      hpaSpecFromManifest('kind: HorizontalPodAutoscaler\nspec: { maxReplicas: 3 }'),
    ).toThrow('no External metric');
  });

  it('parses quantities', () => {
    expect([
      parseQuantity('500'),
      parseQuantity('250m'),
      parseQuantity(7),
      parseQuantity('2M'),
    ]).toEqual([500, 0.25, 7, 2e6]);
    expect(() => parseQuantity('lots')).toThrow('unsupported quantity "lots"');
  });
});
