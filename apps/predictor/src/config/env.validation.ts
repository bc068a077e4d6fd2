import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

/** Nest log levels, most to least severe; `LOG_LEVEL` keeps the chosen one and everything above it. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/**
 * The predictor's environment, validated once at boot. Every variable has the default shown in
 * `.env.example`; a present but invalid value stops the process with a message naming it.
 */
export class PredictorEnvironment {
  /** Broker URL (amqp://user:pass@host:port/vhost). */
  @Matches(/^amqps?:\/\//, { message: 'RABBITMQ_URL must be an amqp:// or amqps:// URL' })
  RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';

  /** MongoDB (or FerretDB) connection string including the database name. */
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGODB_URI must be a mongodb:// URL' })
  MONGODB_URI = 'mongodb://127.0.0.1:27017/sibyl';

  /** How long a database operation waits for a reachable server before the batch is requeued. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  MONGODB_TIMEOUT_MS = 5000;

  /** Prefix of every exchange and queue name; empty = production names. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]*$/, {
    message: 'AMQP_NAMESPACE may only contain letters, digits, ".", "_" and "-"',
  })
  AMQP_NAMESPACE = '';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';

  /** Interface of the health/metrics HTTP server. */
  @IsString()
  @IsNotEmpty()
  PREDICTOR_HOST = '0.0.0.0';

  /** Port of the health/metrics HTTP server (0 = any free port). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PREDICTOR_PORT = 3002;

  /** The language-identification model artifact, loaded once at start. */
  @IsString()
  @IsNotEmpty()
  MODEL_PATH = 'models/langid/langid.model';

  /** Unacknowledged messages the broker may hand this consumer at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PREFETCH = 256;

  /** Largest micro-batch; 1 = pure realtime (one message per predict and write). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  BATCH_MAX_SIZE = 64;

  /** Longest a message waits for its micro-batch to fill. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60000)
  BATCH_MAX_WAIT_MS = 5;

  /** Deliveries after which the quorum queue dead-letters a message (must match the gateway's). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DELIVERY_LIMIT = 5;

  /** Budget for draining the in-flight batch on SIGTERM before the process exits anyway. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** Pause before a message that failed for a transient reason (database down) is handed back to the broker. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600000)
  REQUEUE_DELAY_MS = 1000;
}

/**
 * `ConfigModule.forRoot({ validate })` hook: converts the raw environment to a
 * {@link PredictorEnvironment} (numbers parsed, defaults applied) or throws one error listing every
 * invalid variable.
 */
export function validateEnvironment(raw: Record<string, unknown>): PredictorEnvironment {
  const known = Object.keys(new PredictorEnvironment());
  // Empty strings mean "unset" so that `VAR=` in a .env file falls back to the default.
  const present = Object.fromEntries(
    known.filter((key) => raw[key] !== undefined && raw[key] !== '').map((key) => [key, raw[key]]),
  );
  const env = plainToInstance(PredictorEnvironment, present, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new Error(`Invalid predictor configuration:\n  ${details.join('\n  ')}`);
  }
  return env;
}

/** The Nest logger levels enabled by a `LOG_LEVEL` value (that level and every more severe one). */
export function logLevelsFor(level: string | undefined): LogLevelName[] {
  const index = LOG_LEVELS.indexOf((level ?? 'log') as LogLevelName);
  return LOG_LEVELS.slice(0, index < 0 ? LOG_LEVELS.indexOf('log') + 1 : index + 1);
}
