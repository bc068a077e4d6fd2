import { unannouncedChangeMessage, type LiveModelChange } from '@sibyl/registry';
import { formatDeltas } from '../format/deltas-table';
import type { ModelsContext } from './models-command';

/**
 * After a promotion or rollback the database already recorded: announces it on the broker and
 * reports both. A failed announcement does not undo the change (predictors re-check the live
 * model periodically, so it only delays the swap): it is printed as a warning, exit code 0.
 */
export async function reportChange(
  context: ModelsContext,
  change: LiveModelChange,
): Promise<number> {
  const { io, json } = context;
  let announced: true | string = true;
  let warning: string | undefined;
  try {
    await context.announce(change);
  } catch (error) {
    announced = (error as Error).message;
    warning = unannouncedChangeMessage(change, announced);
    io.err(`warning: ${warning}`);
  }
  if (json) {
    io.out(
      JSON.stringify({
        ...change,
        announced: announced === true,
        announceError: announced === true ? undefined : announced,
        warning,
      }),
    );
    return 0;
  }
  const verb = change.action === 'promote' ? 'promoted' : 'rolled back to';
  io.out(
    `${verb} ${change.record.version}${change.forced ? ' (FORCED past the gate)' : ''}; ` +
      `replaced ${change.previousVersion ?? 'nothing (first live model)'}` +
      (announced === true ? '; model.promoted.v1 published' : ''),
  );
  if (change.deltas) for (const line of formatDeltas(change.deltas)) io.out(line);
  return 0;
}
