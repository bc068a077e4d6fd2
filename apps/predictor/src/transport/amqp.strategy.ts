import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { assertPredictionTopology } from '@sibyl/amqp';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { EventEmitter } from 'node:events';
import { lastValueFrom } from 'rxjs';
import { AmqpContext } from './amqp.context';
import type { AmqpStrategyOptions } from './amqp-strategy-options.interface';
import { publishDeadLetter } from './dead-letter.publisher';
import {
  ACK,
  deadLetter,
  isMessageDisposition,
  MessageDisposition,
  requeue,
} from './message-disposition';

/** Events of {@link AmqpStrategy} (subscribe with `strategy.on(event, callback)`). */
export type AmqpStrategyEvents = {
  /** A delivery arrived (before dispatch). */
  received: (message: ConsumeMessage) => void;
  /** A delivery was acked, dead-lettered or requeued. */
  settled: (message: ConsumeMessage, disposition: MessageDisposition) => void;
  /** The consumer was cancelled for shutdown; handlers should finish their open work now. */
  draining: () => void;
  /** The broker cancelled the consumer (queue deleted); the strategy subscribes again. */
  cancelled: () => void;
};

/** Status stream values of {@link AmqpStrategy} (`strategy.status`). */
export type AmqpStrategyStatus = 'connecting' | 'consuming' | 'disconnected' | 'closed';

/**
 * Nest transport strategy consuming the prediction requests queue with manual acknowledgements.
 *
 * Unlike Nest's built-in RMQ transport (noAck, unlimited prefetch) it never loses a message: each raw delivery is
 * dispatched by its `type` property to the `@EventPattern` handler, whose returned promise settles when the work
 * is durably done, and only then is the delivery settled according to the {@link MessageDisposition} it resolves
 * to (a handler returning nothing means ack; a handler that throws means requeue). Deliveries are tied to the
 * channel they came on, so a reconnect never acks a stale delivery tag; unsettled deliveries of a lost channel are
 * redelivered by the broker.
 *
 * Built on amqp-connection-manager: the channel setup (re)asserts the topology, sets the per-consumer prefetch
 * and starts consuming after every reconnect.
 */
