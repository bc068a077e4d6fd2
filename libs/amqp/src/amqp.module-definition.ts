import { ConfigurableModuleBuilder } from '@nestjs/common';
import { AMQP_OPTIONS } from './amqp.constants';
import type { AmqpModuleOptions } from './amqp-module-options.interface';

/**
 * Nest's typed `forRoot` / `forRootAsync` for {@link AmqpModule}: the options land under
 * `AMQP_OPTIONS`; async options take `imports`, `inject` and a `useFactory` (or `useClass` /
 * `useExisting` of an {@link AmqpOptionsFactory}).
 */
export const {
  ConfigurableModuleClass: ConfigurableAmqpModule,
  OPTIONS_TYPE: AMQP_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: AMQP_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<AmqpModuleOptions>({ optionsInjectionToken: AMQP_OPTIONS })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createAmqpOptions')
  .build();

/** Options of `AmqpModule.forRoot`. */
export type AmqpModuleRootOptions = typeof AMQP_OPTIONS_TYPE;

/** Options of `AmqpModule.forRootAsync`: the options built from injected providers. */
export type AmqpModuleAsyncOptions = typeof AMQP_ASYNC_OPTIONS_TYPE;

/** A class that builds the options (`forRootAsync({ useClass })`). */
export interface AmqpOptionsFactory {
  createAmqpOptions(): AmqpModuleOptions | Promise<AmqpModuleOptions>;
}
