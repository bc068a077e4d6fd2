import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  MessageEvent,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { AMQP_CONNECTION, AMQP_NAMES, CompletionSubscription } from '@sibyl/amqp';
import { MessagingNames, parsePredictionCompletedV1 } from '@sibyl/contracts';
import type { PredictionResultRecord } from '@sibyl/persistence';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { Observable } from 'rxjs';
import { PredictionStore } from '../records/prediction.store';
import { CompletionStreams } from './completion-streams';
import { CompletionWatcher } from './completion.watcher';
import {
  COMPLETIONS_OPTIONS,
  CompletionsOptions,
  INVALID_ANNOUNCEMENT_LOG_INTERVAL_MS,
} from './completions.constants';
import { CompletionsMetrics } from './completions.metrics';

/**
 * Completions pushed to this gateway: subscribes to the `prediction.completed` announcements
 * (its own exclusive queue on the completed fanout exchange, set up again after every reconnect)
 * and hands them to the long-poll {@link CompletionWatcher} and the {@link CompletionStreams}.
 * Each time the subscription is set up again, every awaited id is looked up and every stream told
 * to resync: announcements of the gap were lost.
 */
@Injectable()
export class CompletionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CompletionsService.name);
  private readonly watcher: CompletionWatcher;
  private readonly streams: CompletionStreams;
  private subscription?: CompletionSubscription;
  private subscriptions = 0;
  private lastInvalidLogAt = 0;

  constructor(
    @Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager,
    @Inject(AMQP_NAMES) private readonly names: MessagingNames,
    @Inject(COMPLETIONS_OPTIONS) options: CompletionsOptions,
    store: PredictionStore,
    private readonly metrics: CompletionsMetrics,
  ) {
    this.watcher = new CompletionWatcher((ids) => store.findResults(ids), options, {
      lookedUp: (trigger, count) => metrics.lookups.inc({ trigger }, count),
      woke: (by, count) => metrics.wakes.inc({ by }, count),
    });
    this.streams = new CompletionStreams(options, () => this.subscribed, {
      sent: (count) => metrics.streamEvents.inc(count),
    });
    metrics.observe({
      waiters: () => this.watcher.size,
      streams: () => this.streams.size,
      subscribed: () => this.subscribed,
    });
  }

  /** True while announcements reach this gateway. */
  get subscribed(): boolean {
    return this.subscription?.active ?? false;
  }

  /** Subscribes to the announcements. */
  onApplicationBootstrap(): void {
    this.subscription = new CompletionSubscription(this.connection, this.names, {
      message: (body) => this.receive(body),
      subscribed: () => this.onSubscribed(),
    });
  }

  /** Resolves with the request's result once it is stored, or null after `timeoutMs`. */
  wait(id: string, timeoutMs: number): Promise<PredictionResultRecord | null> {
    return this.watcher.wait(id, timeoutMs);
  }

  /** A stream of `owner`'s completions; undefined when over the key's limit of open streams. */
  stream(owner: string | undefined): Observable<MessageEvent> | undefined {
    const stream = this.streams.stream(owner);
    if (!stream) this.metrics.streamsRefused.inc();
    return stream;
  }

  /** Answers the waiters (null), ends the streams and unsubscribes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.watcher.close();
    this.streams.close();
    await this.subscription?.close();
  }

  private onSubscribed(): void {
    if (this.subscriptions++ === 0) return;
    this.metrics.resubscriptions.inc();
    this.logger.log('completion announcements flow again; re-checking the awaited results');
    this.watcher.recheckAll();
    this.streams.resync('the gateway lost its broker connection; look up the ids you await');
  }

  private receive(body: Buffer): void {
    const parsed = parsePredictionCompletedV1(body);
    if (!parsed.ok) {
      this.metrics.announcements.inc({ outcome: 'invalid' });
      const now = Date.now();
      if (now - this.lastInvalidLogAt >= INVALID_ANNOUNCEMENT_LOG_INTERVAL_MS) {
        this.lastInvalidLogAt = now;
        this.logger.warn(`ignored an invalid prediction.completed announcement: ${parsed.reason}`);
      }
      return;
    }
    this.metrics.announcements.inc({ outcome: 'ok' });
    this.watcher.completed(parsed.value.items.map((item) => item.trackingId));
    this.streams.publish(parsed.value);
  }
}
