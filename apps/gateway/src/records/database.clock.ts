import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** How often the offset to the database's clock is measured again. */
export const CLOCK_SYNC_INTERVAL_MS = 60_000;

/** An offset this large is logged as a warning (the gateway's clock is off). */
const SKEW_WARNING_MS = 5_000;

/**
 * Offsets below this are measurement noise (a busy server answers late, the round trip is not
 * symmetric) and are not applied: the local clock is trusted, so a request's `submittedAt` never
 * lands after the `completedAt` a predictor stamps with its own clock a few milliseconds later.
 * Skews that matter to the sweep cursor are seconds and more; its cutoff lags by at least
 * OUTBOX_REPUBLISH_AFTER_MS (≥ 1 s).
 */
export const CLOCK_OFFSET_MIN_MS = 1_000;

/** Reads the database server's clock (`hello.localTime`, MongoDB and FerretDB alike). */
export type ServerTimeSource = () => Promise<Date | undefined>;

/**
 * The database's clock, as seen from this gateway: the local clock plus a measured offset.
 *
 * Every gateway stamps `submittedAt` with it and the outbox sweep computes its cutoff with it, so
 * the sweep cursor compares timestamps of one clock even when the gateways' own clocks disagree
 * (a gateway minutes behind could otherwise store requests behind a cursor another gateway had
 * already moved past, and a lost publish of theirs would never be repaired). The offset is
 * measured at start and every {@link CLOCK_SYNC_INTERVAL_MS} (round trip halved) and applied from
 * {@link CLOCK_OFFSET_MIN_MS}; until the first measurement, and if the database does not report
 * its time, the offset is 0.
 */
@Injectable()
export class DatabaseClock implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseClock.name);
  private offset = 0;
  private timer?: NodeJS.Timeout;
  private readonly serverTime: ServerTimeSource;

  constructor(@InjectConnection() connection: Connection) {
    this.serverTime = async () => {
      const reply = (await connection.db?.admin().command({ hello: 1 })) as
        { localTime?: Date } | undefined;
      return reply?.localTime instanceof Date ? reply.localTime : undefined;
    };
  }

  /** Database time minus local time, in milliseconds. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Now, on the database's clock. */
  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  /** Measures the offset now and then periodically. */
  onModuleInit(): void {
    void this.sync();
    this.timer = setInterval(() => void this.sync(), CLOCK_SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops the periodic measurement. */
  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Measures the offset once; keeps the previous one when the database does not answer. */
  async sync(source: ServerTimeSource = this.serverTime): Promise<void> {
    try {
      const sent = Date.now();
      const server = await source();
      const received = Date.now();
      if (!server) return;
      const offset = server.getTime() - (sent + received) / 2;
      if (Math.abs(offset) >= SKEW_WARNING_MS && Math.abs(this.offset) < SKEW_WARNING_MS) {
        this.logger.warn(
          `this gateway's clock is ${Math.round(offset / 1000)} s off the database's; requests are stamped with the database's clock`,
        );
      }
      this.offset = Math.abs(offset) < CLOCK_OFFSET_MIN_MS ? 0 : Math.round(offset);
    } catch (error) {
      this.logger.debug(`cannot read the database clock: ${(error as Error).message}`);
    }
  }
}
