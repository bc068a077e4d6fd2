import { Logger } from '@nestjs/common';
import { hashApiKey, isWellFormedApiKey } from './api-key';
import type { ApiKeyRecord } from './api-key.schema';
import type { ApiKeyStore } from './api-key.store';

/** The identity a request acts as once its key is verified. */
export interface VerifiedKey {
  /** SHA-256 of the key: its id in `api_keys`, and the owner id stored on its requests. */
  id: string;
  name: string;
  scopes: readonly string[];
  /** Requests per second of this key's bucket; undefined = the default. */
  rateLimit?: number;
  /** True only for the stand-in identity of AUTH=off (no ownership, no limits). */
  anonymous?: boolean;
}

/**
 * Bounds a store read (the app's database deadline, e.g. DATABASE_OPERATION_TIMEOUT_MS): settles
 * like `work`, or rejects once the bound passed (the rejection is what the caller answers 503 with).
 */
export type StoreDeadline = <T>(what: string, work: Promise<T>) => Promise<T>;

/** Tuning of {@link KeyVerifier}. */
export interface KeyVerifierOptions {
  /**
   * How long a verification (positive or negative) is reused: the bound on how long a revoked key
   * keeps working in one process. Default 5000 ms.
   */
  cacheTtlMs?: number;
  /** Least time between two `lastUsedAt` writes of one key by one process. Default 60000 ms. */
  lastUsedIntervalMs?: number;
  /** Most cached verifications (oldest dropped first). Default 10000. */
  maxCacheEntries?: number;
  /**
   * While the store cannot be read, an expired verification younger than this is still used
   * (a database outage then does not lock every client out of what still works, e.g. /metrics).
   * Default 300000 ms; 0 = never.
   */
  staleIfErrorMs?: number;
  /**
   * With such a usable expired verification at hand, the longest a request waits for the store before
   * it is answered from it (the lookup goes on and refreshes the cache when it lands): a slow or frozen
   * database does not hold /metrics and the dashboard's scrapes (2 s timeout) for the whole deadline.
   * Default 1000 ms.
   */
  staleGraceMs?: number;
  /** Bounds the lookup of a key that is not cached (a hung database). Default: unbounded. */
  deadline?: StoreDeadline;
}

interface CacheEntry {
  key: VerifiedKey | null;
  expiresAt: number;
}

/**
 * Verifies presented keys against the store, with a small in-process cache of short TTL (so a
 * revocation takes effect within `cacheTtlMs`), concurrent lookups of one key merged into one
 * read, and `lastUsedAt` written at most once per `lastUsedIntervalMs` per key.
 */
export class KeyVerifier {
  private readonly logger = new Logger('KeyVerifier');
  private readonly cache = new Map<string, CacheEntry>();
  private readonly pending = new Map<string, Promise<VerifiedKey | null>>();
  private readonly touchedAt = new Map<string, number>();
  private readonly cacheTtlMs: number;
  private readonly lastUsedIntervalMs: number;
  private readonly maxCacheEntries: number;
  private readonly staleIfErrorMs: number;
  private readonly staleGraceMs: number;
  private readonly deadline: StoreDeadline;

  constructor(
    private readonly store: Pick<ApiKeyStore, 'findByHash' | 'touch'>,
    options: KeyVerifierOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.cacheTtlMs = options.cacheTtlMs ?? 5000;
    this.lastUsedIntervalMs = options.lastUsedIntervalMs ?? 60000;
    this.maxCacheEntries = options.maxCacheEntries ?? 10000;
    this.staleIfErrorMs = options.staleIfErrorMs ?? 300000;
    this.staleGraceMs = options.staleGraceMs ?? 1000;
    this.deadline = options.deadline ?? ((_what, work) => work);
  }

  /**
   * The key's identity, or null when it is malformed, unknown or revoked. Rejects only when the
   * store cannot be read (the caller answers 503).
   */
  async verify(presented: string): Promise<VerifiedKey | null> {
    if (!isWellFormedApiKey(presented)) return null;
    const hash = hashApiKey(presented);
    const cached = this.cache.get(hash);
    const verified = cached && cached.expiresAt > this.now() ? cached.key : await this.lookUp(hash);
    if (verified) this.touch(hash);
    return verified;
  }

  /** Forgets every cached verification (e.g. after a revoke through this process). */
  forget(): void {
    this.cache.clear();
  }

  /** The store's answer, or a usable expired verification once the store took longer than the grace. */
  private lookUp(hash: string): Promise<VerifiedKey | null> {
    const lookup = this.pending.get(hash) ?? this.startLookUp(hash);
    const stale = this.usableStale(hash);
    if (!stale) return lookup;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<VerifiedKey | null>((resolve) => {
      timer = setTimeout(() => resolve(stale.key), this.staleGraceMs);
    });
    return Promise.race([lookup, grace]).finally(() => clearTimeout(timer));
  }

  /** An expired verification still usable while the store cannot answer (see `staleIfErrorMs`). */
  private usableStale(hash: string): CacheEntry | undefined {
    const stale = this.cache.get(hash);
    return stale && this.now() - stale.expiresAt < this.staleIfErrorMs ? stale : undefined;
  }

  private startLookUp(hash: string): Promise<VerifiedKey | null> {
    const lookup = this.deadline('lookup of an API key', this.store.findByHash(hash))
      .then(
        (record) => {
          const key = record && !record.revokedAt ? toVerifiedKey(record) : null;
          this.remember(hash, key);
          return key;
        },
        (error: unknown) => {
          const stale = this.usableStale(hash);
          if (stale) return stale.key;
          throw error;
        },
      )
      .finally(() => this.pending.delete(hash));
    this.pending.set(hash, lookup);
    return lookup;
  }

  private remember(hash: string, key: VerifiedKey | null): void {
    this.cache.delete(hash);
    this.cache.set(hash, { key, expiresAt: this.now() + this.cacheTtlMs });
    if (this.cache.size > this.maxCacheEntries) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
  }

  private touch(hash: string): void {
    const now = this.now();
    const last = this.touchedAt.get(hash);
    if (last !== undefined && now - last < this.lastUsedIntervalMs) return;
    this.touchedAt.set(hash, now);
    if (this.touchedAt.size > this.maxCacheEntries) {
      this.touchedAt.delete(this.touchedAt.keys().next().value as string);
    }
    this.store.touch(hash, new Date(now)).catch((error: Error) => {
      this.touchedAt.delete(hash);
      this.logger.warn(`could not store lastUsedAt of an API key: ${error.message}`);
    });
  }
}

function toVerifiedKey(record: ApiKeyRecord): VerifiedKey {
  return {
    id: record._id,
    name: record.name,
    scopes: record.scopes,
    ...(record.rateLimit !== undefined && record.rateLimit !== null
      ? { rateLimit: record.rateLimit }
      : {}),
  };
}
