// Explicit property types emit the `design:type` metadata class-transformer needs to turn env strings into numbers.
import 'reflect-metadata';
import { invalidEnv, SibylEnvironment, validateEnv } from '@sibyl/config';
import { DEFAULT_MODEL_RECHECK_INTERVAL_MS } from '@sibyl/registry';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { DEFAULT_MODEL_DECODE_TIMEOUT_MS } from '../model/model.constants';

/**
 * The predictor's environment, validated once at boot: the shared variables
 * ({@link SibylEnvironment}: broker, database, namespace, delivery limit, log level) and its own.
 * Every variable has the default shown in `.env.example`; a present but invalid value stops the
 * process with a message naming it.
 */
export class PredictorEnvironment extends SibylEnvironment {
  /** How long a database operation waits for a reachable server before the batch is requeued. */
  @IsInt() @Min(100) MONGODB_TIMEOUT_MS: number = 5000;

  /** Interface of the health/metrics HTTP server. */
  @IsString() @IsNotEmpty() PREDICTOR_HOST: string = '0.0.0.0';

  /**
   * `on` (default): `GET /metrics` needs an API key with the `metrics` (or `admin`) scope;
   * `off` is refused unless PREDICTOR_HOST is loopback.
   */
  @IsIn(['on', 'off'])
  AUTH: 'on' | 'off' = 'on';

  /** How long a verified key is reused without a database read (revocation delay). */
  @IsInt() @Min(0) @Max(60000) AUTH_CACHE_TTL_MS: number = 5000;

  /** Port of the health/metrics HTTP server (0 = any free port). */
  @IsInt() @Min(0) @Max(65535) PREDICTOR_PORT: number = 3002;

  /**
   * The language-identification model file served when the model registry has no live model (the predictor
   * says so in its log); otherwise the registry's live version is served.
   */
  @IsString() @IsNotEmpty() MODEL_PATH: string = 'models/langid/langid.model';

  /**
   * Period of the re-check of the registry's live model (besides `model.promoted` events, so that a lost event
   * only delays a swap); 0 = events only.
   */
  @IsInt()
  @Min(0)
  @Max(3600000)
  MODEL_RECHECK_INTERVAL_MS: number = DEFAULT_MODEL_RECHECK_INTERVAL_MS;

  /**
   * How long the decode worker thread may take to verify and decode a model (at boot, on a swap, for a shadow
   * candidate) before it is taken for hung: the load fails as `timeout` and the worker is replaced. At boot the
   * predictor then does not start; on a swap the old model keeps serving.
   */
  @IsInt()
  @Min(1)
  @Max(600000)
  MODEL_DECODE_TIMEOUT_MS: number = DEFAULT_MODEL_DECODE_TIMEOUT_MS;

  /**
   * Period of the check for an active shadow run (`models shadow`): while one is active the predictor loads
   * the candidate and consumes the shadow queue; 0 = this predictor never takes part in shadow evaluation.
   */
  @IsInt() @Min(0) @Max(3600000) SHADOW_CHECK_INTERVAL_MS: number = 2000;

  /** Unacknowledged shadow copies the broker may hand this predictor at once. */
  @IsInt() @Min(1) @Max(1000) SHADOW_PREFETCH: number = 16;

  /** Unacknowledged messages the broker may hand this consumer at once. */
  @IsInt() @Min(1) @Max(65535) PREFETCH: number = 256;

  /** Largest micro-batch; 1 = pure realtime (one message per predict and write). At most PREFETCH (adaptive). */
  @IsInt() @Min(1) @Max(10000) BATCH_MAX_SIZE: number = 64;

  /** Longest a message waits for its micro-batch to fill (the adaptive controller's upper bound). */
  @IsInt() @Min(0) @Max(60000) BATCH_MAX_WAIT_MS: number = 5;

  /**
   * `adaptive` (default): batch size and wait follow the load and the observed write latency (no wait and
   * single messages at low load, up to BATCH_MAX_SIZE under backlog); `fixed`: every batch closes at
   * BATCH_MAX_SIZE messages or after BATCH_MAX_WAIT_MS.
   */
  @IsIn(['adaptive', 'fixed'])
  BATCH_MODE: 'adaptive' | 'fixed' = 'adaptive';

  /** `on` (default): classify the next batch while the previous one is being written; `off`: alternate. */
  @IsIn(['on', 'off'])
  BATCH_PIPELINE: 'on' | 'off' = 'on';

  /** Batch writes in flight at once per predictor (1 = a single writer, best for SQLite-backed FerretDB). */
  @IsInt() @Min(1) @Max(8) BATCH_WRITES_IN_FLIGHT: number = 1;

  /** Budget for draining the in-flight batch on SIGTERM before the process exits anyway. */
  @IsInt() @Min(0) SHUTDOWN_TIMEOUT_MS: number = 10000;

  /** Pause before a message that failed for a transient reason (database down) is handed back to the broker. */
  @IsInt() @Min(0) @Max(600000) REQUEUE_DELAY_MS: number = 1000;

  /**
   * A predictor holding unacked messages that settles none for this long is stalled: /health/live fails (so the
   * orchestrator restarts it) and `sibyl_consumer_stalled` is 1. Not counted while consumption is paused
   * because the database is unreachable.
   */
  @IsInt() @Min(1000) STALL_TIMEOUT_MS: number = 60000;

  /**
   * Largest message body the predictor parses; a bigger one is dead-lettered unread (reason `oversized`). Must
   * exceed what the gateway publishes for MAX_TEXT_BYTES (JSON escaping can grow a text up to 6×).
   */
  @IsInt() @Min(1024) MAX_MESSAGE_BYTES: number = 1048576;

  /** Period of the broker topology drift check (the topology is also declared on every reconnect). */
  @IsInt() @Min(1000) TOPOLOGY_CHECK_INTERVAL_MS: number = 3000;
}

/**
 * `ConfigModule.forRoot({ validate })` hook: the shared {@link validateEnv} on
 * {@link PredictorEnvironment} (numbers parsed, defaults applied, empty values unset, one error
 * listing every invalid variable).
 */
export function validateEnvironment(raw: Record<string, unknown>): PredictorEnvironment {
  const env = validateEnv(PredictorEnvironment, raw, { app: 'predictor' });
  // A batch only holds delivered messages: the adaptive controller needs PREFETCH to reach BATCH_MAX_SIZE.
  // (A fixed batch larger than the prefetch closes on its timer only, which tests use to hold messages.)
  if (env.BATCH_MODE === 'adaptive' && env.PREFETCH < env.BATCH_MAX_SIZE) {
    throw invalidEnv(
      'predictor',
      `PREFETCH (${env.PREFETCH}) must be at least BATCH_MAX_SIZE (${env.BATCH_MAX_SIZE}) with BATCH_MODE=adaptive: a batch can only hold messages the broker has delivered`,
    );
  }
  if (env.AUTH === 'off' && !/^(127(\.\d{1,3}){3}|::1|localhost)$/i.test(env.PREDICTOR_HOST)) {
    throw invalidEnv(
      'predictor',
      `AUTH=off is only allowed when the predictor binds to loopback (PREDICTOR_HOST=127.0.0.1); PREDICTOR_HOST is "${env.PREDICTOR_HOST}"`,
    );
  }
  return env;
}
