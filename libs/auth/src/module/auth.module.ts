import { Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ApiKeyGuard } from '../guard/api-key.guard';
import { ApiKeyStore } from '../keys/api-key.store';
import { KeyVerifier } from '../keys/key-verifier';
import { RateLimiter } from '../rate-limit/rate-limiter';
import {
  AuthModuleOptions,
  ResolvedAuthOptions,
  resolveAuthOptions,
} from './auth-module-options.interface';
import { IP_RATE_LIMITER, KEY_RATE_LIMITER, KEY_VERIFIER } from './auth.constants';
import {
  AUTH_MODULE_OPTIONS,
  AUTH_OPTIONS,
  AuthConfigurableModule,
} from './auth.module-definition';

const providers: Provider[] = [
  {
    provide: AUTH_OPTIONS,
    inject: [AUTH_MODULE_OPTIONS],
    useFactory: (options: AuthModuleOptions) => resolveAuthOptions(options),
  },
  {
    provide: ApiKeyStore,
    inject: [getConnectionToken()],
    useFactory: (connection: Connection) => new ApiKeyStore(connection),
  },
  {
    provide: KEY_VERIFIER,
    inject: [ApiKeyStore, AUTH_OPTIONS],
    useFactory: (store: ApiKeyStore, options: ResolvedAuthOptions) =>
      new KeyVerifier(store, options),
  },
  { provide: KEY_RATE_LIMITER, useFactory: () => new RateLimiter() },
  { provide: IP_RATE_LIMITER, useFactory: () => new RateLimiter() },
  { provide: APP_GUARD, useClass: ApiKeyGuard },
];

/**
 * API-key authentication of an application's HTTP routes: imports the app's Mongoose connection
 * (`api_keys`), installs {@link ApiKeyGuard} application-wide, and exports the {@link ApiKeyStore}
 * and the {@link KeyVerifier} (`KEY_VERIFIER`). Global by default.
 */
@Module({
  providers,
  exports: [ApiKeyStore, KEY_VERIFIER, AUTH_OPTIONS],
})
export class AuthModule extends AuthConfigurableModule {}
