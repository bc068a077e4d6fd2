import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { amqpCoreProviders } from './amqp-connection.provider';
import { AMQP_CONNECTION, AMQP_NAMES, AMQP_OPTIONS } from './amqp.constants';
import type { AmqpModuleAsyncOptions, AmqpModuleOptions } from './amqp-module-options.interface';
import { PredictionPublisher } from './prediction.publisher';

const exported = [AMQP_CONNECTION, AMQP_NAMES, AMQP_OPTIONS, PredictionPublisher];

/**
 * Global module owning the one broker connection of a process.
 *
 * Provides `AMQP_CONNECTION` (amqp-connection-manager), `AMQP_NAMES` (namespaced broker
 * names), `AMQP_OPTIONS` and the confirm-mode {@link PredictionPublisher}. The connection
 * is closed when the application shuts down (after `onModuleDestroy`/`beforeApplicationShutdown`
 * hooks, so services can still flush their last publishes).
 */
@Global()
@Module({})
export class AmqpModule implements OnApplicationShutdown {
  constructor(@Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager) {}

  /** Configures the module with static options. */
  static forRoot(options: AmqpModuleOptions): DynamicModule {
    return {
      module: AmqpModule,
      global: true,
      providers: [
        { provide: AMQP_OPTIONS, useValue: options },
        ...amqpCoreProviders,
        PredictionPublisher,
      ],
      exports: exported,
    };
  }

  /** Configures the module from injected providers (typically `ConfigService`). */
  static forRootAsync(options: AmqpModuleAsyncOptions): DynamicModule {
    return {
      module: AmqpModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: AMQP_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        ...amqpCoreProviders,
        PredictionPublisher,
      ],
      exports: exported,
    };
  }

  /** Closes every channel and the connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
