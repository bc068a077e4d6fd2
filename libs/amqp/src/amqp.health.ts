import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { AMQP_CONNECTION } from './amqp.constants';

/**
 * Terminus health indicator: `up` while the broker connection is established.
 * Provide it in a module that imports `TerminusModule` (which supplies `HealthIndicatorService`).
 */
@Injectable()
export class AmqpHealthIndicator {
  constructor(
    @Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Checks the connection; `key` names the entry in the health report (default `broker`). */
  isHealthy<const Key extends string = 'broker'>(
    key: Key = 'broker' as Key,
  ): HealthIndicatorResult<Key> {
    const indicator = this.health.check(key);
    return this.connection.isConnected()
      ? indicator.up()
      : indicator.down({ message: 'not connected to RabbitMQ (reconnecting)' });
  }
}
