import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AMQP_CONNECTION, AMQP_NAMES, SelfHealingChannel } from '@sibyl/amqp';
import type { MessagingNames } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import { publishDeadLetter } from '../transport/dead-letter.publisher';
import { ModelSwapService } from './model-swap.service';
import { MODEL_PROMOTED_TYPE } from './model.constants';

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
    await channel.assertExchange(exchange, 'fanout', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, exchange, '');
    await channel.consume(queue, (message) => message && void this.handle(channel, message));
    this.logger.log(`listening for model.promoted on ${exchange}`);
  }

  private async handle(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const problem = invalidEvent(message.content);
    if (problem) {
      this.metrics.deadLettered.inc({ reason: 'malformed_model_event' });
      this.logger.warn(`dead-lettering a model event: ${problem}`);
      await publishDeadLetter(channel, message, problem, this.names, this.names.modelEventsExchange)
        .then(() => channel.ack(message))
        .catch((error: Error) => {
          this.logger.error(`cannot dead-letter a model event: ${error.message}; dropping it`);
          channel.nack(message, false, false);
        });
      return;
    }
    const event = JSON.parse(message.content.toString('utf8')) as {
      version: string;
      action?: string;
    };
    this.logger.log(`model.promoted: ${event.version} (${event.action ?? 'promote'})`);
    channel.ack(message);
    await this.swap.check('event');
  }
}

/** Why a `model.promoted` body is unusable, or undefined when it is a valid event. */
export function invalidEvent(content: Buffer): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(content.toString('utf8'));
  } catch {
    return 'malformed: not JSON';
  }
  if (typeof body !== 'object' || body === null) return 'malformed: not an object';
  const { type, version } = body as Record<string, unknown>;
  if (type !== MODEL_PROMOTED_TYPE) return `unknown_type: ${String(type)}`;
  if (typeof version !== 'string' || version.length === 0) return 'malformed: no version';
  return undefined;
}
