import { BadRequestException, INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import type { HttpAdapterName } from '../config/env.validation';
import { bodyParserError } from './body-parser-errors';
import { exceedsJsonDepth, jsonTooDeepError } from './json-depth';

type Next = (error?: unknown) => void;

/** Every endpoint takes a JSON object; an array or a bare value is refused with this error. */
function notAnObject(body: unknown): BadRequestException | undefined {
  return typeof body !== 'object' || body === null || Array.isArray(body)
    ? new BadRequestException('request body must be a JSON object')
    : undefined;
}

/**
 * Installs the only body parser of the API — JSON objects, up to `limitBytes`, nested at most
 * `maxDepth` levels (checked on the raw bytes before parsing) — on either HTTP adapter, so that
 * its failures reach the exception filter as clear 400/413/415 errors (Nest's own mapping would
 * turn a JSON syntax error into a bare 400 with the parser's text). The application must be
 * created with `bodyParser: false`.
 */
export function installJsonBodyParser(
  app: INestApplication,
  adapter: HttpAdapterName,
  limitBytes: number,
  maxDepth: number,
): void {
  if (adapter === 'fastify') {
    const fastifyApp = app as NestFastifyApplication;
    const defaultJsonParser = fastifyApp
      .getHttpAdapter()
      .getInstance()
      .getDefaultJsonParser('error', 'error');
    fastifyApp.useBodyParser<RawServerDefault>(
      'application/json',
      { bodyLimit: limitBytes },
      (request, body, done) => {
        if (exceedsJsonDepth(body, maxDepth)) {
          done(bodyParserError(jsonTooDeepError(maxDepth), limitBytes) ?? null, undefined);
          return;
        }
        defaultJsonParser(
          request,
          body.toString('utf8'),
          (error: Error | null, value?: unknown) => {
            const refusal = error
              ? (bodyParserError(error, limitBytes) ?? error)
              : notAnObject(value);
            return refusal ? done(refusal, undefined) : done(null, value);
          },
        );
      },
    );
    return;
  }
  const expressApp = app as NestExpressApplication;
  expressApp.useBodyParser('json', {
    limit: limitBytes,
    verify: (_request: unknown, _response: unknown, body: Buffer) => {
      if (exceedsJsonDepth(body, maxDepth)) throw jsonTooDeepError(maxDepth);
    },
  });
  expressApp.use(
    (
      request: { body?: unknown; headers: Record<string, unknown> },
      _response: unknown,
      next: Next,
    ) =>
      next(
        request.body !== undefined && request.headers['content-length'] !== '0'
          ? notAnObject(request.body)
          : undefined,
      ),
  );
  // Error-handling middleware (arity 4) right after the parser: translate its errors.
  expressApp.use((error: unknown, _request: unknown, _response: unknown, next: Next) =>
    next(bodyParserError(error, limitBytes) ?? error),
  );
}
