// Explicit property types emit the `design:type` metadata class-transformer needs to turn env strings into numbers.
import 'reflect-metadata';
import { invalidEnv, SibylEnvironment, validateEnv } from '@sibyl/config';
import { IsIn, IsInt, IsNumber, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  DEFAULT_EVENT_STREAM_HEARTBEAT_MS,
  DEFAULT_MAX_EVENT_STREAMS_PER_KEY,
  DEFAULT_SAFETY_RECHECK_MS,
} from '../completions/completions.constants';

/** HTTP servers the gateway can run on: Fastify by default (issue 12), Express selectable. */
export const HTTP_ADAPTERS = ['express', 'fastify'] as const;
export type HttpAdapterName = (typeof HTTP_ADAPTERS)[number];

/** `AUTH`: API keys required (`on`, default) or not (`off`, loopback only). */
export const AUTH_MODES = ['on', 'off'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/**
 * Every environment variable of the gateway, with its default: the shared ones
 * ({@link SibylEnvironment}: broker, database, namespace, delivery limit, log level) and its own.
 * Validated once at boot ({@link validate}); the app refuses to start on an invalid value.
 */
export class GatewayEnvironment extends SibylEnvironment {
  @IsInt() @Min(0) @Max(65535) GATEWAY_PORT: number = 3000;
  @IsString() GATEWAY_HOST: string = '0.0.0.0';
  @IsIn(HTTP_ADAPTERS) HTTP_ADAPTER: HttpAdapterName = 'fastify';

  /** API keys required on every endpoint but health (`on`); `off` is refused unless GATEWAY_HOST is loopback. */
  @IsIn(AUTH_MODES) AUTH: AuthMode = 'on';
  /** How long a verified key is reused without a database read: a revoked key stops working within this. */
  @IsInt() @Min(0) @Max(60000) AUTH_CACHE_TTL_MS: number = 5000;
  /** Default token bucket of a key: requests per second... */
  @IsNumber() @Min(0.001) RATE_LIMIT_PER_SECOND: number = 100;
  /** ...and burst (a key's own `rateLimit` scales both). Buckets are per gateway process. */
  @IsInt() @Min(1) RATE_LIMIT_BURST: number = 200;
  /** Concurrent `?wait=` long polls of one key (more: 429). */
  @IsInt() @Min(1) MAX_LONG_POLLS_PER_KEY: number = 32;
  /** Requests without a valid key allowed per client IP and minute (more: 429). */
  @IsInt() @Min(1) UNAUTH_RATE_LIMIT_PER_MINUTE: number = 60;
  /** Proxies in front of the gateway whose X-Forwarded-For entries are trusted (0 = use the peer address). */
  @IsInt() @Min(0) @Max(10) TRUST_PROXY: number = 0;
  /** Origins allowed to call the API from a browser (comma list); empty = no CORS headers at all. */
  @Matches(/^(\s*https?:\/\/[^\s,]+\s*(,\s*https?:\/\/[^\s,]+\s*)*)?$/, {
    message: 'CORS_ORIGINS must be a comma list of http(s) origins, or empty',
  })
  CORS_ORIGINS: string = '';

  /** Empty = management API disabled (`GET /v1/queue` then reports unacked and rates as unavailable). */
  @ValidateIf((env: GatewayEnvironment) => env.RABBITMQ_MANAGEMENT_URL !== '')
  @Matches(/^https?:\/\//, { message: 'RABBITMQ_MANAGEMENT_URL must be an http(s) URL or empty' })
  RABBITMQ_MANAGEMENT_URL: string = 'http://guest:guest@127.0.0.1:15672';
  /** How long a publish waits for its broker confirm before the outbox takes over. */
  @IsInt() @Min(100) PUBLISH_TIMEOUT_MS: number = 5000;
  /** Period of the broker topology drift check (the topology is also declared on every reconnect). */
  @IsInt() @Min(1000) TOPOLOGY_CHECK_INTERVAL_MS: number = 3000;

  /** How long a database operation waits for a reachable server before the API answers 503. */
  @IsInt() @Min(100) MONGODB_TIMEOUT_MS: number = 3000;

  /** Largest accepted text, in UTF-8 bytes (larger: 413). */
  @IsInt() @Min(1) MAX_TEXT_BYTES: number = 102400;
  /** Largest accepted request body (JSON), in bytes; must exceed MAX_TEXT_BYTES. */
  @IsInt() @Min(1024) MAX_BODY_BYTES: number = 1024 * 1024;
  /** Deepest nesting of arrays/objects accepted in a JSON body (deeper: 400, before parsing). */
  @IsInt() @Min(2) @Max(1000) MAX_JSON_DEPTH: number = 32;
  /** Most texts in one `POST /v1/predictions/batch`. */
  @IsInt() @Min(1) @Max(10000) MAX_BATCH_ITEMS: number = 500;
  /** Cap of `GET /v1/predictions/:id?wait=`. */
  @IsInt() @Min(0) MAX_WAIT_MS: number = 30000;
  /** Long polls wake on pushed completions; this slow re-check finds results whose announcement was lost. */
  @IsInt() @Min(100) WAIT_SAFETY_RECHECK_MS: number = DEFAULT_SAFETY_RECHECK_MS;
  /** Open `GET /v1/predictions/events` streams of one key (more: 429). */
  @IsInt() @Min(1) MAX_EVENT_STREAMS_PER_KEY: number = DEFAULT_MAX_EVENT_STREAMS_PER_KEY;
  /** Period of the event streams' heartbeat event. */
  @IsInt() @Min(1000) EVENT_STREAM_HEARTBEAT_MS: number = DEFAULT_EVENT_STREAM_HEARTBEAT_MS;

  /** Period of the outbox relay's wake-ups (retries of failed publishes). */
  @IsInt() @Min(10) OUTBOX_INTERVAL_MS: number = 1000;
  /** A request still without a result this long after submission is published again (relay sweep period too). */
  @IsInt() @Min(1000) OUTBOX_REPUBLISH_AFTER_MS: number = 60000;
  /** Most requests the relay publishes per wake-up and per sweep. */
  @IsInt() @Min(1) OUTBOX_BATCH_SIZE: number = 1000;
  /** Publishes after which a request still without a result is stored as `failed` (its messages were dead-lettered). */
  @IsInt() @Min(1) OUTBOX_MAX_ATTEMPTS: number = 5;
  /**
   * Bound, in bytes, of the requests stored but not yet confirmed by the broker that the gateway
   * holds in memory (being published or kept for a retry). At the bound, submissions get 503 with
   * `Retry-After` and /health/ready fails, so a broker outage or alarm cannot exhaust the memory.
   */
  @IsInt() @Min(1024 * 1024) OUTBOX_BACKLOG_MAX_BYTES: number = 64 * 1024 * 1024;
  /**
   * While the requests queue holds a ready backlog (which explains late results), the sweep
   * republishes only requests whose last publish is at least this old (not OUTBOX_REPUBLISH_AFTER_MS).
   */
  @IsInt() @Min(1000) OUTBOX_REPUBLISH_UNDER_BACKLOG_MS: number = 600000;

  /** Concurrent submissions are grouped into one insertMany of at most this many documents (the group size adapts to the load)... */
  @IsInt() @Min(1) INSERT_BATCH_MAX: number = 1000;
  /** ...and a submission waits at most this many milliseconds for its group to fill. */
  @IsInt() @Min(0) INSERT_BATCH_WAIT_MS: number = 2;

  /** Period of the sibyl_live_accuracy gauges' refresh from the feedback collection (0 = never). */
  @IsInt() @Min(0) LIVE_ACCURACY_INTERVAL_MS: number = 30000;

  /** Promotion gate: a candidate's held-out accuracy may be at most this much below the live one's. */
  @IsNumber() @Min(0) @Max(0.999) PROMOTION_MAX_ACCURACY_DROP: number = 0.002;
}

/** Variables for which an empty value is meaningful (others fall back to their default). */
const EMPTY_ALLOWED = ['AMQP_NAMESPACE', 'RABBITMQ_MANAGEMENT_URL', 'CORS_ORIGINS'];

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i.test(host.trim());
}

/**
 * Validates the environment (`ConfigModule.forRoot({ validate })`) with the shared
 * {@link validateEnv}, plus the gateway's rule between its two size limits.
 */
export function validate(config: Record<string, unknown>): GatewayEnvironment {
  const env = validateEnv(GatewayEnvironment, config, {
    app: 'gateway',
    emptyAllowed: EMPTY_ALLOWED,
  });
  if (env.MAX_BODY_BYTES <= env.MAX_TEXT_BYTES) {
    throw invalidEnv(
      'gateway',
      `MAX_BODY_BYTES (${env.MAX_BODY_BYTES}) must exceed MAX_TEXT_BYTES (${env.MAX_TEXT_BYTES})`,
    );
  }
  if (env.AUTH === 'off' && !isLoopbackHost(env.GATEWAY_HOST)) {
    throw invalidEnv(
      'gateway',
      `AUTH=off is only allowed when the gateway binds to loopback (GATEWAY_HOST=127.0.0.1); GATEWAY_HOST is "${env.GATEWAY_HOST}"`,
    );
  }
  return env;
}

/** The allowed CORS origins of CORS_ORIGINS. */
export function corsOrigins(env: Pick<GatewayEnvironment, 'CORS_ORIGINS'>): string[] {
  return env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter((origin) => origin !== '');
}
