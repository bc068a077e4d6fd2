import { Inject, Injectable } from '@nestjs/common';
import {
  METRICS_OPTIONS,
  METRICS_REGISTRY,
  type ResolvedMetricsOptions,
} from '@sibyl/observability';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Live values read by the consumer-state gauges at each scrape. */
export interface ConsumerStateSource {
  /** 1 when the consumer is stalled (holds deliveries, settles none for STALL_TIMEOUT_MS). */
  stalled(): number;
  /** Seconds the consumer has held deliveries without settling any. */
  heldSeconds(): number;
  /** Deliveries held (being batched, predicted, written or settled). */
  inFlight(): number;
  /** 1 while consumption is paused because results cannot be stored. */
  paused(): number;
  /** 1 while the broker refuses part of the declared topology (drift). */
  topologyMismatch(): number;
}

/** Live values of the micro-batching pipeline, read at each scrape. */
export interface BatchingStateSource {
  /** Batch writes in flight. */
  writesInFlight(): number;
  /** Items taken from the broker and waiting for their batch to close. */
  backlog(): number;
  /** The batch size at which the open batch closes now (the adaptive controller's target). */
  targetSize(): number;
  /** The longest wait of the open batch's first item now, in seconds. */
  targetWaitSeconds(): number;
}

const NO_BATCHING: BatchingStateSource = {
  writesInFlight: () => 0,
  backlog: () => 0,
  targetSize: () => 0,
  targetWaitSeconds: () => 0,
};

const IDLE: ConsumerStateSource = {
  stalled: () => 0,
  heldSeconds: () => 0,
  inFlight: () => 0,
  paused: () => 0,
  topologyMismatch: () => 0,
};

/**
 * The predictor's Prometheus metrics (names prefixed `sibyl_` by default).
 *
 * `results_written_total` counts the results this process inserted into `prediction_results` (one
 * unordered `insertMany` per micro-batch, keyed by tracking id; the request document is never
 * updated) and `results_skipped_total` those it did not insert because the request already had a
 * result (a redelivery or republish: the insert failed with duplicate key 11000). Summed over all
 * predictors, `written` equals the number of requests exactly when every request got exactly one
 * result.
 */
