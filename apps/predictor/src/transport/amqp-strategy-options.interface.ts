import type { MessagingNames } from '@sibyl/contracts';

/** Options of {@link AmqpStrategy}. */
export interface AmqpStrategyOptions {
  /** Broker names; the strategy consumes `requestsQueue` and dead-letters to `deadLetterExchange`. */
  names: MessagingNames;
  /** Unacknowledged deliveries the broker may hand this consumer at once (basic.qos, per consumer). */
  prefetch: number;
  /** `x-delivery-limit` used when (re)declaring the topology; must match every other app. */
  deliveryLimit: number;
  /** Pause before nacking (with requeue) a message that failed for a transient reason. Default 1000 ms. */
  requeueDelayMs?: number;
  /** Pattern of deliveries without a `type` property. Default: none (they are dead-lettered). */
  defaultPattern?: string;
  /**
   * Declares the topology before consuming (on every channel set-up and after a cancel); default:
   * `assertPredictionTopology` on the consumer channel. The app passes the `TopologyMonitor`, which
   * declares on a throwaway channel and reports drift instead of failing.
   */
  declareTopology?: () => Promise<unknown>;
  /** Delay before a consumer channel closed by the broker (while connected) is re-created. Default 1000 ms. */
  channelRecoveryDelayMs?: number;
}
