import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ShadowConsumer } from './shadow.consumer';

/** Terminus indicator reporting this predictor's part in shadow evaluation; never down. */
@Injectable()
export class ShadowHealthIndicator {
  constructor(
    private readonly shadow: ShadowConsumer,
    private readonly health: HealthIndicatorService,
  ) {}

  /**
   * Always `up` (shadow evaluation never makes the predictor unready: the live path does not depend on
   * it), with `{ active, runId, version, since }` and the last shadow failure, if any.
   */
  report<const Key extends string = 'shadow'>(
    key: Key = 'shadow' as Key,
  ): HealthIndicatorResult<Key> {
    return this.health.check(key).up({ ...this.shadow.state });
  }
}
