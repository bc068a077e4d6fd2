import { Inject, Injectable } from '@nestjs/common';
import {
  METRICS_OPTIONS,
  METRICS_REGISTRY,
  ResolvedMetricsOptions,
  stateGauges,
} from '@sibyl/observability';
import { Counter, Registry } from 'prom-client';

/** Live values read by the gauges at each scrape. */
export interface CompletionsState {
  waiters(): number;
  streams(): number;
  subscribed(): boolean;
}

/**
 * Metrics of pushed completions: long-poll waiters and what woke them (`event` = an announcement,
 * `safety_check` = the slow re-check), the database lookups the watcher made (by trigger: with
 * announcements flowing, `safety_check` stays near 0), announcements received, the subscription,
 * and the event streams.
 */
@Injectable()
export class CompletionsMetrics {
  readonly wakes: Counter<'by'>;
  readonly lookups: Counter<'trigger'>;
  readonly announcements: Counter<'outcome'>;
  readonly resubscriptions: Counter;
  readonly streamEvents: Counter;
  readonly streamsRefused: Counter;
  private state: CompletionsState = { waiters: () => 0, streams: () => 0, subscribed: () => false };

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) { prefix }: ResolvedMetricsOptions,
  ) {
    const registers = [registry];
    const gauge = stateGauges(registry, prefix, (): CompletionsState => this.state);
    gauge('long_poll_waiters', 'Long polls (?wait=) currently waiting for a result', (state) =>
      state.waiters(),
    );
    gauge('event_streams_open', 'Open GET /v1/predictions/events streams', (state) =>
      state.streams(),
    );
    gauge(
      'completion_subscription_up',
      '1 while this gateway receives prediction.completed announcements',
      (state) => (state.subscribed() ? 1 : 0),
    );
    this.wakes = new Counter({
      name: `${prefix}long_poll_wakes_total`,
      help: 'Long polls answered with their result, by what woke them (event, safety_check)',
      labelNames: ['by'],
      registers,
    });
    this.lookups = new Counter({
      name: `${prefix}long_poll_lookups_total`,
      help: 'Awaited ids the completion watcher read from the database, by trigger (event, safety_check)',
      labelNames: ['trigger'],
      registers,
    });
    this.announcements = new Counter({
      name: `${prefix}completion_announcements_received_total`,
      help: 'prediction.completed messages received, by outcome (ok, invalid)',
      labelNames: ['outcome'],
      registers,
    });
    this.resubscriptions = new Counter({
      name: `${prefix}completion_resubscriptions_total`,
      help: 'Times the completion subscription was set up again (reconnects, re-opened channels)',
      registers,
    });
    this.streamEvents = new Counter({
      name: `${prefix}event_stream_completions_total`,
      help: 'Completions written to event streams',
      registers,
    });
    this.streamsRefused = new Counter({
      name: `${prefix}event_streams_refused_total`,
      help: 'Event streams refused because the key already had MAX_EVENT_STREAMS_PER_KEY open',
      registers,
    });
  }

  /** Where the gauges read their values. */
  observe(state: CompletionsState): void {
    this.state = state;
  }
}
