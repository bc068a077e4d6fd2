import type { Connection, Model } from 'mongoose';
import { generateApiKey, hashApiKey, KEY_NAME_PATTERN } from './api-key';
import { API_KEYS_COLLECTION, ApiKeyRecord, ApiKeyRecordSchema } from './api-key.schema';
import { parseScopes, Scope } from './scopes';

/** MongoDB duplicate-key error code (a unique index refused the write). */
const DUPLICATE_KEY = 11000;

/** What a caller asks for when creating a key. */
export interface NewApiKey {
  name: string;
  scopes: readonly Scope[];
  /** Requests per second; absent = the gateway's default. */
  rateLimit?: number;
}

/** A key as shown on creation (the only time the key itself is visible). */
export interface CreatedApiKey {
  key: string;
  name: string;
  scopes: Scope[];
  rateLimit: number | null;
}

/** A key as listed: everything but the key (which is not stored). */
export interface ApiKeySummary {
  name: string;
  scopes: string[];
  rateLimit: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Outcome of {@link ApiKeyStore.revoke}. */
export type RevokeOutcome = 'revoked' | 'already_revoked' | 'not_found';

/** A refused key creation (bad name, scopes or limit; name taken): a client mistake. */
export class ApiKeyInputError extends Error {
  constructor(
    message: string,
    readonly conflict = false,
  ) {
    super(message);
    this.name = 'ApiKeyInputError';
  }
}

/**
 * The `api_keys` collection: create, list, revoke and look up keys by hash. Built on a Mongoose
 * connection, so the gateway (its app connection), the predictor and the `npm run keys` CLI share it.
 */
export class ApiKeyStore {
  private readonly keys: Model<ApiKeyRecord>;

  constructor(connection: Connection) {
    this.keys =
      (connection.models[ApiKeyRecord.name] as Model<ApiKeyRecord> | undefined) ??
      connection.model(ApiKeyRecord.name, ApiKeyRecordSchema, API_KEYS_COLLECTION);
  }

  /** Creates the unique index on names (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.keys.createIndexes();
  }

  /** Creates a key; throws {@link ApiKeyInputError} on invalid input or a taken name. */
  async create(input: NewApiKey): Promise<CreatedApiKey> {
    const { name, rateLimit } = input;
    if (!KEY_NAME_PATTERN.test(name)) {
      throw new ApiKeyInputError(
        'name must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit',
      );
    }
    const scopes = scopesOf(input.scopes);
    if (rateLimit !== undefined && !(Number.isFinite(rateLimit) && rateLimit > 0)) {
      throw new ApiKeyInputError('rateLimit must be a positive number of requests per second');
    }
    if (await this.keys.exists({ name }).exec()) throw nameTaken(name);
    const key = generateApiKey();
    const record: ApiKeyRecord = { _id: hashApiKey(key), name, scopes, createdAt: new Date() };
    if (rateLimit !== undefined) record.rateLimit = rateLimit;
    try {
      await this.keys.collection.insertOne(record as never);
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) throw nameTaken(name);
      throw error;
    }
    return { key, name, scopes, rateLimit: rateLimit ?? null };
  }

  /** Every key (revoked ones too), oldest first. */
  async list(): Promise<ApiKeySummary[]> {
    const records = await this.keys.find().lean<ApiKeyRecord[]>().exec();
    return records
      .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
      .map(toSummary);
  }

  /** Marks the named key revoked. */
  async revoke(name: string, at = new Date()): Promise<RevokeOutcome> {
    const record = await this.keys.findOne({ name }).lean<ApiKeyRecord>().exec();
    if (!record) return 'not_found';
    if (record.revokedAt) return 'already_revoked';
    await this.keys.updateOne({ _id: record._id }, { $set: { revokedAt: at } }).exec();
    return 'revoked';
  }

  /** The record of a key hash, revoked or not; null if unknown. */
  findByHash(hash: string): Promise<ApiKeyRecord | null> {
    return this.keys.findById(hash).lean<ApiKeyRecord>().exec();
  }

  /** Stores when a key was last used (callers throttle this: one write per key per interval). */
  async touch(hash: string, at: Date): Promise<void> {
    await this.keys.updateOne({ _id: hash }, { $set: { lastUsedAt: at } }).exec();
  }
}

function scopesOf(scopes: readonly string[]): Scope[] {
  try {
    return parseScopes(scopes.join(','));
  } catch (error) {
    throw new ApiKeyInputError((error as Error).message);
  }
}

function nameTaken(name: string): ApiKeyInputError {
  return new ApiKeyInputError(`a key named "${name}" already exists`, true);
}

/** The listed view of a record. */
export function toSummary(record: ApiKeyRecord): ApiKeySummary {
  return {
    name: record.name,
    scopes: record.scopes,
    rateLimit: record.rateLimit ?? null,
    createdAt: new Date(record.createdAt),
    lastUsedAt: record.lastUsedAt ? new Date(record.lastUsedAt) : null,
    revokedAt: record.revokedAt ? new Date(record.revokedAt) : null,
  };
}
