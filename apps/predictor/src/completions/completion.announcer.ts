import { Inject, Injectable, Logger } from '@nestjs/common';
import { CompletionPublisher } from '@sibyl/amqp';
import { CompletedPrediction, PredictionRequestedV1, PredictionStatus } from '@sibyl/contracts';
import { METRICS_OPTIONS, METRICS_REGISTRY, ResolvedMetricsOptions } from '@sibyl/observability';
import { Counter, Registry } from 'prom-client';
import type { ResultEntry } from '../results/result.writer';
import { ANNOUNCE_FAILURE_LOG_INTERVAL_MS } from './completions.constants';

/**
 * Tells every gateway which requests just received their result (`prediction.completed.v1`, one
 * message per stored batch), so long polls and event streams wake without polling the database.
 * Fire-and-forget: called after the batch is stored and never delays its acks. A failed
 * announcement is counted (`sibyl_completion_announcements_failed_total`) and logged (at most once
 * per {@link ANNOUNCE_FAILURE_LOG_INTERVAL_MS}, with the number of failures since the last line).
 */
@Injectable()
export class CompletionAnnouncer {
  private readonly logger = new Logger(CompletionAnnouncer.name);
  private readonly published: Counter;
  private readonly failed: Counter;
  private unlogged = 0;
  private lastLoggedAt = 0;

  constructor(
    private readonly publisher: CompletionPublisher,
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) { prefix }: ResolvedMetricsOptions,
  ) {
    this.published = new Counter({
      name: `${prefix}completion_announcements_total`,
      help: 'prediction.completed messages handed to the broker (one per stored batch)',
      registers: [registry],
    });
    this.failed = new Counter({
      name: `${prefix}completion_announcements_failed_total`,
      help: 'prediction.completed messages that could not be published (waiters fall back to their safety re-check)',
      registers: [registry],
    });
  }

  /**
   * Announces the entries written by this batch (`written`); `messages[i]` is the request of
   * `entries[i]` (its `owner` goes along). Never throws, never waits.
   */
  announce(
    messages: readonly PredictionRequestedV1[],
    entries: readonly ResultEntry[],
    written: ReadonlySet<string>,
    completedAt: Date,
  ): void {
    const items: CompletedPrediction[] = [];
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (!written.has(entry.trackingId) || seen.has(entry.trackingId)) return;
      seen.add(entry.trackingId);
      items.push(completedItem(entry, messages[index]?.owner));
    });
    if (items.length === 0) return;
    this.publisher.publishCompleted(completedAt, items).then(
      () => this.published.inc(),
      (error: Error) => this.onFailure(error, items.length),
    );
  }

  private onFailure(error: Error, count: number): void {
    this.failed.inc();
    this.unlogged++;
    const now = Date.now();
    if (now - this.lastLoggedAt < ANNOUNCE_FAILURE_LOG_INTERVAL_MS) return;
    this.logger.warn(
      `announcing ${count} completions failed (${this.unlogged} failed announcements since the last report; long polls fall back to their safety re-check): ${error.message}`,
    );
    this.unlogged = 0;
    this.lastLoggedAt = now;
  }
}

/** The announcement of one stored result. */
function completedItem(entry: ResultEntry, owner: string | undefined): CompletedPrediction {
  const item: CompletedPrediction =
    entry.status === PredictionStatus.Done
      ? {
          trackingId: entry.trackingId,
          status: entry.status,
          language: entry.result.language,
          confidence: entry.result.confidence,
          modelVersion: entry.result.modelVersion,
        }
      : {
          trackingId: entry.trackingId,
          status: entry.status,
          language: null,
          confidence: null,
          modelVersion: entry.modelVersion,
        };
  if (owner !== undefined) item.owner = owner;
  return item;
}
