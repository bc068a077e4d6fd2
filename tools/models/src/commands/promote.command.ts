import { PromotionRefusedError } from '@sibyl/registry';
import { formatDeltas } from '../format/deltas-table';
import { reportChange } from './live-change-report';
import type { ModelsCommand } from './models-command';
import { onePositional, stringOption } from './models-command';

/**
 * `promote V`: through the gate (PROMOTION_MAX_ACCURACY_DROP); a refusal prints the per-language
 * deltas and exits 1. `--force --reason "…"` overrides it. Publishes `model.promoted.v1`.
 */
export const promoteCommand: ModelsCommand = {
  name: 'promote',
  usage: 'promote VERSION [--force --reason "…"] [--json]',
  summary:
    'Makes VERSION live if its held-out accuracy is at most PROMOTION_MAX_ACCURACY_DROP below the live one.',
  options: { force: { type: 'boolean' }, reason: { type: 'string' } },
  async run(context, positionals, values) {
    const version = onePositional('promote', positionals, 'VERSION');
    const { registry, io, json, actor, margin } = context;
    try {
      const change = await registry.promote(version, {
        actor,
        margin,
        force: values.force === true,
        reason: stringOption(values, 'reason'),
      });
      return await reportChange(context, change);
    } catch (error) {
      if (!(error instanceof PromotionRefusedError)) throw error;
      if (json) {
        io.out(
          JSON.stringify({
            refused: true,
            version,
            margin,
            deltas: error.deltas,
            message: error.message,
          }),
        );
      }
      io.err(`refused: ${error.message}`);
      if (error.deltas) for (const line of formatDeltas(error.deltas, true)) io.err(line);
      return 1;
    }
  },
};
