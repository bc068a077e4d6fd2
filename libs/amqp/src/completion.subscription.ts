import type { MessagingNames } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage } from 'amqplib';
import { COMPLETION_QUEUE_MAX_LENGTH } from './amqp.constants';
import { COMPLETED_EXCHANGE_OPTIONS } from './prediction-topology';
import { SelfHealingChannel } from './self-healing.channel';

/** What a {@link CompletionSubscription} calls. */
export interface CompletionHandlers {
  /** Every message body received (not acknowledged: the consumer is `noAck`). */
  message(body: Buffer): void;
  /**
   * The subscription is (again) in place: first start, after every reconnect and every re-open.
   * Announcements published meanwhile were lost for this process; the owner should re-check.
   */
  subscribed(queue: string): void;
}

/**
 * One process's subscription to the completed fanout exchange: an exclusive, auto-delete,
 * server-named queue (length-capped, oldest dropped) bound to it and consumed without acks.
 * The queue dies with the channel; the {@link SelfHealingChannel} sets everything up again on each
 * reconnect and after the broker closes the channel, and a consumer the broker cancels (its queue
 * was deleted) closes the channel so that it is set up again too.
 */
export class CompletionSubscription {
  private readonly healing: SelfHealingChannel;
  private queue?: string;

  constructor(
    connection: AmqpConnectionManager,
    private readonly names: MessagingNames,
    private readonly handlers: CompletionHandlers,
    options: { recoveryDelayMs?: number } = {},
  ) {
    this.healing = new SelfHealingChannel(connection, {
      name: 'completion-subscription',
      setup: (channel: Channel) => this.subscribe(channel),
      recoveryDelayMs: options.recoveryDelayMs,
    });
  }

  /** True while the queue is bound and consumed. */
  get active(): boolean {
    return this.healing.open && this.queue !== undefined;
  }

  /** Cancels the subscription for good (the broker deletes the queue). */
  async close(): Promise<void> {
    this.queue = undefined;
    await this.healing.close();
  }

  private async subscribe(channel: Channel): Promise<void> {
    this.queue = undefined;
    await channel.assertExchange(this.names.completedExchange, 'fanout', {
      ...COMPLETED_EXCHANGE_OPTIONS,
    });
    const { queue } = await channel.assertQueue('', {
      exclusive: true,
      autoDelete: true,
      durable: false,
      arguments: { 'x-max-length': COMPLETION_QUEUE_MAX_LENGTH, 'x-overflow': 'drop-head' },
    });
    await channel.bindQueue(queue, this.names.completedExchange, '');
    await channel.consume(queue, (message) => this.receive(channel, message), { noAck: true });
    this.queue = queue;
    this.handlers.subscribed(queue);
  }

  private receive(channel: Channel, message: ConsumeMessage | null): void {
    if (message) {
      this.handlers.message(message.content);
      return;
    }
    // Cancelled by the broker: close the channel, the self-healing channel sets it up again.
    this.queue = undefined;
    void channel.close().catch(() => undefined);
  }
}
