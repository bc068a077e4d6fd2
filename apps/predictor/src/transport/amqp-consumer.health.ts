import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AmqpStrategy } from './amqp.strategy';
import { ConsumerWatchdog } from './consumer.watchdog';

/** Terminus indicators of the predictor's consumer: subscribed (readiness) and progressing (liveness). */
@Injectable()
export class AmqpConsumerHealthIndicator {
  constructor(
    private readonly strategy: AmqpStrategy,
    private readonly watchdog: ConsumerWatchdog,
    private readonly health: HealthIndicatorService,
  ) {}

  /** `up` while the consumer is registered; `down` with the reason while paused or not subscribed. */
  isConsuming<const Key extends string = 'consumer'>(
    key: Key = 'consumer' as Key,
  ): HealthIndicatorResult<Key> {
    const indicator = this.health.check(key);
    const inFlight = this.strategy.inFlightCount;
    if (this.strategy.consuming) return indicator.up({ inFlight });
    const paused = this.strategy.pausedReason;
    return indicator.down({
      message: paused
        ? `consumption paused: ${paused}`
        : 'not consuming the requests queue (subscribing again)',
      inFlight,
    });
  }

  /** `down` while the consumer is stalled (holds deliveries, settles none for STALL_TIMEOUT_MS). */
  isProgressing<const Key extends string = 'consumer'>(
    key: Key = 'consumer' as Key,
  ): HealthIndicatorResult<Key> {
    const indicator = this.health.check(key);
    const stalled = this.watchdog.check();
    return stalled
      ? indicator.down({ message: `stalled: ${stalled}` })
      : indicator.up({ inFlight: this.strategy.inFlightCount });
  }
}
