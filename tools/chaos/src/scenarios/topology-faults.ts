import { requestsQueueArguments } from '@sibyl/amqp';
import { heldFault } from './held-fault';
import { Scenario } from './scenario';

/** The requests queue deleted by an operator (with the messages it held); the apps must heal. */
export const queueDeleted: Scenario = {
  name: 'queue-deleted',
  title: 'requests queue deleted (with its messages) under load',
  async inject(ctx) {
    await ctx.broker.withChannel((channel) => channel.deleteQueue(ctx.names.requestsQueue));
  },
  async heal() {
    // nothing: the apps must declare the queue again, consume again and republish what was lost
  },
  during: [],
};

/** Delivery limit of the foreign queue (Sibyl's is 5): same name, same binding, one argument off. */
const FOREIGN_DELIVERY_LIMIT = 6;

/**
 * An operator deletes the requests queue and declares it again with one other argument
 * (`x-delivery-limit` 6), same name and binding; after the fault time the foreign queue is
 * deleted again. Drift must be loud on readiness while it lasts; nothing may stay stuck.
 */
export const queueRedeclared = heldFault({
  name: 'queue-redeclared',
  title: `requests queue re-declared with x-delivery-limit ${FOREIGN_DELIVERY_LIMIT}, later deleted`,
  start: ({ broker, names }) =>
    broker.withChannel(async (channel) => {
      await channel.deleteQueue(names.requestsQueue);
      await channel.assertQueue(names.requestsQueue, {
        durable: true,
        arguments: requestsQueueArguments(names, FOREIGN_DELIVERY_LIMIT),
      });
      await channel.bindQueue(names.requestsQueue, names.requestsExchange, names.routingKey);
    }),
  end: ({ broker, names }) =>
    broker.withChannel((channel) => channel.deleteQueue(names.requestsQueue)),
  during: [{ app: 'any', probe: 'ready', expect: 'sometimes-not-200' }],
});
