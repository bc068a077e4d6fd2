/** Injection token of the shared `AmqpConnectionManager` (amqp-connection-manager). */
export const AMQP_CONNECTION = Symbol('AMQP_CONNECTION');

/** Injection token of the resolved broker names (`MessagingNames` for the configured namespace). */
export const AMQP_NAMES = Symbol('AMQP_NAMES');

/** Injection token of the {@link AmqpModuleOptions} the module was configured with. */
export const AMQP_OPTIONS = Symbol('AMQP_OPTIONS');

/** Default `x-delivery-limit` of the requests queue (must match in every app). */
export const DEFAULT_DELIVERY_LIMIT = 5;

/** Default AMQP heartbeat, in seconds. */
export const DEFAULT_HEARTBEAT_SECONDS = 5;

/** Default time a publish may wait for its broker confirm before it is rejected. */
export const DEFAULT_PUBLISH_TIMEOUT_MS = 5000;

/** Default cap on publishes buffered or awaiting a confirm (beyond it, publishes fail fast). */
export const DEFAULT_MAX_IN_FLIGHT = 20000;

/** Default period of the topology drift check (the topology is also declared on every reconnect). */
export const DEFAULT_TOPOLOGY_CHECK_INTERVAL_MS = 3_000;

/** Completion announcements buffered by their channel beyond which new ones are dropped. */
export const DEFAULT_COMPLETION_MAX_BUFFERED = 1000;

/**
 * Length cap of a gateway's completion queue (oldest dropped beyond it): a stalled gateway must
 * not pile up announcements in the broker; what it misses its safety re-check finds.
 */
export const COMPLETION_QUEUE_MAX_LENGTH = 10_000;
