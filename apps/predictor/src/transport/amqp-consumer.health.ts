import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AmqpStrategy } from './amqp.strategy';

/** Terminus indicator: `up` while the predictor has a consumer on the requests queue. */
@Injectable()
export class AmqpConsumerHealthIndicator {
  constructor(
    private readonly strategy: AmqpStrategy,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Checks that the consumer is registered; reports the deliveries in flight. */
  isConsuming<const Key extends string = 'consumer'>(
    key: Key = 'consumer' as Key,
  ): HealthIndicatorResult<Key> {
    const indicator = this.health.check(key);
    return this.strategy.consuming
      ? indicator.up({ inFlight: this.strategy.inFlightCount })
      : indicator.down({ message: 'not consuming the requests queue' });
  }
}
