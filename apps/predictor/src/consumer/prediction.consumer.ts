import { Controller, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MessagingV1, parsePredictionRequestedV1 } from '@sibyl/contracts';
import type { PredictorEnvironment } from '../config/env.validation';
import { PredictionService } from '../prediction/prediction.service';
import { StorageOutage } from '../prediction/storage-outage';
import { AmqpContext } from '../transport/amqp.context';
import { AmqpStrategy } from '../transport/amqp.strategy';
import { deadLetter, MessageDisposition } from '../transport/message-disposition';

/** Consumes `prediction.requested.v1` deliveries from the {@link AmqpStrategy}. */
@Controller()
export class PredictionConsumer implements OnModuleInit {
  private readonly maxMessageBytes: number;

  constructor(
    private readonly predictions: PredictionService,
    private readonly strategy: AmqpStrategy,
    private readonly outage: StorageOutage,
    config: ConfigService<PredictorEnvironment, true>,
  ) {
    this.maxMessageBytes = config.get('MAX_MESSAGE_BYTES', { infer: true });
  }

  /**
   * On shutdown, the batcher drains: the batch in progress completes, the rest goes back to the broker. While
   * results cannot be stored, consumption pauses (the held batch is retried; nothing new is taken).
   */
  onModuleInit(): void {
    this.strategy.on('draining', () => void this.predictions.drain());
    this.outage.onChange((held) =>
      held ? this.strategy.pauseConsuming(held) : this.strategy.resumeConsuming(),
    );
  }

  /**
   * Checks the size, validates the raw body and hands the request to the micro-batcher. Resolves — and the
   * transport acks — only when the result is durably written; an oversized or malformed body is dead-lettered
   * with the reason (unparsed when oversized), without touching the other messages of its batch.
   */
  @EventPattern(MessagingV1.PredictionRequested)
  async onPredictionRequested(
    @Payload() body: Buffer,
    @Ctx() context: AmqpContext,
  ): Promise<MessageDisposition> {
    if (body.length > this.maxMessageBytes) {
      return deadLetter(
        `body of ${body.length} bytes exceeds MAX_MESSAGE_BYTES (${this.maxMessageBytes})`,
        'oversized',
      );
    }
    const parsed = parsePredictionRequestedV1(body);
    if (!parsed.ok) {
      return deadLetter(parsed.reason, 'malformed');
    }
    const { messageId } = context.getMessage().properties;
    if (messageId && messageId !== parsed.value.trackingId) {
      return deadLetter(
        `messageId ${messageId} does not match trackingId ${parsed.value.trackingId}`,
        'malformed',
      );
    }
    return this.predictions.predict(parsed.value);
  }
}