export class AmqpStrategy
  extends Server<AmqpStrategyEvents, AmqpStrategyStatus>
  implements CustomTransportStrategy
{
  protected override readonly logger = new Logger(AmqpStrategy.name);
  private readonly events = new EventEmitter();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly delayedRequeues = new Set<() => void>();
  /**
   * Handlers by message type, found once: Nest's `getHandlerByPattern` tries `JSON.parse` on the
   * pattern each time (≈ 2.6 % of a predictor's CPU per message, issue 12). Unknown types are not kept.
   */
  private readonly handlerByType = new Map<string, MessageHandler>();
  private wrapper: ChannelWrapper | undefined;
  private channel: ConfirmChannel | undefined;
  private consumerTag: string | undefined;
  private stopping = false;
  private paused: string | undefined;
  private lastProgressAt = Date.now();
  private lastDeliveryAt = Date.now();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly connection: AmqpConnectionManager,
    private readonly options: AmqpStrategyOptions,
  ) {
    super();
  }

  /** True while a consumer is registered on a live channel. */
  get consuming(): boolean {
    return this.consumerTag !== undefined && !this.stopping;
  }

  /** Deliveries being handled or settled right now. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Why consumption is paused ({@link pauseConsuming}), or undefined. */
  get pausedReason(): string | undefined {
    return this.paused;
  }

  /**
   * How long the strategy has held unsettled deliveries without settling any (0 when it holds
   * none): the stall signal of the liveness check.
   */
  heldWithoutProgressMs(now = Date.now()): number {
    return this.inFlight.size > 0 ? Math.max(0, now - this.lastProgressAt) : 0;
  }

  /** How long since the last delivery arrived (or since the consumer subscribed). */
  idleForMs(now = Date.now()): number {
    return Math.max(0, now - this.lastDeliveryAt);
  }

  /**
   * Drops the consumer and its channel and subscribes again on a new channel (after
   * `channelRecoveryDelayMs`): for a consumer the broker may have left in a bad state (the queue
   * was deleted and declared again; it receives nothing while the queue holds messages). Held
   * deliveries go back to the queue and are redelivered.
   */
  resubscribe(reason: string): void {
    const channel = this.channel;
    if (this.stopping || !channel) return;
    this.logger.warn(`subscribing again on a new channel: ${reason}`);
    this.consumerTag = undefined;
    this.lastDeliveryAt = Date.now();
    channel.close().catch(() => undefined);
  }

  /**
   * Stops taking new deliveries (cancels the consumer) without touching the ones held: used while
   * results cannot be stored, so that messages wait in the queue instead of spending delivery
   * attempts. Idempotent; {@link resumeConsuming} undoes it.
   */
  pauseConsuming(reason: string): void {
    if (this.stopping || this.paused !== undefined) return;
    this.paused = reason;
    this.logger.warn(`pausing consumption: ${reason}`);
    void this.cancelConsumer();
  }

  /** Subscribes again after {@link pauseConsuming}. */
  resumeConsuming(): void {
    if (this.paused === undefined) return;
    this.paused = undefined;
    const channel = this.channel;
    if (this.stopping || !channel || this.consumerTag !== undefined) return;
    this.logger.log('resuming consumption');
    this.startConsuming(channel).catch((error: unknown) => {
      this.logger.warn(`could not resume consuming: ${errorText(error)}`);
      channel.close().catch(() => undefined);
    });
  }

  /** Opens the consumer channel; consumption starts whenever the broker is reachable. */
  listen(callback: (error?: unknown) => void): void {
    try {
      this._status$.next('connecting');
      this.wrapper = this.openChannel();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /**
   * Graceful stop (idempotent): cancels the consumer, tells handlers to finish (`draining`), waits until every
   * in-flight delivery is settled (acked, dead-lettered or requeued) and closes the channel.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  /** Subscribes to an {@link AmqpStrategyEvents} event. */
  on<K extends keyof AmqpStrategyEvents>(event: K, callback: AmqpStrategyEvents[K]): this {
    this.events.on(event, callback);
    return this;
  }

  /** The amqp-connection-manager channel wrapper of the consumer (undefined before `listen`). */
  unwrap<T = ChannelWrapper | undefined>(): T {
    return this.wrapper as T;
  }

  /**
   * Handles one delivery end to end: dispatch, then settle on the channel it came on. Exposed for tests; the
   * consumer calls it for every delivery.
   */
  handleDelivery(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    this.lastDeliveryAt = Date.now();
    if (this.inFlight.size === 0) this.lastProgressAt = this.lastDeliveryAt;
    const work = this.dispatch(message)
      .then((disposition) => this.settle(channel, message, disposition))
      .catch((error: unknown) =>
        this.logger.error(`delivery ${describe(message)} failed: ${errorText(error)}`),
      )
      .finally(() => {
        this.inFlight.delete(work);
        this.lastProgressAt = Date.now();
      });
    this.inFlight.add(work);
    return work;
  }

  /** Runs the handler registered for the delivery's pattern and turns its outcome into a disposition. */
  async dispatch(message: ConsumeMessage): Promise<MessageDisposition> {
    this.emit('received', message);
    const pattern = message.properties.type || this.options.defaultPattern;
    const handler = pattern ? this.handlerFor(pattern) : null;
    if (!pattern || !handler) {
      return deadLetter(`no handler for message type "${pattern ?? ''}"`, 'unknown_type');
    }
    try {
      const result = await handler(message.content, new AmqpContext([message, pattern]));
      const value = await lastValueFrom(this.transformToObservable(result), {
        defaultValue: undefined,
      });
      return isMessageDisposition(value) ? value : ACK;
    } catch (error) {
      return requeue(`handler failed: ${errorText(error)}`);
    }
  }

  private handlerFor(pattern: string): MessageHandler | null {
    const known = this.handlerByType.get(pattern);
    if (known) return known;
    const handler = this.getHandlerByPattern(pattern);
    if (handler) this.handlerByType.set(pattern, handler);
    return handler;
  }

  private openChannel(): ChannelWrapper {
    const wrapper = this.connection.createChannel({
      name: 'prediction-consumer',
      confirm: true,
      json: false,
      setup: (channel: ConfirmChannel) => this.setupChannel(channel),
    });
    wrapper.on('error', (error: Error) =>
      this.logger.error(`consumer channel setup failed: ${error.message}`),
    );
    return wrapper;
  }

  private async setupChannel(channel: ConfirmChannel): Promise<void> {
    this.channel = channel;
    this.consumerTag = undefined;
    channel.on('error', (error: Error) =>
      this.logger.warn(`consumer channel error: ${error.message}`),
    );
    channel.on('close', () => this.onChannelClosed(channel));
    await this.declareTopology(channel);
    if (this.stopping) return;
    await channel.prefetch(this.options.prefetch, false);
    if (this.paused === undefined) await this.startConsuming(channel);
  }

  private declareTopology(channel: ConfirmChannel): Promise<unknown> {
    const { names, deliveryLimit, declareTopology } = this.options;
    return declareTopology
      ? declareTopology()
      : assertPredictionTopology(channel, names, { deliveryLimit });
  }

  private async startConsuming(channel: ConfirmChannel): Promise<void> {
    const { names, prefetch } = this.options;
    const { consumerTag } = await channel.consume(
      names.requestsQueue,
      (message) =>
        message ? void this.handleDelivery(channel, message) : this.onCancelledByBroker(channel),
      { noAck: false },
    );
    if (this.stopping || this.paused !== undefined || this.channel !== channel) {
      await channel.cancel(consumerTag).catch(() => undefined);
      return;
    }
    this.consumerTag = consumerTag;
    this.lastDeliveryAt = Date.now();
    this._status$.next('consuming');
    this.logger.log(`consuming ${names.requestsQueue} (prefetch ${prefetch})`);
  }

  private async settle(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    disposition: MessageDisposition,
  ): Promise<void> {
    try {
      if (disposition.action === 'dead-letter') {
        await publishDeadLetter(channel, message, disposition.reason, this.options.names);
        this.logger.warn(`dead-lettered ${describe(message)}: ${disposition.reason}`);
      }
      if (disposition.action === 'requeue') {
        await this.pause(this.options.requeueDelayMs ?? 1000);
        channel.nack(message, false, true);
        this.logger.warn(`requeued ${describe(message)}: ${disposition.reason}`);
      } else {
        channel.ack(message);
      }
      this.emit('settled', message, disposition);
    } catch (error) {
      // The channel is gone (or the dead letter was not confirmed): the broker redelivers the message.
      this.logger.warn(
        `could not settle ${describe(message)}, the broker will redeliver it: ${errorText(error)}`,
      );
      tryNack(channel, message);
    }
  }

  /** Waits `ms`, or less if the strategy starts draining. */
  private pause(ms: number): Promise<void> {
    if (this.stopping || ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.delayedRequeues.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.delayedRequeues.add(release);
    });
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    await this.cancelConsumer();
    this.emit('draining');
    [...this.delayedRequeues].forEach((release) => release());
    while (this.inFlight.size > 0) {
      this.logger.log(`draining ${this.inFlight.size} in-flight deliveries`);
      await Promise.allSettled([...this.inFlight]);
    }
    await this.wrapper
      ?.close()
      .catch((error: unknown) => this.logger.warn(`closing the channel: ${errorText(error)}`));
    this.wrapper = undefined;
    this._status$.next('closed');
  }

  private async cancelConsumer(): Promise<void> {
    const { channel, consumerTag } = this;
    this.consumerTag = undefined;
    if (!channel || !consumerTag) return;
    try {
      await channel.cancel(consumerTag);
      this.logger.log(`stopped consuming ${this.options.names.requestsQueue}`);
    } catch (error) {
      this.logger.warn(`could not cancel the consumer: ${errorText(error)}`);
    }
  }

  /**
   * The broker cancelled the consumer (the queue was deleted). After a pause the topology is
   * declared again (re-creating the queue, or reporting a foreign one) and the strategy subscribes
   * again on the same channel, so the deliveries it holds can still be settled; if that fails the
   * channel is closed and re-created ({@link onChannelClosed}). Until then it is not consuming
   * (readiness fails).
   */
  private onCancelledByBroker(channel: ConfirmChannel): void {
    this.logger.warn(
      `the broker cancelled the consumer of ${this.options.names.requestsQueue} (queue deleted?); subscribing again`,
    );
    this.consumerTag = undefined;
    this._status$.next('disconnected');
    this.emit('cancelled');
    const timer = setTimeout(() => {
      if (this.stopping || this.channel !== channel || this.consumerTag !== undefined) return;
      this.declareTopology(channel)
        .then(() => (this.paused === undefined ? this.startConsuming(channel) : undefined))
        .catch((error: unknown) => {
          this.logger.warn(
            `could not subscribe again: ${errorText(error)}; re-creating the channel`,
          );
          channel.close().catch(() => undefined);
        });
    }, this.options.channelRecoveryDelayMs ?? 1000);
    timer.unref();
  }

  /**
   * amqp-connection-manager re-creates a channel only after a connection loss. A channel the broker closed on
   * its own (e.g. consumer timeout, deleted queue) is replaced here so that consumption resumes.
   */
  private onChannelClosed(channel: ConfirmChannel): void {
    if (this.channel !== channel) return;
    this.consumerTag = undefined;
    if (this.stopping) return;
    this._status$.next('disconnected');
    const timer = setTimeout(() => {
      if (this.stopping || this.channel !== channel || !this.connection.isConnected()) return;
      this.logger.warn('consumer channel closed while connected; re-creating it');
      void this.wrapper?.close().catch(() => undefined);
      this.wrapper = this.openChannel();
    }, this.options.channelRecoveryDelayMs ?? 1000);
    timer.unref();
  }

  private emit<K extends keyof AmqpStrategyEvents>(
    event: K,
    ...args: Parameters<AmqpStrategyEvents[K]>
  ): void {
    try {
      this.events.emit(event, ...args);
    } catch (error) {
      this.logger.error(`"${event}" listener failed: ${errorText(error)}`);
    }
  }
}

function tryNack(channel: ConfirmChannel, message: ConsumeMessage): void {
  try {
    channel.nack(message, false, true);
  } catch {
    // channel closed: nothing to do, the broker already returned the message to the queue
  }
}

function describe(message: ConsumeMessage): string {
  return `#${message.fields.deliveryTag} (messageId ${message.properties.messageId ?? 'none'})`;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String(error.message);
  return String(error);
}
