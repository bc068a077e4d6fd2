import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ServingModel } from './serving-model';

/** Terminus indicator reporting the served model and the last failed swap, if any. */
@Injectable()
export class ModelHealthIndicator {
  constructor(
    private readonly serving: ServingModel,
    private readonly health: HealthIndicatorService,
  ) {}

  /**
   * `up` with `{ name, version, origin, loadedAt, load }` (a model is loaded before the app listens; `load` says
   * where its load time went and how many batches were served meanwhile). After a failed swap it
   * stays `up` (the old model keeps serving) with `degraded: true` and `lastLoadFailure` until a load succeeds.
   */
  isLoaded<const Key extends string = 'model'>(
    key: Key = 'model' as Key,
  ): HealthIndicatorResult<Key> {
    const { model, version, origin, loadedAt, load } = this.serving.current;
    const failure = this.serving.lastFailure;
    return this.health.check(key).up({
      name: model.info.name,
      version,
      origin,
      loadedAt: loadedAt.toISOString(),
      ...(load && { load: { ...load, decodeStartedAt: load.decodeStartedAt.toISOString() } }),
      ...(failure && {
        degraded: true,
        lastLoadFailure: { ...failure, at: failure.at.toISOString() },
      }),
    });
  }
}
