import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import type { KeyVerifier, VerifiedKey } from '../keys/key-verifier';
import { grantsAll, Scope, SCOPES } from '../keys/scopes';
import type { ResolvedAuthOptions } from '../module/auth-module-options.interface';
import { AUTH_OPTIONS } from '../module/auth.module-definition';
import { IP_RATE_LIMITER, KEY_RATE_LIMITER, KEY_VERIFIER } from '../module/auth.constants';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import type { BucketPolicy } from '../rate-limit/token-bucket';
import { BEARER_CHALLENGE, PUBLIC_ROUTE, REQUIRED_SCOPES } from './auth.constants';
import { REQUEST_KEY_PROPERTY } from './auth.decorators';
import { clientIp } from './client-ip';
import { rateLimitHeaders } from './rate-limit.headers';

/** What the guard reads of an Express request or a Fastify request. */
interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
  raw?: { socket?: { remoteAddress?: string } };
}

/** The identity of every request when AUTH=off. */
const ANONYMOUS: VerifiedKey = {
  id: 'anonymous',
  name: 'anonymous (AUTH=off)',
  scopes: SCOPES,
  anonymous: true,
};

/** Scopes of a route that declares none: fail closed. */
const DEFAULT_SCOPES: readonly Scope[] = ['admin'];

/** What a route requires: nothing (`@Public()`), or these scopes. */
type RouteAccess = { public: true } | { public: false; scopes: readonly Scope[] };

/**
 * The application-wide guard of HTTP routes: `Authorization: Bearer <key>` verified against
 * `api_keys` (401 + `WWW-Authenticate` if missing, unknown or revoked; 429 once a client IP made
 * too many such attempts), the route's scopes (403), and the key's token bucket (429 with
 * `Retry-After`; `RateLimit-*` headers on every answer). Routes marked `@Public()` are open;
 * non-HTTP handlers (RabbitMQ) are not its concern.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('ApiKeyGuard');
  private readonly ipPolicy: BucketPolicy;
  /** Route metadata never changes once the app runs: read once per controller and handler. */
  private readonly access = new WeakMap<object, WeakMap<object, RouteAccess>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
    @Inject(KEY_VERIFIER) private readonly verifier: KeyVerifier,
    @Inject(KEY_RATE_LIMITER) private readonly keyLimiter: RateLimiter,
    @Inject(IP_RATE_LIMITER) private readonly ipLimiter: RateLimiter,
  ) {
    const perMinute = options.unauthenticatedPerMinute;
    this.ipPolicy = { capacity: perMinute, refillPerSecond: perMinute / 60 };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.accessOf(context);
    if (access.public) return true;
    const required = access.scopes;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<unknown>();
    if (!this.options.enabled) {
      Object.assign(request, { [REQUEST_KEY_PROPERTY]: ANONYMOUS });
      return true;
    }
    const key = await this.authenticate(request, response);
    if (!grantsAll(key.scopes, required)) {
      const missing = required.filter((scope) => !grantsAll(key.scopes, [scope]));
      throw new ForbiddenException(
        `this API key lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      );
    }
    this.limit(key, response);
    Object.assign(request, { [REQUEST_KEY_PROPERTY]: key });
    return true;
  }

  private accessOf(context: ExecutionContext): RouteAccess {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    let byHandler = this.access.get(controller);
    if (!byHandler) this.access.set(controller, (byHandler = new WeakMap()));
    let access = byHandler.get(handler);
    if (!access) {
      const targets = [handler, controller];
      access = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)
        ? { public: true }
        : {
            public: false,
            scopes:
              this.reflector.getAllAndOverride<Scope[] | undefined>(REQUIRED_SCOPES, targets) ??
              DEFAULT_SCOPES,
          };
      byHandler.set(handler, access);
    }
    return access;
  }

  private async authenticate(request: HttpRequest, response: unknown): Promise<VerifiedKey> {
    const presented = bearerToken(request.headers.authorization);
    let key: VerifiedKey | null = null;
    if (presented !== undefined) {
      try {
        key = await this.verifier.verify(presented);
      } catch (error) {
        // an answer chosen by the app's deadline (already logged and counted there) goes out as is
        if (error instanceof HttpException) throw error;
        this.logger.warn(`cannot verify an API key: ${(error as Error).message}`);
        throw new ServiceUnavailableException('cannot verify the API key now; retry later');
      }
    }
    if (key) return key;
    const peer = request.socket?.remoteAddress ?? request.raw?.socket?.remoteAddress;
    const ip = clientIp(peer, request.headers['x-forwarded-for'], this.options.trustProxyHops);
    const attempt = this.ipLimiter.take(ip, this.ipPolicy);
    if (!attempt.allowed) {
      this.setHeaders(response, rateLimitHeaders(attempt));
      throw new HttpException(
        'too many requests without a valid API key from this address; retry later',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.setHeaders(response, { 'WWW-Authenticate': BEARER_CHALLENGE });
    throw new UnauthorizedException(
      presented === undefined
        ? 'missing API key: send the header "Authorization: Bearer <key>"'
        : 'invalid or revoked API key',
    );
  }

  private limit(key: VerifiedKey, response: unknown): void {
    const defaults = this.options.rateLimit;
    if (!defaults) return;
    const perSecond = key.rateLimit ?? defaults.perSecond;
    const burstSeconds = defaults.burst / defaults.perSecond;
    const taken = this.keyLimiter.take(key.id, {
      capacity: Math.max(1, Math.round(perSecond * burstSeconds)),
      refillPerSecond: perSecond,
    });
    this.setHeaders(response, rateLimitHeaders(taken));
    if (!taken.allowed) {
      throw new HttpException(
        `rate limit of this API key exceeded (${perSecond} requests/s); retry after ${taken.retryAfterSeconds} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  private setHeaders(response: unknown, headers: Record<string, string>): void {
    const adapter = this.adapterHost.httpAdapter;
    for (const [name, value] of Object.entries(headers)) adapter.setHeader(response, name, value);
  }
}

/** The key of an `Authorization: Bearer <key>` header; undefined if absent or another scheme. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value ?? '');
  return match?.[1];
}
