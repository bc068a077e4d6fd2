import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  CompletedPrediction,
  encodePredictionCompletedV1,
  MessagingNames,
  MessagingV1,
} from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { AMQP_CONNECTION, AMQP_NAMES, DEFAULT_COMPLETION_MAX_BUFFERED } from './amqp.constants';
import { PublishRefusedError } from './publish-errors';
import { SelfHealingChannel } from './self-healing.channel';

/**
 * Announces stored results as `prediction.completed.v1` on the completed fanout exchange: one
 * transient message per stored batch, on its own plain (unconfirmed) channel, never awaited by the
 * caller's acking. Best-effort by design: the stored result is the truth, and a lost announcement
 * only delays a long poll to its safety re-check. While the broker is unreachable or more than
 * {@link DEFAULT_COMPLETION_MAX_BUFFERED} messages wait in the channel's buffer, a publish is
 * refused at once ({@link PublishRefusedError}) rather than buffered.
 */
@Injectable()
export class CompletionPublisher implements OnApplicationShutdown {
  private readonly healing: SelfHealingChannel;

  constructor(
    @Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager,
    @Inject(AMQP_NAMES) private readonly names: MessagingNames,
  ) {
    this.healing = new SelfHealingChannel(connection, { name: 'completion-publisher' });
  }

  /**
   * Publishes one batch of completions. Resolves once the message is handed to the socket;
   * rejects (never throws synchronously) when refused or when the channel fails.
   */
  async publishCompleted(completedAt: Date, items: CompletedPrediction[]): Promise<void> {
    if (items.length === 0) return;
    if (!this.connection.isConnected()) throw new PublishRefusedError('broker not connected');
    const channel = this.healing.current;
    if (channel.queueLength() >= DEFAULT_COMPLETION_MAX_BUFFERED) {
      throw new PublishRefusedError(
        `${channel.queueLength()} completion messages already buffered`,
      );
    }
    await channel.publish(
      this.names.completedExchange,
      '',
      encodePredictionCompletedV1(completedAt, items),
      {
        persistent: false,
        type: MessagingV1.PredictionCompleted,
        contentType: 'application/json',
      },
    );
  }

  /** Closes the channel. */
  async onApplicationShutdown(): Promise<void> {
    await this.healing.close();
  }
}
