import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { amqpCoreProviders } from './amqp-connection.provider';
import { AMQP_CONNECTION, AMQP_NAMES, AMQP_OPTIONS } from './amqp.constants';
import { ConfigurableAmqpModule } from './amqp.module-definition';
import { PredictionPublisher } from './prediction.publisher';
import { TopologyMonitor } from './topology.monitor';

/**
 * Global module owning the one broker connection of a process, configured with
 * `AmqpModule.forRoot(options)` or `AmqpModule.forRootAsync({ inject, useFactory })` (Nest's
 * `ConfigurableModuleBuilder`, see `amqp.module-definition.ts`).
 *
 * Provides `AMQP_CONNECTION` (amqp-connection-manager), `AMQP_NAMES` (namespaced broker
 * names), `AMQP_OPTIONS`, the confirm-mode {@link PredictionPublisher} and the
 * {@link TopologyMonitor} (topology declaration and drift check). The connection
 * is closed when the application shuts down (after `onModuleDestroy`/`beforeApplicationShutdown`
 * hooks, so services can still flush their last publishes).
 */
@Global()
@Module({
  providers: [...amqpCoreProviders, PredictionPublisher, TopologyMonitor],
  exports: [AMQP_CONNECTION, AMQP_NAMES, AMQP_OPTIONS, PredictionPublisher, TopologyMonitor],
})
export class AmqpModule extends ConfigurableAmqpModule implements OnApplicationShutdown {
  constructor(@Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager) {
    super();
  }

  /** Closes every channel and the connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
