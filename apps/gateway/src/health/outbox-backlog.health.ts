import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { OutboxDispatcher } from '../outbox/outbox.dispatcher';

/** Terminus indicator: `up` while the outbox backlog is under OUTBOX_BACKLOG_MAX_BYTES. */
@Injectable()
export class OutboxBacklogHealthIndicator {
  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Checks the backlog bound; reports the backlog either way. */
  isUnderBound<const Key extends string = 'outbox'>(
    key: Key = 'outbox' as Key,
  ): HealthIndicatorResult<Key> {
    const indicator = this.health.check(key);
    const details = {
      backlogBytes: this.dispatcher.backlogBytes,
      maxBytes: this.dispatcher.backlogMaxBytes,
    };
    return this.dispatcher.accepting
      ? indicator.up(details)
      : indicator.down({
          message: 'publishing backlog full: submissions are refused until the broker confirms',
          ...details,
        });
  }
}
