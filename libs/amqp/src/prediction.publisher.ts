import { Inject, Injectable, Logger } from '@nestjs/common';
import { encodePredictionRequestedV1, MessagingNames, PredictionRequest } from '@sibyl/contracts';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import {
  AMQP_CONNECTION,
  AMQP_NAMES,
  AMQP_OPTIONS,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_PUBLISH_TIMEOUT_MS,
} from './amqp.constants';
import type { AmqpModuleOptions } from './amqp-module-options.interface';
import { confirmDeadline, timedOut } from './publish-deadline';
import { PublishRefusedError, PublishReturnedError, PublishTimeoutError } from './publish-errors';
import { SelfHealingChannel } from './self-healing.channel';
import { TopologyMonitor } from './topology.monitor';

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

/** Reason of a publish refused because too many await their confirm. */
function tooMany(count: number): string {
  return `too many publishes awaiting a confirm (${count})`;
}

/** Reason of a mandatory publish the broker returned. */
function returned(target: string): string {
  return `publish to ${target}: routed to no queue, returned by the broker`;
}

/** Least time between two topology checks triggered by returned messages. */
const RETURN_CHECK_MIN_INTERVAL_MS = 1000;

/**
 * Publishes with publisher confirms on its own ConfirmChannel (whose setup declares the
 * prediction topology through the {@link TopologyMonitor} on every reconnect; a channel the
 * broker closes is re-opened, see {@link SelfHealingChannel}).
 *
 * Unlike a bare amqp-connection-manager channel, it never buffers without bound: while the
 * connection is down or blocked by a broker alarm (memory, disk), or when `maxInFlight` messages
 * already await a confirm, a publish is refused at once ({@link PublishRefusedError}); a publish
 * not confirmed within the timeout is rejected ({@link PublishTimeoutError}). Every publish is
 * `mandatory`: a message routed to no queue comes back and is rejected
 * ({@link PublishReturnedError}) although the broker confirms it. Callers with an outbox simply
 * retry later.
 */
@Injectable()
export class PredictionPublisher {
  private readonly logger = new Logger(PredictionPublisher.name);
  private readonly healing: SelfHealingChannel;
  private readonly timeoutMs: number;
  private readonly maxInFlight: number;
  private inFlight = 0;
  private blocked: string | undefined;
  /** Message ids awaiting a confirm (count per id), and those the broker returned meanwhile. */
  private readonly awaiting = new Map<string, number>();
  private readonly returned = new Set<string>();

  constructor(
    @Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager,
    @Inject(AMQP_NAMES) readonly names: MessagingNames,
    @Inject(AMQP_OPTIONS) private readonly options: AmqpModuleOptions,
    private readonly topology: TopologyMonitor,
  ) {
    this.timeoutMs = options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;
    this.maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    this.healing = new SelfHealingChannel(connection, {
      name: 'prediction-publisher',
      confirm: true,
      publishTimeout: this.timeoutMs,
      setup: async (channel: ConfirmChannel) => {
        channel.on('return', (message: ConsumeMessage) => this.onReturn(message));
        await topology.verify();
      },
    });
    connection.on('blocked', ({ reason }: { reason?: string }) => {
      this.blocked = reason ?? 'unknown reason';
    });
    connection.on('unblocked', () => (this.blocked = undefined));
    connection.on('disconnect', () => (this.blocked = undefined));
  }

  /** The current channel wrapper. */
  private get channel(): ChannelWrapper {
    return this.healing.current;
  }

  /** True while the broker connection is up. */
  get connected(): boolean {
    return this.connection.isConnected();
  }

  /** True while the publisher channel is open (false after the broker closed it, until re-opened). */
  get channelOpen(): boolean {
    return this.healing.open;
  }

