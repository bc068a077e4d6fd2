import { Module } from '@nestjs/common';
import { AUTH_FETCH, LOGIN_FAILURE_WINDOW_MS, MAX_LOGIN_FAILURES } from './auth.constants';
import { KeyVerifier } from './key-verifier';
import { LoginController } from './login.controller';
import { LoginThrottle } from './login-throttle';
import { SessionGate } from './session.gate';
import { SessionService } from './session.service';

/** Dashboard login: sessions, the login page, the gate in front of every path. */
@Module({
  controllers: [LoginController],
  providers: [
    SessionService,
    KeyVerifier,
    SessionGate,
    {
      provide: LoginThrottle,
      useValue: new LoginThrottle(MAX_LOGIN_FAILURES, LOGIN_FAILURE_WINDOW_MS),
    },
    { provide: AUTH_FETCH, useValue: (url: string, init?: RequestInit) => fetch(url, init) },
  ],
  exports: [SessionGate],
})
export class AuthModule {}
