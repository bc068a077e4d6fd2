import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { JSON_TOO_DEEP } from './json-depth';

/** What body parsers (Express body-parser, Fastify) attach to their errors. */
interface ParserError {
  message?: string;
  type?: string;
  code?: string;
  status?: number;
  statusCode?: number;
}

/**
 * Maps an error raised while reading or parsing a request body (Express body-parser or
 * Fastify) to a clear 400/413/415; undefined if it is not such an error.
 */
export function bodyParserError(error: unknown, limitBytes: number): HttpException | undefined {
  if (error instanceof HttpException || typeof error !== 'object' || error === null)
    return undefined;
  const { message = '', type = '', code = '', status, statusCode } = error as ParserError;
  const httpStatus = statusCode ?? status;
  if (type === JSON_TOO_DEEP) return new BadRequestException(message);
  if (type === 'entity.too.large' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' || httpStatus === 413) {
    return new PayloadTooLargeException(
      `request body exceeds ${limitBytes} bytes (MAX_BODY_BYTES)`,
    );
  }
  if (
    ['encoding.unsupported', 'charset.unsupported'].includes(type) ||
    code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    httpStatus === 415
  ) {
    return new UnsupportedMediaTypeException(
      `unsupported body encoding: ${message}; send UTF-8 application/json`,
    );
  }
  if (
    type === 'entity.parse.failed' ||
    error instanceof SyntaxError ||
    code.startsWith('FST_ERR_CTP_')
  ) {
    return new BadRequestException(`malformed JSON body: ${message}`);
  }
  if (type.startsWith('request.') || type.startsWith('entity.')) {
    return new BadRequestException(`unreadable request body: ${message}`);
  }
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
    return new HttpException(message || 'bad request', httpStatus);
  }
  return undefined;
}