@Injectable()
export class PredictorMetrics {
  readonly completed: Counter<'language' | 'status'>;
  readonly latency: Histogram;
  readonly batchSize: Histogram;
  readonly batchWait: Histogram;
  readonly predictDuration: Histogram;
  readonly writeDuration: Histogram;
  readonly deadLettered: Counter<'reason'>;
  readonly modelInfo: Gauge<'version' | 'name'>;
  readonly modelSwaps: Counter<'trigger'>;
  readonly modelLoadFailures: Counter<'reason'>;
  readonly modelLoadDuration: Histogram;
  readonly resultsWritten: Counter;
  readonly resultsSkipped: Counter;
  readonly databaseTimeouts: Counter;
  readonly received: Counter<'redelivered'>;
  readonly requeued: Counter;
  readonly consumerCancelled: Counter;
  private state: ConsumerStateSource = IDLE;
  private batching: BatchingStateSource = NO_BATCHING;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) { prefix }: ResolvedMetricsOptions,
  ) {
    const registers = [registry];
    this.completed = new Counter({
      name: `${prefix}predictions_completed_total`,
      help: 'Prediction results written, by language and status (done, failed)',
      labelNames: ['language', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: `${prefix}prediction_latency_seconds`,
      help: 'Time from submission (gateway) to stored result',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.batchSize = new Histogram({
      name: `${prefix}batch_size`,
      help: 'Messages per micro-batch',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
      registers,
    });
    this.batchWait = new Histogram({
      name: `${prefix}batch_wait_seconds`,
      help: 'How long the first message of a micro-batch waited for its batch to close',
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.predictDuration = new Histogram({
      name: `${prefix}predict_duration_seconds`,
      help: 'Time the model took to classify one micro-batch',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.writeDuration = new Histogram({
      name: `${prefix}result_write_duration_seconds`,
      help: 'Time to store the results of one micro-batch (one bulk write)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.deadLettered = new Counter({
      name: `${prefix}dead_lettered_total`,
      help: 'Messages this predictor dead-lettered, by reason (malformed, oversized, unknown_type, prediction_failed)',
      labelNames: ['reason'],
      registers,
    });
    this.modelInfo = new Gauge({
      name: `${prefix}model_info`,
      help: 'The served language model (value 1; the registry version results record as modelVersion)',
      labelNames: ['version', 'name'],
      registers,
    });
    this.modelSwaps = new Counter({
      name: `${prefix}model_swaps_total`,
      help: 'Hot swaps to another model version, by trigger (event = model.promoted, recheck = periodic)',
      labelNames: ['trigger'],
      registers,
    });
    this.modelLoadFailures = new Counter({
      name: `${prefix}model_load_failures_total`,
      help: 'Failed loads of a new live model (the old one keeps serving), by reason (fetch, checksum, decode)',
      labelNames: ['reason'],
      registers,
    });
    this.modelLoadDuration = new Histogram({
      name: `${prefix}model_load_duration_seconds`,
      help: 'Time to fetch, verify and decode a new live model beside the served one',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.resultsWritten = new Counter({
      name: `${prefix}results_written_total`,
      help: 'Results inserted into prediction_results (done or failed), one per request',
      registers,
    });
    this.resultsSkipped = new Counter({
      name: `${prefix}results_skipped_total`,
      help: 'Results not written because the request already had one (duplicate delivery)',
      registers,
    });
    this.databaseTimeouts = new Counter({
      name: `${prefix}database_timeouts_total`,
      help: 'Result writes given up after DATABASE_OPERATION_TIMEOUT_MS without an answer (the batch is held and retried)',
      registers,
    });
    this.received = new Counter({
      name: `${prefix}messages_received_total`,
      help: 'Messages delivered by the broker, by whether they were redeliveries',
      labelNames: ['redelivered'],
      registers,
    });
    this.requeued = new Counter({
      name: `${prefix}messages_requeued_total`,
      help: 'Messages handed back to the broker after a transient failure (e.g. database down)',
      registers,
    });
    this.consumerCancelled = new Counter({
      name: `${prefix}consumer_cancelled_total`,
      help: 'Times the broker cancelled the consumer (requests queue deleted); it subscribes again',
      registers,
    });
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name: `${prefix}${name}`,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    this.consumerGauges(gauge);
    gauge('batch_writes_in_flight', 'Micro-batch result writes in flight', () =>
      this.batching.writesInFlight(),
    );
    gauge('batch_backlog', 'Messages taken from the broker and waiting for their micro-batch', () =>
      this.batching.backlog(),
    );
    gauge(
      'batch_target_size',
      'Size at which the open micro-batch closes now (adaptive controller target; BATCH_MAX_SIZE when fixed)',
      () => this.batching.targetSize(),
    );
    gauge(
      'batch_target_wait_seconds',
      'Longest wait of the open micro-batch now (adaptive controller target; BATCH_MAX_WAIT_MS when fixed)',
      () => this.batching.targetWaitSeconds(),
    );
  }

  /** Where the consumer-state gauges read their values at each scrape. */
  trackConsumer(state: ConsumerStateSource): void {
    this.state = state;
  }

  /** Where the micro-batching gauges read their values at each scrape. */
  trackBatching(state: BatchingStateSource): void {
    this.batching = state;
  }

  private consumerGauges(gauge: (name: string, help: string, read: () => number) => Gauge): void {
    const current = (): ConsumerStateSource => this.state;
    gauge(
      'consumer_stalled',
      '1 while the consumer holds deliveries and has settled none for STALL_TIMEOUT_MS (/health/live fails)',
      () => current().stalled(),
    );
    gauge(
      'consumer_held_without_progress_seconds',
      'How long the consumer has held deliveries without settling any (0 when it holds none)',
      () => current().heldSeconds(),
    );
    gauge(
      'consumer_in_flight',
      'Deliveries held by this predictor (batching, predicting, writing or settling)',
      () => current().inFlight(),
    );
    gauge(
      'consumer_paused',
      '1 while consumption is paused because results cannot be stored (database unreachable)',
      () => current().paused(),
    );
    gauge(
      'topology_mismatch',
      '1 while the broker refuses part of the declared topology (e.g. the requests queue declared with other arguments)',
      () => current().topologyMismatch(),
    );
  }
}
