import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import type { DashboardConfig } from '../config/dashboard.config';
import { SESSION_COOKIE } from './auth.constants';
import { readCookie, sessionCookie } from './cookies';
import { SessionClaims, SessionTokens } from './session-token';

/** Opens, reads and closes login sessions (signed cookies; logouts remembered until the session would expire). */
@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);
  private readonly tokens: SessionTokens;
  private readonly ttlMs: number;
  private readonly secure: boolean;
  /** Session ids logged out before their expiry → that expiry. */
  private readonly revoked = new Map<string, number>();

  constructor(config: ConfigService<DashboardConfig, true>) {
    const secret = config.get('DASHBOARD_SESSION_SECRET', { infer: true });
    if (!secret)
      this.logger.warn(
        'DASHBOARD_SESSION_SECRET is not set: sessions are signed with a random key and end when this process ' +
          'restarts (set it, the same on every replica, to keep them)',
      );
    this.tokens = new SessionTokens(secret ? Buffer.from(secret) : randomBytes(32));
    this.ttlMs = config.get('DASHBOARD_SESSION_TTL_MS', { infer: true });
    this.secure = config.get('DASHBOARD_COOKIE_SECURE', { infer: true });
  }

  /** Opens a session; returns the `Set-Cookie` value. */
  open(sub: string, via: SessionClaims['via']): string {
    const { token } = this.tokens.issue(sub, via, this.ttlMs);
    return sessionCookie(SESSION_COOKIE, token, {
      maxAgeSeconds: Math.floor(this.ttlMs / 1000),
      secure: this.secure,
    });
  }

  /** The session of a request's `Cookie` header, if valid, unexpired and not logged out. */
  current(cookieHeader: string | undefined): SessionClaims | undefined {
    const claims = this.tokens.verify(readCookie(cookieHeader, SESSION_COOKIE));
    return claims && !this.revoked.has(claims.sid) ? claims : undefined;
  }

  /** Ends the request's session (if any); returns the `Set-Cookie` value that deletes the cookie. */
  close(cookieHeader: string | undefined): string {
    const claims = this.current(cookieHeader);
    if (claims) {
      this.revoked.set(claims.sid, claims.exp);
      const now = Date.now();
      for (const [sid, exp] of this.revoked) if (exp <= now) this.revoked.delete(sid);
    }
    return sessionCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: this.secure });
  }
}
