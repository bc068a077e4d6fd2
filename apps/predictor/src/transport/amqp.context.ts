import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumeMessage } from 'amqplib';

/** Handler context (`@Ctx()`) of the {@link AmqpStrategy}: the raw delivery and the pattern it was routed by. */
export class AmqpContext extends BaseRpcContext<[ConsumeMessage, string]> {
  /** The AMQP delivery (properties, headers, `fields.redelivered`, content). */
  getMessage(): ConsumeMessage {
    return this.args[0];
  }

  /** The pattern (message `type`) the delivery was dispatched by. */
  getPattern(): string {
    return this.args[1];
  }
}
