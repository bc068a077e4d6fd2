import { HealthIndicatorService } from '@nestjs/terminus';
import type { LanguageModel } from './model.constants';
import { ModelHealthIndicator } from './model.health';
import { ServingModel } from './serving-model';

describe('ModelHealthIndicator', () => {
  const health = new HealthIndicatorService();
  const loadedAt = new Date('2026-12-07T03:00:00Z');
  const serving = (): ServingModel =>
    new ServingModel({
      version: 'langid-0123456789ab',
      sha256: 'a'.repeat(64),
      origin: 'registry',
      model: { info: { name: 'sibyl-langid' } } as unknown as LanguageModel,
      loadedAt,
    });

  it('is up with the name, the registry version and where the model came from', () => {
    expect(new ModelHealthIndicator(serving(), health).isLoaded()).toEqual({
      model: {
        status: 'up',
        name: 'sibyl-langid',
        version: 'langid-0123456789ab',
        origin: 'registry',
        loadedAt: loadedAt.toISOString(),
      },
    });
  });

  it('reports how the served model was loaded: timings and the batches served while it was decoded', () => {
    const model = serving();
    const decodeStartedAt = new Date('2026-12-07T02:59:59Z');
    const load = { fetchMs: 40, decodeMs: 300, eventLoopMs: 2, batchesWhileDecoding: 12 };
    model.replace({ ...model.current, load: { ...load, decodeStartedAt } });
    expect(new ModelHealthIndicator(model, health).isLoaded()).toEqual({
      model: expect.objectContaining({
        load: { ...load, decodeStartedAt: decodeStartedAt.toISOString() },
      }),
    });
  });

  it('stays up but degraded after a failed swap (the old model keeps serving), until a load succeeds', () => {
    const model = serving();
    const at = new Date('2026-12-07T03:05:00Z');
    model.recordFailure({
      version: 'langid-ffffffffffff',
      reason: 'checksum',
      message: 'corrupt',
      at,
    });
    expect(new ModelHealthIndicator(model, health).isLoaded('langid')).toEqual({
      langid: expect.objectContaining({
        status: 'up',
        version: 'langid-0123456789ab',
        degraded: true,
        lastLoadFailure: {
          version: 'langid-ffffffffffff',
          reason: 'checksum',
          message: 'corrupt',
          at: at.toISOString(),
        },
      }),
    });
    model.replace({ ...model.current, version: 'langid-ffffffffffff' });
    expect(new ModelHealthIndicator(model, health).isLoaded()).not.toHaveProperty('model.degraded');
  });
});
