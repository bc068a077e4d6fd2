import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { withDeadline } from '@sibyl/persistence';
import type { Connection } from 'mongoose';
import { DATABASE_PING_TIMEOUT_MS } from './health.constants';

/**
 * Terminus indicator: `up` while the database answers a `ping` command within
 * {@link DATABASE_PING_TIMEOUT_MS}. Terminus' own `MongooseHealthIndicator.pingCheck` only reads the
 * driver's connection state, which stays "connected" for the driver's heartbeat period (10 s and
 * more) after the server stopped answering — a frozen database would be reported up meanwhile.
 * Concurrent probes share one ping.
 */
@Injectable()
export class DatabasePingHealthIndicator {
  private probing?: Promise<string | undefined>;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Checks that the database answers a ping now; `key` names the entry (default `database`). */
  async isAnswering<const Key extends string = 'database'>(
    key: Key = 'database' as Key,
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    this.probing ??= this.ping().finally(() => (this.probing = undefined));
    const error = await this.probing;
    return error
      ? indicator.down({ message: `database does not answer: ${error}` })
      : indicator.up();
  }

  /** One bounded ping; resolves the error message, or undefined when answered. */
  private async ping(): Promise<string | undefined> {
    const db = this.connection.db;
    if (!db || this.connection.readyState !== 1) return 'not connected';
    try {
      await withDeadline(db.admin().command({ ping: 1 }), DATABASE_PING_TIMEOUT_MS, 'ping');
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }
}
