import { Inject, Injectable, Logger } from '@nestjs/common';
import { encodePredictionRequestedV1, MessagingNames, PredictionRequest } from '@sibyl/contracts';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, Options } from 'amqplib';
import {
  AMQP_CONNECTION,
  AMQP_NAMES,
  AMQP_OPTIONS,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_PUBLISH_TIMEOUT_MS,
} from './amqp.constants';
import type { AmqpModuleOptions } from './amqp-module-options.interface';
import { PublishRefusedError, PublishTimeoutError, withDeadline } from './publish-errors';
import { assertPredictionTopology } from './prediction-topology';

/** Per-call publish options. */
export interface ConfirmOptions {
  /** How long to wait for the broker confirm; default `AmqpModuleOptions.publishTimeoutMs`. */
  timeoutMs?: number;
}

/** Outcome of one message of {@link PredictionPublisher.publishMany}. */
export interface PublishOutcome {
  trackingId: string;
  confirmed: boolean;
  /** Why it was not confirmed (refused, nacked, timed out). */
  error?: string;
}

/** Extra time the deadline guard grants beyond the channel's own publish timeout. */
const DEADLINE_SLACK_MS = 250;

/**
 * Publishes with publisher confirms on its own ConfirmChannel (whose setup asserts the
 * prediction topology on every reconnect).
 *
 * Unlike a bare amqp-connection-manager channel, it never buffers without bound: while the
 * connection is down, or when `maxInFlight` messages already await a confirm, a publish is
 * refused at once ({@link PublishRefusedError}); a publish not confirmed within the timeout
 * is rejected ({@link PublishTimeoutError}). Callers with an outbox simply retry later.
 */
@Injectable()
export class PredictionPublisher {
  private readonly logger = new Logger(PredictionPublisher.name);
  private readonly channel: ChannelWrapper;
  private readonly timeoutMs: number;
  private readonly maxInFlight: number;
  private inFlight = 0;

  constructor(
    @Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager,
    @Inject(AMQP_NAMES) readonly names: MessagingNames,
    @Inject(AMQP_OPTIONS) private readonly options: AmqpModuleOptions,
  ) {
    this.timeoutMs = options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;
    this.maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    this.channel = connection.createChannel({
      name: 'prediction-publisher',
      confirm: true,
      json: false,
      publishTimeout: this.timeoutMs,
      setup: (channel: ConfirmChannel) =>
        assertPredictionTopology(channel, names, { deliveryLimit: options.deliveryLimit }),
    });
    this.channel.on('error', (error: Error) =>
      this.logger.warn(`publisher channel setup failed: ${error.message}`),
    );
  }

  /** True while the broker connection is up. */
  get connected(): boolean {
    return this.connection.isConnected();
  }

  /** Messages published but not yet confirmed, or buffered by the channel. */
  get pending(): number {
    return this.inFlight;
  }

  /** Resolves once the channel is connected and the topology asserted. */
  waitForConnect(): Promise<void> {
    return this.channel.waitForConnect();
  }

  /**
   * Publishes one `prediction.requested.v1` (persistent, `messageId` = trackingId) to the
   * requests exchange; resolves on the broker confirm.
   */
  publishRequested(request: PredictionRequest, options: ConfirmOptions = {}): Promise<void> {
    return this.publish(
      this.names.requestsExchange,
      this.names.routingKey,
      encodePredictionRequestedV1(request),
      this.requestedProperties(request),
      options,
    );
  }

  /**
   * Publishes many requests at once, all confirms awaited in parallel. Never rejects:
   * each message gets its own outcome, so a caller can record the confirmed ones.
   */
  publishMany(
    requests: readonly PredictionRequest[],
    options: ConfirmOptions = {},
  ): Promise<PublishOutcome[]> {
    return Promise.all(
      requests.map((request) =>
        this.publishRequested(request, options).then(
          (): PublishOutcome => ({ trackingId: request.trackingId, confirmed: true }),
          (error: Error): PublishOutcome => ({
            trackingId: request.trackingId,
            confirmed: false,
            error: error.message,
          }),
        ),
      ),
    );
  }

  /**
   * Publishes any message with a confirm (e.g. a dead-letter copy). Rejects at once when
   * the broker is unreachable or too many messages are in flight; on nack or timeout later.
   */
  async publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    properties: Options.Publish,
    options: ConfirmOptions = {},
  ): Promise<void> {
    if (!this.connection.isConnected()) {
      throw new PublishRefusedError('broker not connected');
    }
    if (this.inFlight >= this.maxInFlight || this.channel.queueLength() >= this.maxInFlight) {
      throw new PublishRefusedError(`too many publishes awaiting a confirm (${this.inFlight})`);
    }
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    this.inFlight++;
    try {
      await withDeadline(
        this.channel.publish(exchange, routingKey, content, { ...properties, timeout: timeoutMs }),
        timeoutMs + DEADLINE_SLACK_MS,
        `publish to ${exchange}`,
      );
    } catch (error) {
      if (error instanceof Error && error.message === 'timeout') {
        throw new PublishTimeoutError(
          `publish to ${exchange}: no broker confirm within ${timeoutMs} ms`,
        );
      }
      throw error;
    } finally {
      this.inFlight--;
    }
  }

  /** AMQP properties of a `prediction.requested.v1` message. */
  requestedProperties(request: PredictionRequest): Options.Publish {
    return {
      persistent: true,
      messageId: request.trackingId,
      type: this.names.routingKey,
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      timestamp: Math.floor(Date.now() / 1000),
      appId: this.options.connectionName ?? 'sibyl',
    };
  }
}
