// Explicit property types emit the `design:type` metadata class-transformer needs to turn env strings into numbers.
/* eslint-disable @typescript-eslint/no-inferrable-types */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
  ValidateIf,
} from 'class-validator';

/** HTTP servers the gateway can run on (issue 6 benchmarks both). */
export const HTTP_ADAPTERS = ['express', 'fastify'] as const;
export type HttpAdapterName = (typeof HTTP_ADAPTERS)[number];

/** Nest log levels, from the most to the least verbose. */
export const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/**
 * Every environment variable of the gateway, with its default. Validated once at boot
 * ({@link validate}); the app refuses to start on an invalid value.
 */
export class GatewayEnvironment {
  @IsInt() @Min(0) @Max(65535) GATEWAY_PORT: number = 3000;
  @IsString() GATEWAY_HOST: string = '0.0.0.0';
  @IsIn(HTTP_ADAPTERS) HTTP_ADAPTER: HttpAdapterName = 'express';
  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevelName = 'log';

  @Matches(/^amqps?:\/\//, { message: 'RABBITMQ_URL must be an amqp:// or amqps:// URL' })
  RABBITMQ_URL: string = 'amqp://guest:guest@127.0.0.1:5672';
  /** Empty = management API disabled (`GET /v1/queue` then reports unacked and rates as unavailable). */
  @ValidateIf((env: GatewayEnvironment) => env.RABBITMQ_MANAGEMENT_URL !== '')
  @Matches(/^https?:\/\//, { message: 'RABBITMQ_MANAGEMENT_URL must be an http(s) URL or empty' })
  RABBITMQ_MANAGEMENT_URL: string = 'http://guest:guest@127.0.0.1:15672';
  /** Prefix of every exchange and queue name; empty = production names. */
  @Matches(/^[A-Za-z0-9._-]*$/, {
    message: 'AMQP_NAMESPACE may only hold letters, digits, ".", "_" and "-"',
  })
  AMQP_NAMESPACE: string = '';
  /** `x-delivery-limit` of the requests queue; must equal the predictor's. */
  @IsInt() @Min(1) DELIVERY_LIMIT: number = 5;
  /** How long a publish waits for its broker confirm before the outbox takes over. */
  @IsInt() @Min(100) PUBLISH_TIMEOUT_MS: number = 5000;

  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGODB_URI must be a mongodb:// URL' })
  MONGODB_URI: string = 'mongodb://127.0.0.1:27017/sibyl';
  /** How long a database operation waits for a reachable server before the API answers 503. */
  @IsInt() @Min(100) MONGODB_TIMEOUT_MS: number = 3000;

  /** Largest accepted text, in UTF-8 bytes (larger: 413). */
  @IsInt() @Min(1) MAX_TEXT_BYTES: number = 102400;
  /** Largest accepted request body (JSON), in bytes; must exceed MAX_TEXT_BYTES. */
  @IsInt() @Min(1024) MAX_BODY_BYTES: number = 16 * 1024 * 1024;
  /** Most texts in one `POST /v1/predictions/batch`. */
  @IsInt() @Min(1) @Max(10000) MAX_BATCH_ITEMS: number = 500;
  /** Cap of `GET /v1/predictions/:id?wait=`. */
  @IsInt() @Min(0) MAX_WAIT_MS: number = 30000;

  /** Period of the outbox relay's wake-ups (retries of failed publishes). */
  @IsInt() @Min(10) OUTBOX_INTERVAL_MS: number = 1000;
  /** A request still without a result this long after submission is published again (relay sweep period too). */
  @IsInt() @Min(1000) OUTBOX_REPUBLISH_AFTER_MS: number = 60000;
  /** Most requests the relay publishes per wake-up and per sweep. */
  @IsInt() @Min(1) OUTBOX_BATCH_SIZE: number = 1000;
  /** Publishes after which a request still without a result is stored as `failed` (its messages were dead-lettered). */
  @IsInt() @Min(1) OUTBOX_MAX_ATTEMPTS: number = 5;

  /** Concurrent submissions are grouped into one insertMany of at most this many documents... */
  @IsInt() @Min(1) INSERT_BATCH_MAX: number = 1000;
  /** ...or whatever arrived within this many milliseconds (0 = same event-loop turn). */
  @IsInt() @Min(0) INSERT_BATCH_WAIT_MS: number = 2;
}

/** Variables for which an empty value is meaningful (others fall back to their default). */
const EMPTY_ALLOWED: ReadonlySet<string> = new Set(['AMQP_NAMESPACE', 'RABBITMQ_MANAGEMENT_URL']);

/**
 * Validates the environment (`ConfigModule.forRoot({ validate })`): converts numbers, applies
 * defaults, and throws one error listing every invalid variable.
 */
export function validate(config: Record<string, unknown>): GatewayEnvironment {
  const known = Object.keys(new GatewayEnvironment());
  const given: Record<string, unknown> = {};
  for (const key of known) {
    const value = config[key];
    if (value === undefined || (value === '' && !EMPTY_ALLOWED.has(key))) continue;
    given[key] = value;
  }
  const env = plainToInstance(GatewayEnvironment, given, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `${e.property}=${JSON.stringify(given[e.property])}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new Error(`Invalid gateway configuration:\n  ${lines.join('\n  ')}`);
  }
  if (env.MAX_BODY_BYTES <= env.MAX_TEXT_BYTES) {
    throw new Error(
      `Invalid gateway configuration: MAX_BODY_BYTES (${env.MAX_BODY_BYTES}) must exceed MAX_TEXT_BYTES (${env.MAX_TEXT_BYTES})`,
    );
  }
  return env;
}
