/** Injection token of the `fetch` the sampler uses (the global one; unit tests inject a fake). */
export const SAMPLER_FETCH = Symbol('SAMPLER_FETCH');

/** Metric names the dashboard reads, as exported by the gateway and predictors (build spec, "Metrics"). */
export const SCRAPED_METRICS = {
  requestsAccepted: 'sibyl_requests_accepted_total',
  outboxBacklog: 'sibyl_outbox_backlog',
  queueReady: 'sibyl_queue_messages_ready',
  queueUnacked: 'sibyl_queue_messages_unacked',
  queueConsumers: 'sibyl_queue_consumers',
  deadLetteredMessages: 'sibyl_dead_lettered_messages',
  predictionsCompleted: 'sibyl_predictions_completed_total',
  latencyBucket: 'sibyl_prediction_latency_seconds_bucket',
  deadLetteredTotal: 'sibyl_dead_lettered_total',
  modelInfo: 'sibyl_model_info',
  topologyMismatch: 'sibyl_topology_mismatch',
  consumerStalled: 'sibyl_consumer_stalled',
  consumerPaused: 'sibyl_consumer_paused',
  oldestUnfinished: 'sibyl_oldest_unfinished_request_age_seconds',
  outboxBacklogBytes: 'sibyl_outbox_backlog_bytes',
} as const;

/**
 * Bounds of the wait for one scraped endpoint (twice the sampling interval, clamped): long enough for a busy
 * service, short enough that a hung one cannot stall sampling.
 */
export const MIN_SCRAPE_TIMEOUT_MS = 2000;
export const MAX_SCRAPE_TIMEOUT_MS = 5000;
