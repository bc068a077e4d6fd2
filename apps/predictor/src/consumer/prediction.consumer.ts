import { Controller, OnModuleInit } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MessagingV1, parsePredictionRequestedV1 } from '@sibyl/contracts';
import { PredictionService } from '../prediction/prediction.service';
import { AmqpContext } from '../transport/amqp.context';
import { AmqpStrategy } from '../transport/amqp.strategy';
import { deadLetter, MessageDisposition } from '../transport/message-disposition';

/** Consumes `prediction.requested.v1` deliveries from the {@link AmqpStrategy}. */
@Controller()
export class PredictionConsumer implements OnModuleInit {
  constructor(
    private readonly predictions: PredictionService,
    private readonly strategy: AmqpStrategy,
  ) {}

  /** On shutdown, the batcher drains: the batch in progress completes, the rest goes back to the broker. */
  onModuleInit(): void {
    this.strategy.on('draining', () => void this.predictions.drain());
  }

  /**
   * Validates the raw body and hands the request to the micro-batcher. Resolves — and the transport acks —
   * only when the result is durably written; a malformed body is dead-lettered with the validation error.
   */
  @EventPattern(MessagingV1.PredictionRequested)
  async onPredictionRequested(
    @Payload() body: Buffer,
    @Ctx() context: AmqpContext,
  ): Promise<MessageDisposition> {
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
