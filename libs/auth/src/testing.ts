import { randomBytes } from 'node:crypto';
import { createConnection } from 'mongoose';
import { ApiKeyStore, CreatedApiKey } from './keys/api-key.store';
import { Scope, SCOPES } from './keys/scopes';

/** Options of {@link createTestApiKey}. */
export interface TestApiKeyOptions {
  /** Default: a unique `test-…` name. */
  name?: string;
  /** Default: every scope. */
  scopes?: readonly Scope[];
  rateLimit?: number;
}

/**
 * Creates a real API key in the database at `mongoUri` (its own short-lived connection), for test
 * harnesses and tools that start a gateway against that database.
 */
export async function createTestApiKey(
  mongoUri: string,
  options: TestApiKeyOptions = {},
): Promise<CreatedApiKey> {
  const connection = await createConnection(mongoUri, {
    serverSelectionTimeoutMS: 10000,
  }).asPromise();
  try {
    return await new ApiKeyStore(connection).create({
      name: options.name ?? `test-${randomBytes(4).toString('hex')}`,
      scopes: options.scopes ?? SCOPES,
      rateLimit: options.rateLimit,
    });
  } finally {
    await connection.close();
  }
}

/** `{ authorization: 'Bearer <key>' }`, to spread into fetch headers. */
export function bearer(key: string): { authorization: string } {
  return { authorization: `Bearer ${key}` };
}
