import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { LANGUAGE_MODEL, LanguageModel } from './model.constants';

/** Terminus indicator reporting the loaded model's name and version. */
@Injectable()
export class ModelHealthIndicator {
  constructor(
    @Inject(LANGUAGE_MODEL) private readonly model: LanguageModel | null,
    private readonly health: HealthIndicatorService,
  ) {}

  /** `up` with `{ name, version }` once the model is loaded (it is loaded before the app listens). */
  isLoaded<const Key extends string = 'model'>(
    key: Key = 'model' as Key,
  ): HealthIndicatorResult<Key> {
    const indicator = this.health.check(key);
    if (!this.model) {
      return indicator.down({ message: 'model not loaded' });
    }
    return indicator.up({ name: this.model.info.name, version: this.model.info.modelVersion });
  }
}
