import {
  DEFAULT_SHADOW_MAX,
  type ShadowReport,
  type ShadowRun,
  type StoppedShadowRun,
} from '@sibyl/registry';
import { DEFAULT_SHADOW_QUEUE_MAX_LENGTH } from '@sibyl/amqp';
import { formatShadowReport } from '../format/shadow-report';
import { percent } from '../format/numbers';
import type { ModelsCommand, ModelsContext, OptionValues } from './models-command';
import { stringOption, UsageError } from './models-command';

/** Fraction of live requests a shadow run evaluates when `--sample` is not given. */
export const DEFAULT_SHADOW_SAMPLE = 0.1;

/**
 * `shadow V [--sample F] [--max N]` starts a shadow evaluation of candidate V (one at a time):
 * the run in `shadow_runs`, then the length-limited shadow queue bound to the requests' routing
 * key; predictors see the run at their next check and classify the sample with V. `shadow --status`
 * shows the report so far, `shadow [V] --stop` finishes it (report on V's record, `shadow`
 * changelog entry) and deletes the queue.
 */
export const shadowCommand: ModelsCommand = {
  name: 'shadow',
  usage: 'shadow VERSION [--sample 0.1] [--max N] | shadow [VERSION] --stop | shadow --status',
  summary:
    'Mirrors a sample of live requests to candidate VERSION; reports its agreement with the live model.',
  options: {
    sample: { type: 'string' },
    max: { type: 'string' },
    stop: { type: 'boolean' },
    status: { type: 'boolean' },
  },
  async run(context, positionals, values) {
    if (positionals.length > 1) throw new UsageError('shadow takes at most one VERSION');
    const version = positionals[0];
    if (values.stop === true && values.status === true) {
      throw new UsageError('shadow takes --stop or --status, not both');
    }
    if (values.stop === true) return stop(context, version);
    if (values.status === true) {
      if (version) throw new UsageError('shadow --status takes no VERSION');
      return status(context);
    }
    if (!version) throw new UsageError('shadow needs the candidate VERSION (or --stop, --status)');
    return start(context, version, values);
  },
};

async function start(context: ModelsContext, version: string, values: OptionValues) {
  const { shadowRuns, shadowQueue, io, json, actor } = context;
  const sample = numberOption(values, 'sample', DEFAULT_SHADOW_SAMPLE);
  const max = numberOption(values, 'max', DEFAULT_SHADOW_MAX);
  const run = await shadowRuns.start({
    version,
    sample,
    max,
    queueMaxLength: DEFAULT_SHADOW_QUEUE_MAX_LENGTH,
    actor,
  });
  try {
    await shadowQueue.declare(run.queueMaxLength);
  } catch (error) {
    await shadowRuns.abort(run.runId);
    throw new Error(
      `cannot declare the shadow queue on the broker (${(error as Error).message}); the shadow run was not started`,
    );
  }
  if (json) io.out(JSON.stringify({ started: true, run }));
  else {
    io.out(
      `shadow run ${run.runId} started: ${run.version} beside live ${run.liveVersion}, ` +
        `sample ${percent(run.sample)}, stops after ${run.max} shadow predictions`,
    );
    io.out(
      'predictors pick it up within SHADOW_CHECK_INTERVAL_MS (default 2 s); ' +
        '`models shadow --status` shows progress, `models shadow --stop` ends it',
    );
  }
  return 0;
}

async function status({ shadowRuns, io, json }: ModelsContext) {
  const run = await shadowRuns.active();
  const report = run ? await shadowRuns.report(run) : null;
  if (json) io.out(JSON.stringify({ active: run !== null, run, report }));
  else if (!run || !report) io.out('no shadow run is active');
  else printRun(io.out, run, report);
  return 0;
}

async function stop(context: ModelsContext, version: string | undefined) {
  const { shadowRuns, shadowQueue, io, json, actor } = context;
  const active = await shadowRuns.active();
  if (active && version && active.version !== version) {
    io.err(`error: the active shadow run is of ${active.version}, not ${version}`);
    return 1;
  }
  const stopped: StoppedShadowRun | null = active
    ? await shadowRuns.stop(actor, `stopped by ${actor}`, active.runId)
    : null;
  if (!stopped) {
    const leftover = await removeLeftoverQueue(context);
    if (json) io.out(JSON.stringify({ stopped: false, ...leftover }));
    io.err('error: no shadow run is active (it may have reached its --max meanwhile)');
    if (leftover.leftoverQueueDeleted) {
      io.err(
        `deleted a leftover shadow queue that no run was using (${leftover.leftoverQueueDeleted.messages} ` +
          'copies dropped)',
      );
    }
    if (leftover.warning) io.err(`warning: ${leftover.warning}`);
    return 1;
  }
  let warning: string | undefined;
  await shadowQueue.remove().catch((error: Error) => {
    warning =
      `the shadow queue was not deleted (${error.message}); predictors stop consuming it at ` +
      'their next check, and it holds at most its length limit until deleted';
  });
  if (json) io.out(JSON.stringify({ stopped: true, ...stopped, ...(warning ? { warning } : {}) }));
  else printRun(io.out, stopped.run, stopped.report);
  if (warning) io.err(`warning: ${warning}`);
  return 0;
}

/** What `shadow --stop` did to the broker when no run was active. */
interface LeftoverQueue {
  leftoverQueueDeleted?: { messages: number };
  warning?: string;
}

/**
 * With no run active, nothing may mirror requests: deletes a shadow queue left behind by a run whose
 * queue could not be deleted (broker away at its stop), which would otherwise keep collecting copies
 * up to its length limit. A queue that does not exist is not declared (passive check). A run started
 * meanwhile gets its queue back (its predictors declare it too before consuming).
 */
async function removeLeftoverQueue({
  shadowRuns,
  shadowQueue,
}: ModelsContext): Promise<LeftoverQueue> {
  try {
    const removed = await shadowQueue.removeIfPresent();
    if (!removed) return {};
    const started = await shadowRuns.active();
    if (started) await shadowQueue.declare(started.queueMaxLength);
    return started ? {} : { leftoverQueueDeleted: removed };
  } catch (error) {
    return {
      warning: `cannot check the broker for a leftover shadow queue (${(error as Error).message})`,
    };
  }
}

function printRun(out: (line: string) => void, run: ShadowRun, report: ShadowReport): void {
  out(`shadow run ${run.runId} of ${run.version} (by ${run.actor})`);
  for (const line of formatShadowReport(report, '  ')) out(line);
}

function numberOption(values: OptionValues, name: string, fallback: number): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`--${name} must be a number, got "${raw}"`);
  }
  return value;
}
