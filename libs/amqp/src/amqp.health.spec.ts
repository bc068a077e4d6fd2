import { HealthIndicatorService } from '@nestjs/terminus';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { AmqpHealthIndicator } from './amqp.health';

describe('AmqpHealthIndicator', () => {
  const indicator = (connected: boolean) =>
    new AmqpHealthIndicator(
      { isConnected: () => connected } as AmqpConnectionManager,
      new HealthIndicatorService(),
    );

  it('is up while connected', () => {
    expect(indicator(true).isHealthy()).toEqual({ broker: { status: 'up' } });
  });

  it('is down with a reason while disconnected, under the given key', () => {
    expect(indicator(false).isHealthy('rabbitmq')).toEqual({
      rabbitmq: { status: 'down', message: 'not connected to RabbitMQ (reconnecting)' },
    });
  });
});
