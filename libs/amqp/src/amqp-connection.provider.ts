import { Logger, Provider } from '@nestjs/common';
import { messagingNames } from '@sibyl/contracts';
import { AmqpConnectionManager, connect } from 'amqp-connection-manager';
import {
  AMQP_CONNECTION,
  AMQP_NAMES,
  AMQP_OPTIONS,
  DEFAULT_HEARTBEAT_SECONDS,
} from './amqp.constants';
import type { AmqpModuleOptions } from './amqp-module-options.interface';

/**
 * Opens the auto-reconnecting broker connection (retrying every second). The connection
 * is returned at once, connected or not: callers watch `isConnected()` / the `connect` event.
 * State changes are logged once per transition, not once per failed retry.
 */
export function createAmqpConnection(
  options: AmqpModuleOptions,
  logger = new Logger('Amqp'),
): AmqpConnectionManager {
  const connection = connect([options.url], {
    heartbeatIntervalInSeconds: options.heartbeatIntervalInSeconds ?? DEFAULT_HEARTBEAT_SECONDS,
    reconnectTimeInSeconds: 1,
    connectionOptions: { clientProperties: { connection_name: options.connectionName ?? 'sibyl' } },
  });
  let failing = false;
  connection.on('connect', () => {
    failing = false;
    logger.log(`connected to the broker (${options.connectionName ?? 'sibyl'})`);
  });
  connection.on('disconnect', ({ err }) =>
    logger.warn(`disconnected from the broker: ${err?.message ?? 'closed'}`),
  );
  connection.on('connectFailed', ({ err }) => {
    if (!failing) logger.warn(`cannot reach the broker (retrying every second): ${err?.message}`);
    failing = true;
  });
  connection.on('blocked', ({ reason }) => logger.warn(`broker blocked the connection: ${reason}`));
  connection.on('unblocked', () => logger.log('broker unblocked the connection'));
  return connection;
}

/** Providers of the connection, the resolved names and the options themselves. */
export const amqpCoreProviders: Provider[] = [
  {
    provide: AMQP_CONNECTION,
    inject: [AMQP_OPTIONS],
    useFactory: (options: AmqpModuleOptions) => createAmqpConnection(options),
  },
  {
    provide: AMQP_NAMES,
    inject: [AMQP_OPTIONS],
    useFactory: (options: AmqpModuleOptions) => messagingNames(options.namespace || undefined),
  },
];
