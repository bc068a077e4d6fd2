import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from '../http/express-types';
import { posix } from 'node:path';
import { METRICS_PATH, METRICS_SCOPES, PUBLIC_PATHS } from './auth.constants';
import { KeyVerifier } from './key-verifier';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Express middleware in front of everything the dashboard serves (static pages included): public paths pass,
 * `/metrics` needs a bearer key with `metrics` or `admin` scope (verified by the gateway), everything else a
 * session. Page navigations without a session are redirected to the login page, other requests get 401 JSON.
 * Unsafe methods from another origin get 403 (belt and braces next to the SameSite=Strict cookie).
 */
@Injectable()
export class SessionGate {
  private readonly logger = new Logger(SessionGate.name);

  constructor(
    private readonly sessions: SessionService,
    private readonly keys: KeyVerifier,
  ) {}

  /** The middleware function (bound). */
  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      sendError(res, 403, 'Forbidden', 'cross-origin request refused');
      return;
    }
    const path = canonicalPath(req.path);
    if (path !== undefined && PUBLIC_PATHS.has(path)) return next();
    if (path === METRICS_PATH) {
      void this.checkMetricsKey(req, res, next);
      return;
    }
    if (this.sessions.current(req.headers.cookie)) return next();
    if (req.method === 'GET' && req.accepts(['json', 'html']) === 'html') {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    sendError(res, 401, 'Unauthorized', 'log in to the dashboard first (no valid session)');
  };

  private async checkMetricsKey(req: Request, res: Response, next: NextFunction): Promise<void> {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="sibyl"');
      sendError(res, 401, 'Unauthorized', 'a bearer key with the metrics scope is required');
      return;
    }
    const check = await this.keys.verify(match[1]);
    if (check.ok && check.identity.scopes.some((scope) => METRICS_SCOPES.includes(scope)))
      return next();
    if (check.ok) sendError(res, 403, 'Forbidden', 'the key lacks the metrics scope');
    else if (check.reason === 'refused') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="sibyl"');
      sendError(res, 401, 'Unauthorized', 'invalid or revoked key');
    } else {
      this.logger.warn(`cannot verify a /metrics key with the gateway: ${check.detail}`);
      sendError(res, 503, 'Service Unavailable', 'the gateway cannot verify the key right now');
    }
  }
}

/** The decoded, normalised path, or undefined when it is not already canonical (`..`, `//`, bad escapes). */
function canonicalPath(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path);
    return posix.normalize(decoded) === path ? path : undefined;
  } catch {
    return undefined;
  }
}

/** True without an `Origin` header (same-origin form posts may omit it) or when it names this host. */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function sendError(res: Response, statusCode: number, error: string, message: string): void {
  res.status(statusCode).json({ statusCode, error, message });
}
