import { HealthIndicatorService } from '@nestjs/terminus';
import type { LanguageModel } from './model.constants';
import { ModelHealthIndicator } from './model.health';

describe('ModelHealthIndicator', () => {
  const health = new HealthIndicatorService();

  it('is up with the model name and version', () => {
    const model = {
      info: { name: 'sibyl-langid', modelVersion: 'langid-2026.11.26' },
    } as unknown as LanguageModel;
    expect(new ModelHealthIndicator(model, health).isLoaded()).toEqual({
      model: { status: 'up', name: 'sibyl-langid', version: 'langid-2026.11.26' },
    });
  });

  it('is down without a model', () => {
    expect(new ModelHealthIndicator(null, health).isLoaded('langid')).toEqual({
      langid: { status: 'down', message: 'model not loaded' },
    });
  });
});
