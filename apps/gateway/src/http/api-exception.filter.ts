import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Optional,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { DatabaseTimeoutError, isDatabaseUnavailable } from '@sibyl/persistence';
import type { GatewayEnvironment } from '../config/env.validation';
import { API_ERROR_LISTENERS, ApiErrorListener, ApiErrorRequest } from './api-error.listener';
import { bodyParserError } from './body-parser-errors';

/** Error body of every API error: Nest's default shape. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

/**
 * The one exception filter of the gateway. Client mistakes never become a 500: body parser
 * failures map to 400/413/415, an unreachable database to 503 (with `Retry-After`), and every
 * answer has the `{ statusCode, error, message }` shape. It only shapes answers: features that
 * count their refusals register an {@link ApiErrorListener} (`API_ERROR_LISTENERS`).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');
  private readonly maxBodyBytes: number;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ConfigService) config: ConfigService<GatewayEnvironment, true>,
    @Optional()
    @Inject(API_ERROR_LISTENERS)
    private readonly listeners: readonly ApiErrorListener[] = [],
  ) {
    this.maxBodyBytes = config.get('MAX_BODY_BYTES', { infer: true });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const context = host.switchToHttp();
    const request = context.getRequest<ApiErrorRequest>();
    const response = context.getResponse<unknown>();
    const http = this.toHttpException(exception);
    const status = http.getStatus();
    if (status === HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(
        `${request.method} ${request.url} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    for (const listener of this.listeners) listener.onApiError(request, http);
    if (httpAdapter.isHeadersSent(response)) {
      httpAdapter.end(response);
      return;
    }
    if (
      (status === HttpStatus.SERVICE_UNAVAILABLE || status === HttpStatus.TOO_MANY_REQUESTS) &&
      !hasHeader(response, 'retry-after')
    ) {
      httpAdapter.setHeader(response, 'Retry-After', '1');
    }
    httpAdapter.reply(response, errorBody(http), status);
  }

  private toHttpException(exception: unknown): HttpException {
    if (exception instanceof HttpException) {
      // Nest maps Fastify's own errors to HttpException(message, status): give the body limit a clear message.
      const fromFastify = typeof exception.getResponse() === 'string';
      return fromFastify && exception.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE
        ? new PayloadTooLargeException(
            `request body exceeds ${this.maxBodyBytes} bytes (MAX_BODY_BYTES)`,
          )
        : exception;
    }
    if (exception instanceof DatabaseTimeoutError) {
      // The write may still land: retrying is safe (a stored request is published by the outbox).
      return new ServiceUnavailableException(
        `database did not answer within ${exception.timeoutMs} ms (DATABASE_OPERATION_TIMEOUT_MS) — retry later`,
      );
    }
    if (isDatabaseUnavailable(exception)) {
      return new ServiceUnavailableException(
        'database unavailable; nothing was stored — retry later',
      );
    }
    return (
      bodyParserError(exception, this.maxBodyBytes) ??
      new HttpException('internal server error', HttpStatus.INTERNAL_SERVER_ERROR)
    );
  }
}

/**
 * The `{ statusCode, error, message }` body of an HTTP exception (plus any extra fields of a
 * structured body with a message); a structured body without a
 * message (e.g. terminus' health report in a 503) is kept as it is.
 */
export function errorBody(exception: HttpException): ApiErrorBody | object {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && !('message' in response))
    return response;
  const fields =
    typeof response === 'object' && response !== null
      ? (response as Partial<ApiErrorBody>)
      : { message: String(response) };
  // Extra fields a feature adds (e.g. the promotion gate's `deltas`) are kept.
  return {
    ...fields,
    statusCode: status,
    error: fields.error ?? httpStatusName(status),
    message: fields.message ?? exception.message,
  };
}

function httpStatusName(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name
        .toLowerCase()
        .replace(/(^|_)(\w)/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase())
    : 'Error';
}

/** True if the Express response or Fastify reply already has the header (set by the guard). */
function hasHeader(response: unknown, name: string): boolean {
  const getter = (response as { getHeader?: (name: string) => unknown }).getHeader;
  return typeof getter === 'function' && getter.call(response, name) !== undefined;
}
