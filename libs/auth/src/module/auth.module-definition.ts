import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { AuthModuleOptions } from './auth-module-options.interface';

/** Typed `AuthModule.forRoot` / `forRootAsync` and the token of the given options. */
export const {
  ConfigurableModuleClass: AuthConfigurableModule,
  MODULE_OPTIONS_TOKEN: AUTH_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<AuthModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/** Injection token of the resolved options (defaults applied). */
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
