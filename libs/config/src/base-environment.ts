// Explicit property types emit the `design:type` metadata class-transformer needs to turn env strings into numbers.
/* eslint-disable @typescript-eslint/no-inferrable-types */
import 'reflect-metadata';
import { IsIn, IsInt, Matches, Min } from 'class-validator';
import { LOG_LEVELS, LogLevelName } from './log-levels';

/** Default of DATABASE_OPERATION_TIMEOUT_MS: well above a busy FerretDB's slowest write here. */
export const DEFAULT_DATABASE_OPERATION_TIMEOUT_MS = 5000;

/** Variables of every Sibyl process. App environments extend it. */
export class BaseEnvironment {
  /** Least severe level logged (that level and every more severe one). */
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevelName = 'log';
}

/**
 * Variables shared by the processes that use the broker and the database (gateway, predictor):
 * declared once, so their names, defaults and messages are the same everywhere.
 */
export class SibylEnvironment extends BaseEnvironment {
  /** Broker URL (amqp://user:pass@host:port/vhost). */
  @Matches(/^amqps?:\/\//, { message: 'RABBITMQ_URL must be an amqp:// or amqps:// URL' })
  RABBITMQ_URL: string = 'amqp://guest:guest@127.0.0.1:5672';

  /** MongoDB (or FerretDB) connection string including the database name. */
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGODB_URI must be a mongodb:// URL' })
  MONGODB_URI: string = 'mongodb://127.0.0.1:27017/sibyl';

  /** Prefix of every exchange and queue name; empty = production names. */
  @Matches(/^[A-Za-z0-9._-]*$/, {
    message: 'AMQP_NAMESPACE may only hold letters, digits, ".", "_" and "-"',
  })
  AMQP_NAMESPACE: string = '';

  /**
   * Longest a database operation on a request path (the gateway's inserts and reads, the
   * predictor's result writes) waits for its answer: past it the gateway answers 503 and the
   * predictor holds the batch and retries, so a hung socket or stalled server never hangs a
   * request or a shutdown. 0 = unbounded.
   */
  @IsInt({ message: 'DATABASE_OPERATION_TIMEOUT_MS must be an integer' })
  @Min(0, { message: 'DATABASE_OPERATION_TIMEOUT_MS must be at least 0' })
  DATABASE_OPERATION_TIMEOUT_MS: number = DEFAULT_DATABASE_OPERATION_TIMEOUT_MS;

  /**
   * `x-delivery-limit` of the requests queue: deliveries after which the broker dead-letters a
   * message. Every process declaring the queue must use the same value (the broker refuses a
   * declaration with other arguments), hence one definition here.
   */
  @IsInt({ message: 'DELIVERY_LIMIT must be an integer' })
  @Min(1, { message: 'DELIVERY_LIMIT must be at least 1' })
  DELIVERY_LIMIT: number = 5;
}
