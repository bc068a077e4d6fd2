import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import type { DashboardConfig } from '../config/dashboard.config';
import type { FetchFunction } from '../sampler/endpoint.scraper';
import { AUTH_FETCH, KEY_CACHE_TTL_MS, KEY_CHECK_TIMEOUT_MS } from './auth.constants';

/** What the gateway says about a key (`GET /v1/keys/me`). */
export interface KeyIdentity {
  name: string;
  scopes: string[];
}

/** Outcome of a key check: the identity, a refusal (invalid, revoked) or the gateway being unreachable. */
export type KeyCheck =
  | { ok: true; identity: KeyIdentity }
  | { ok: false; reason: 'refused' | 'unavailable'; detail: string };

/**
 * Asks the gateway who an API key belongs to. Only the gateway knows the keys (hashed in MongoDB); the dashboard
 * never stores one. Successful answers are cached for {@link KEY_CACHE_TTL_MS} under the key's SHA-256, so a
 * Prometheus scrape every few seconds costs one gateway call a minute.
 */
@Injectable()
export class KeyVerifier {
  private readonly url: string;
  private readonly cache = new Map<string, { identity: KeyIdentity; until: number }>();

  constructor(
    config: ConfigService<DashboardConfig, true>,
    @Inject(AUTH_FETCH) private readonly fetchFn: FetchFunction,
  ) {
    this.url = `${config.get('GATEWAY_URL', { infer: true }).replace(/\/+$/, '')}/v1/keys/me`;
  }

  /** Verifies `key`; `fresh` skips the cache (a login always asks the gateway). */
  async verify(key: string, fresh = false): Promise<KeyCheck> {
    const digest = createHash('sha256').update(key).digest('hex');
    const cached = this.cache.get(digest);
    if (!fresh && cached && cached.until > Date.now())
      return { ok: true, identity: cached.identity };
    this.cache.delete(digest);
    let response: Response;
    try {
      response = await this.fetchFn(this.url, {
        signal: AbortSignal.timeout(KEY_CHECK_TIMEOUT_MS),
        headers: { accept: 'application/json', authorization: `Bearer ${key}` },
      });
    } catch (error) {
      return { ok: false, reason: 'unavailable', detail: (error as Error).message };
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return { ok: false, reason: 'refused', detail: `HTTP ${response.status}` };
    }
    const body = (await response.json().catch(() => undefined)) as Partial<KeyIdentity> | undefined;
    if (!response.ok || typeof body?.name !== 'string' || !Array.isArray(body.scopes))
      return {
        ok: false,
        reason: 'unavailable',
        detail: `HTTP ${response.status} from ${this.url}`,
      };
    const identity = { name: body.name, scopes: body.scopes };
    this.cache.set(digest, { identity, until: Date.now() + KEY_CACHE_TTL_MS });
    return { ok: true, identity };
  }
}
