import { randomBytes } from 'node:crypto';

/** Default MongoDB URI of local runs and tests. */
export const DEFAULT_MONGODB_URI = 'mongodb://127.0.0.1:27017/sibyl';
/** Default RabbitMQ URL of local runs and tests. */
export const DEFAULT_RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';

/**
 * A fresh broker namespace (`<prefix>-<time>-<random>`), so that tests sharing the
 * machine's RabbitMQ use their own exchanges and queues.
 */
export function uniqueNamespace(prefix = 'test'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** The given MongoDB URI with a fresh database name `sibyl_test_<random>`. */
export function uniqueMongoUri(base = process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI): string {
  const url = new URL(base);
  url.pathname = `/sibyl_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return url.toString();
}
