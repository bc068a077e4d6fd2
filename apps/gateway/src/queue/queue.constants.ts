/** Broker statistics younger than this are served from cache (scrapes, dashboard, relay share one read). */
export const STATS_CACHE_MS = 500;

/** Timeout of one RabbitMQ management API request. */
export const MANAGEMENT_TIMEOUT_MS = 1500;

/** Fields of `GET /v1/queue` that only the management API provides. */
export const MANAGEMENT_FIELDS = ['unacked', 'publishRate', 'deliverRate'] as const;

/** How long a statistics read waits for the inspector channel of a fresh connection. */
export const CHANNEL_READY_TIMEOUT_MS = 1000;
