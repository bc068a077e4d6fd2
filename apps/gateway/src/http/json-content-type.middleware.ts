import { Injectable, NestMiddleware, UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

/** True for `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType.trim());
}

/** True when the request announces a body. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

/** Refuses (415) a request body that is not `application/json`, before anything reads it. */
@Injectable()
export class JsonContentTypeMiddleware implements NestMiddleware {
  use(request: IncomingMessage, _response: unknown, next: () => void): void {
    const contentType = request.headers['content-type'];
    if (
      BODY_METHODS.has(request.method ?? '') &&
      hasBody(request) &&
      !isJsonContentType(contentType)
    ) {
      throw new UnsupportedMediaTypeException(
        `Content-Type must be application/json (got ${contentType ? `"${contentType}"` : 'none'})`,
      );
    }
    next();
  }
}
