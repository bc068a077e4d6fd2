import { Registry } from 'prom-client';
import { MAX_VERSION_LABELS } from './model-accuracy.constants';
import { ModelAccuracyMetrics } from './model-accuracy.metrics';

describe('ModelAccuracyMetrics', () => {
  const setup = () => {
    const registry = new Registry();
    return { registry, metrics: new ModelAccuracyMetrics(registry, { prefix: 'sibyl_' } as never) };
  };

  it('counts feedback by model version, predicted and actual language', async () => {
    const { metrics } = setup();
    metrics.countFeedback({ modelVersion: 'v1', predicted: 'da', actual: 'nb' });
    metrics.countFeedback({ modelVersion: 'v1', predicted: 'da', actual: 'nb' });
    metrics.countFeedback({ modelVersion: 'v1', predicted: 'und', actual: 'sv' });
    const { values } = await metrics.feedback.get();
    expect(values).toEqual([
      { labels: { model_version: 'v1', predicted: 'da', actual: 'nb' }, value: 2 },
      { labels: { model_version: 'v1', predicted: 'und', actual: 'sv' }, value: 1 },
    ]);
  });

  it('bounds the label sets: unknown languages and versions past the cap count as other', async () => {
    const { metrics } = setup();
    for (let i = 0; i <= MAX_VERSION_LABELS; i++)
      metrics.countFeedback({ modelVersion: `v${i}`, predicted: 'xx', actual: 'sv' });
    const { values } = await metrics.feedback.get();
    expect(values).toHaveLength(MAX_VERSION_LABELS + 1);
    expect(values.at(-1)?.labels).toEqual({
      model_version: 'other',
      predicted: 'other',
      actual: 'sv',
    });
  });
});
