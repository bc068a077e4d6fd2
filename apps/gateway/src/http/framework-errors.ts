import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

/** Fastify's router refuses a path parameter longer than this (its `maxParamLength` default). */
export const FASTIFY_MAX_PARAM_LENGTH = 100;

/** What the client is told for the router errors Fastify answers before Nest sees the request. */
const MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_MAX_PARAM_LENGTH: `a path parameter is longer than ${FASTIFY_MAX_PARAM_LENGTH} characters`,
  FST_ERR_BAD_URL: 'the URL is malformed (invalid percent-encoding)',
};

/**
 * Fastify's `frameworkErrors` handler: the errors its router raises before any Nest handler runs (a path
 * parameter over {@link FASTIFY_MAX_PARAM_LENGTH}: 414; a malformed URL: 400) get the API's usual error
 * shape `{statusCode, error, message}` instead of Fastify's own (`code`, and `error` naming another
 * status), and a short message that does not echo the whole path back; the status stays Fastify's.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const statusCode = error.statusCode ?? 400;
  void reply
    .code(statusCode)
    .type('application/json; charset=utf-8')
    .send({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Bad Request',
      message: MESSAGES[error.code] ?? 'the request could not be routed',
    });
}
