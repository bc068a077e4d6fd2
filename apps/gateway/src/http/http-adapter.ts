import type { AbstractHttpAdapter } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { HttpAdapterName } from '../config/env.validation';
import { answerFrameworkError } from './framework-errors';

/**
 * The HTTP server under Nest (HTTP_ADAPTER): Fastify by default, Express selectable.
 * `bodyLimitBytes` is Fastify's server-wide body limit (Express gets it from its JSON parser); Fastify's
 * router errors get the API's error shape ({@link answerFrameworkError}).
 */
export function createHttpAdapter(
  name: HttpAdapterName,
  bodyLimitBytes: number,
): AbstractHttpAdapter {
  return name === 'fastify'
    ? new FastifyAdapter({ bodyLimit: bodyLimitBytes, frameworkErrors: answerFrameworkError })
    : new ExpressAdapter();
}
