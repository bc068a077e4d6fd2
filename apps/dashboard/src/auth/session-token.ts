import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who a session belongs to and how they logged in. */
export interface SessionClaims {
  /** User name or API key name. */
  sub: string;
  /** How the session was opened. */
  via: 'password' | 'key';
  /** Random session id (what logout revokes). */
  sid: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

const VERSION = 'v1';

/**
 * Stateless signed session tokens: `v1.<base64url JSON claims>.<base64url HMAC-SHA256>`. Any replica holding the
 * same secret accepts them; nothing secret is inside (the cookie carries no API key or password).
 */
export class SessionTokens {
  constructor(private readonly secret: Buffer) {}

  /** Issues a token for `sub`, valid for `ttlMs`. */
  issue(sub: string, via: SessionClaims['via'], ttlMs: number, now = Date.now()): SessionToken {
    const claims: SessionClaims = {
      sub,
      via,
      sid: randomBytes(16).toString('base64url'),
      exp: now + ttlMs,
    };
    const body = `${VERSION}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${body}.${this.sign(body)}`, claims };
  }

  /** The claims of a well-formed, correctly signed, unexpired token; otherwise undefined. */
  verify(token: string | undefined, now = Date.now()): SessionClaims | undefined {
    if (!token) return undefined;
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) return undefined;
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as SessionClaims;
      const valid =
        typeof claims.sub === 'string' &&
        typeof claims.sid === 'string' &&
        typeof claims.exp === 'number' &&
        (claims.via === 'password' || claims.via === 'key');
      return valid && claims.exp > now ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/** A freshly issued token and its claims. */
export interface SessionToken {
  token: string;
  claims: SessionClaims;
}