  /** Why the broker blocks publishing (a memory or disk alarm), or undefined. */
  get blockedReason(): string | undefined {
    return this.blocked;
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
   * Publishes a group of requests with ONE confirm wait: every message goes to the channel at
   * once and a single deadline bounds the wait for all their confirms (no timer or deadline per
   * message on this side). Never rejects: each message gets its own outcome (confirmed; refused
   * when the broker is unreachable, blocked or `maxInFlight` is reached; nacked; returned; timed
   * out), so a caller can record the confirmed ones and retry the rest.
   */
  async publishMany(
    requests: readonly PredictionRequest[],
    options: ConfirmOptions = {},
  ): Promise<PublishOutcome[]> {
    const refusal = this.refusal();
    const room = refusal ? 0 : Math.max(0, this.maxInFlight - this.inFlight);
    const sent = requests.slice(0, room);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const exchange = this.names.requestsExchange;
    const errors: (string | null | undefined)[] = sent.map(() => undefined);
    this.inFlight += sent.length;
    for (const request of sent) this.hold(request.trackingId);
    const confirms = sent.map((request, i) =>
      this.channel
        .publish(exchange, this.names.routingKey, encodePredictionRequestedV1(request), {
          ...this.requestedProperties(request),
          mandatory: true,
          timeout: timeoutMs,
        })
        .then(
          () => void (errors[i] = null),
          (error: Error) =>
            void (errors[i] =
              error.message === 'timeout' ? timedOut(exchange, timeoutMs) : error.message),
        ),
    );
    if (sent.length > 0) {
      await confirmDeadline(Promise.all(confirms), exchange, timeoutMs).catch(
        () => undefined, // the messages still unsettled time out below
      );
    }
    this.inFlight -= sent.length;
    return requests.map((request, i): PublishOutcome => {
      const { trackingId } = request;
      let error = i < sent.length ? errors[i] : (refusal ?? tooMany(this.inFlight));
      if (i < sent.length) {
        if (error === undefined) error = timedOut(exchange, timeoutMs);
        else if (error === null && this.returned.has(trackingId)) error = returned(exchange);
        this.release(trackingId);
      }
      return error ? { trackingId, confirmed: false, error } : { trackingId, confirmed: true };
    });
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
    const refusal =
      this.refusal() ?? (this.inFlight >= this.maxInFlight ? tooMany(this.inFlight) : undefined);
    if (refusal) throw new PublishRefusedError(refusal);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const id = properties.messageId;
    this.inFlight++;
    if (id) this.hold(id);
    try {
      await confirmDeadline(
        this.channel.publish(exchange, routingKey, content, {
          ...properties,
          mandatory: true,
          timeout: timeoutMs,
        }),
        exchange,
        timeoutMs,
      );
      if (id && this.returned.delete(id)) {
        throw new PublishReturnedError(returned(`${exchange} (${routingKey})`));
      }
    } catch (error) {
      if (error instanceof Error && error.message === 'timeout') {
        throw new PublishTimeoutError(timedOut(exchange, timeoutMs));
      }
      throw error;
    } finally {
      this.inFlight--;
      if (id) this.release(id);
    }
  }

  /** Why nothing can be published now (broker unreachable, blocked, channel buffer full), if so. */
  private refusal(): string | undefined {
    if (!this.connection.isConnected()) return 'broker not connected';
    if (this.blocked !== undefined) return `broker blocks publishing: ${this.blocked}`;
    if (this.channel.queueLength() >= this.maxInFlight) return tooMany(this.channel.queueLength());
    return undefined;
  }

  /** Marks a message id as awaiting its confirm (a return for it then fails its publish). */
  private hold(id: string): void {
    this.awaiting.set(id, (this.awaiting.get(id) ?? 0) + 1);
  }

  /** A mandatory message routed to no queue: its publish fails once the confirm arrives. */
  private onReturn(message: ConsumeMessage): void {
    const id = message.properties.messageId as string | undefined;
    if (id && this.awaiting.has(id)) this.returned.add(id);
    this.logger.warn(
      `message ${id ?? '(no id)'} returned by the broker: ${message.fields.routingKey} routes to no queue`,
    );
    // The queue or its binding is gone: check (and declare) the topology now, at most once a second.
    const last = this.topology.checkedAt?.getTime() ?? 0;
    if (Date.now() - last >= RETURN_CHECK_MIN_INTERVAL_MS) void this.topology.verify();
  }

  private release(id: string): void {
    const count = (this.awaiting.get(id) ?? 1) - 1;
    if (count > 0) {
      this.awaiting.set(id, count);
    } else {
      this.awaiting.delete(id);
      this.returned.delete(id);
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
