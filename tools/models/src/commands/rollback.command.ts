import { reportChange } from './live-change-report';
import type { ModelsCommand } from './models-command';
import { noPositionals, stringOption } from './models-command';

/** `rollback`: back to the model live before the current one; publishes `model.promoted.v1`. */
export const rollbackCommand: ModelsCommand = {
  name: 'rollback',
  usage: 'rollback [--reason "…"] [--json]',
  summary: 'Makes the previously live model live again (one step further back each time).',
  options: { reason: { type: 'string' } },
  async run(context, positionals, values) {
    noPositionals('rollback', positionals);
    const change = await context.registry.rollback({
      actor: context.actor,
      reason: stringOption(values, 'reason'),
    });
    return reportChange(context, change);
  },
};
