import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  AMQP_CONNECTION,
  AMQP_NAMES,
  assertModelEventsExchange,
  SelfHealingChannel,
} from '@sibyl/amqp';
import { parseModelPromotedV1, type MessagingNames } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import { publishDeadLetter } from '../transport/dead-letter.publisher';
import { ModelSwapService } from './model-swap.service';

/**
 * Subscribes this predictor to `model.promoted` events: an exclusive, auto-deleted, server-named queue bound to
 * the models fanout exchange (every predictor gets every event; the queue disappears with the predictor). An
 * event makes the {@link ModelSwapService} read the registry's live version at once (the registry, not the
 * event, says what is live, so events arriving out of order do no harm; a lost event is caught by the periodic
 * re-check). A malformed event is dead-lettered with its reason.
 */
@Injectable()
export class ModelEventsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ModelEvents');
  private channel: SelfHealingChannel | undefined;

  constructor(
    @Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager,
    @Inject(AMQP_NAMES) private readonly names: MessagingNames,
    private readonly swap: ModelSwapService,
    private readonly metrics: PredictorMetrics,
  ) {}

  /** Opens the subscription (re-made after every reconnect). */
  onApplicationBootstrap(): void {
    this.channel = new SelfHealingChannel(this.connection, {
      name: 'model-events',
      confirm: true,
      setup: (channel: ConfirmChannel) => this.subscribe(channel),
    });
  }

  /** Closes the subscription (its queue is deleted by the broker). */
  async onApplicationShutdown(): Promise<void> {
    await this.channel?.close();
  }

  private async subscribe(channel: ConfirmChannel): Promise<void> {
    const exchange = this.names.modelEventsExchange;
    await assertModelEventsExchange(channel, this.names);
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, exchange, '');
    await channel.consume(queue, (message) => message && void this.handle(channel, message));
    this.logger.log(`listening for model.promoted on ${exchange}`);
  }

  private async handle(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const parsed = parseModelPromotedV1(message.content);
    if (!parsed.ok) {
      this.metrics.deadLettered.inc({ reason: 'malformed_model_event' });
      this.logger.warn(`dead-lettering a model event: ${parsed.reason}`);
      await publishDeadLetter(
        channel,
        message,
        parsed.reason,
        this.names,
        this.names.modelEventsExchange,
      )
        .then(() => channel.ack(message))
        .catch((error: Error) => {
          this.logger.error(`cannot dead-letter a model event: ${error.message}; dropping it`);
          channel.nack(message, false, false);
        });
      return;
    }
    const { version, action, previousVersion } = parsed.value;
    this.logger.log(`model.promoted: ${version} (${action}, was ${previousVersion ?? 'none'})`);
    channel.ack(message);
    await this.swap.check('event');
  }
}
