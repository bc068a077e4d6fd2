/**
 * Versioned message-broker names shared by every Sibyl service.
 *
 * The enum is the schema registry's single source of truth: a breaking change to
 * a message adds a new member (`...V2`) rather than editing an existing one, so
 * old and new services can run side by side during a rollout.
 */
export enum MessagingV1 {
  /** Direct exchange the gateway publishes prediction requests to. */
  RequestsExchange = 'sibyl.v1.predictions',
  /** Routing key and message `type` of {@link PredictionRequestedV1}. */
  PredictionRequested = 'prediction.requested.v1',
  /** Durable quorum queue the predictors consume (competing consumers). */
  RequestsQueue = 'sibyl.v1.predictions.requested',
  /** Fanout exchange receiving dead letters (delivery limit, malformed payloads). */
  DeadLetterExchange = 'sibyl.v1.predictions.dlx',
  /** Durable queue holding dead letters for inspection. */
  DeadLetterQueue = 'sibyl.v1.predictions.dead',
  /** Fanout exchange announcing that a model became live (every predictor binds a queue). */
  ModelEventsExchange = 'sibyl.v1.models',
  /** Message `type` of {@link ModelPromotedV1}. */
  ModelPromoted = 'model.promoted.v1',
  /** Fanout exchange the predictors announce stored results on (every gateway binds its own queue). */
  CompletedExchange = 'sibyl.v1.predictions.completed',
  /** Message `type` of {@link PredictionCompletedV1}. */
  PredictionCompleted = 'prediction.completed.v1',
  /**
   * Length-limited queue bound to the requests exchange with the same routing key as the requests
   * queue while a shadow evaluation runs: a copy of every request, for the candidate model.
   */
  ShadowQueue = 'sibyl.v1.predictions.shadow',
}

/** Header carrying the reason a message was dead-lettered by a predictor. */
export const DEAD_LETTER_REASON_HEADER = 'x-sibyl-dead-letter-reason';

/** Concrete broker names for one deployment (or one isolated test run). */
export interface MessagingNames {
  requestsExchange: string;
  requestsQueue: string;
  routingKey: string;
  deadLetterExchange: string;
  deadLetterQueue: string;
  modelEventsExchange: string;
  completedExchange: string;
  shadowQueue: string;
}

/**
 * Resolves the broker names, optionally under a namespace so that tests sharing
 * one RabbitMQ never touch each other's queues: `messagingNames('t1')` gives
 * `t1.sibyl.v1.predictions.requested` and so on. Without a namespace the names
 * are exactly the enum values.
 */
export function messagingNames(namespace?: string): MessagingNames {
  const prefix = namespace ? `${namespace}.` : '';
  return {
    requestsExchange: prefix + MessagingV1.RequestsExchange,
    requestsQueue: prefix + MessagingV1.RequestsQueue,
    routingKey: MessagingV1.PredictionRequested,
    deadLetterExchange: prefix + MessagingV1.DeadLetterExchange,
    deadLetterQueue: prefix + MessagingV1.DeadLetterQueue,
    modelEventsExchange: prefix + MessagingV1.ModelEventsExchange,
    completedExchange: prefix + MessagingV1.CompletedExchange,
    shadowQueue: prefix + MessagingV1.ShadowQueue,
  };
}
