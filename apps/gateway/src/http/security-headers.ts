import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OPEN_API_PATH } from './open-api';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** CSP of the API answers (JSON): nothing may load or frame them. */
export const API_CSP = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * CSP of the OpenAPI UI (`/docs`): its own scripts and styles (Swagger UI styles elements
 * inline and draws icons from data: URLs), calls to this origin only, never framed.
 */
export const DOCS_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

function headers(directives: Record<string, string[]>): Middleware {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
  }) as unknown as Middleware;
}

/**
 * Helmet's headers on every answer of either HTTP adapter (nosniff, `X-Frame-Options: DENY`,
 * HSTS, no `X-Powered-By`, ...), with a strict CSP for the API and a relaxed one that the
 * OpenAPI UI works under. Installed before the body parser, so refusals carry them too.
 */
export function installSecurityHeaders(app: INestApplication): void {
  const api = headers(API_CSP);
  const docs = headers(DOCS_CSP);
  const docsPrefix = `/${OPEN_API_PATH}`;
  app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = request.url ?? '';
    const isDocs = path === docsPrefix || path.startsWith(`${docsPrefix}/`);
    (isDocs ? docs : api)(request, response, next);
  });
}
