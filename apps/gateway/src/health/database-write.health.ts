import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { isDatabaseBusy } from '@sibyl/persistence';
import type { Connection } from 'mongoose';
import { hostname } from 'node:os';
import {
  DATABASE_PING_TIMEOUT_MS,
  HEALTH_PROBE_COLLECTION,
  WRITE_PROBE_CACHE_MS,
} from './health.constants';

/**
 * Terminus indicator: `up` while the database accepts a write — one upsert of this gateway's own
 * document in `health_probes`, answered within {@link DATABASE_PING_TIMEOUT_MS} (a ping is not
 * enough: a database can answer pings and refuse or hang writes). A write refused only because
 * FerretDB's SQLite is momentarily busy counts as accepted. The outcome is cached for
 * {@link WRITE_PROBE_CACHE_MS} so that frequent probes cost at most one write per interval.
 */
@Injectable()
export class DatabaseWriteHealthIndicator {
  private readonly probeId = `gateway-${hostname()}-${process.pid}`;
  private last?: { at: number; error?: string };
  private probing?: Promise<string | undefined>;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Checks that a write is accepted now; `key` names the entry (default `database`). */
  async acceptsWrites<const Key extends string = 'database'>(
    key: Key = 'database' as Key,
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    const error = await this.probe();
    return error
      ? indicator.down({ message: `database does not accept writes: ${error}` })
      : indicator.up();
  }

  private async probe(): Promise<string | undefined> {
    if (this.last && Date.now() - this.last.at < WRITE_PROBE_CACHE_MS) return this.last.error;
    this.probing ??= this.write()
      .then((error) => {
        this.last = { at: Date.now(), error };
        return error;
      })
      .finally(() => (this.probing = undefined));
    return this.probing;
  }

  /** One upsert with a deadline; resolves the error message, or undefined when accepted. */
  private async write(): Promise<string | undefined> {
    const db = this.connection.db;
    if (!db || this.connection.readyState !== 1) return 'not connected';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<string>((resolve) => {
      timer = setTimeout(
        () => resolve(`no answer within ${DATABASE_PING_TIMEOUT_MS} ms`),
        DATABASE_PING_TIMEOUT_MS,
      );
    });
    const upsert = db
      .collection<{ _id: string; at: Date }>(HEALTH_PROBE_COLLECTION)
      .updateOne({ _id: this.probeId }, { $set: { at: new Date() } }, { upsert: true })
      .then(
        () => undefined,
        (error: Error) => (isDatabaseBusy(error) ? undefined : error.message),
      );
    try {
      return await Promise.race([upsert, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
