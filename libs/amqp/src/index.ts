export * from './amqp.constants';
export * from './amqp-module-options.interface';
export * from './amqp.module';
export type {
  AmqpModuleAsyncOptions,
  AmqpModuleRootOptions,
  AmqpOptionsFactory,
} from './amqp.module-definition';
export * from './amqp-connection.provider';
export * from './amqp.health';
export * from './model-events-exchange';
export * from './prediction-topology';
export * from './prediction.publisher';
export * from './publish-errors';
export * from './self-healing.channel';
export * from './shadow-queue';
export * from './topology-check';
export * from './topology.monitor';
export * from './topology.health';
export * from './completion.publisher';
export * from './completion.subscription';
