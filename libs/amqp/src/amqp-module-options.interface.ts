/** What `AmqpModule.forRoot` / `forRootAsync` configure. */
export interface AmqpModuleOptions {
  /** Broker URL, e.g. `amqp://guest:guest@127.0.0.1:5672`. */
  url: string;
  /**
   * Prefix for every exchange and queue name (see `messagingNames()` in `@sibyl/contracts`).
   * Empty or absent = the production names; tests pass a unique one.
   */
  namespace?: string;
  /** Shown in the RabbitMQ management UI (`connection_name` client property). */
  connectionName?: string;
  /** AMQP heartbeat interval; default 5 s. */
  heartbeatIntervalInSeconds?: number;
  /**
   * `x-delivery-limit` of the requests quorum queue; default 5. Every app declaring the
   * topology must use the same value, or RabbitMQ refuses the declaration (PRECONDITION_FAILED).
   */
  deliveryLimit?: number;
  /** Default time {@link PredictionPublisher} waits for a broker confirm; default 5000 ms. */
  publishTimeoutMs?: number;
  /**
   * Cap on messages buffered by the publisher channel or awaiting a confirm. Beyond it,
   * publishes are rejected at once (the caller's outbox retries later); default 20000.
   */
  maxInFlight?: number;
  /**
   * Period of the {@link TopologyMonitor}'s drift check while connected; default 30000 ms, 0 = only
   * on (re)connect.
   */
  topologyCheckIntervalMs?: number;
}
