import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import { RegistryConflictError, RegistryUsageError } from '../errors';
import type { ShadowReport } from '../model-record';
import type { ModelRegistry } from '../registry';
import {
  DUPLICATE_KEY,
  SHADOW_MAX_LIMIT,
  SHADOW_RESULTS_COLLECTION,
  SHADOW_RUNS_COLLECTION,
} from '../registry.constants';
import { shadowReport } from './shadow-report';
import type {
  LiveOutcome,
  LiveOutcomeLookup,
  ShadowResult,
  ShadowRun,
  StartShadowOptions,
} from './shadow-run';

/** `_id` of the one active run in `shadow_runs` (a second start hits the unique `_id`). */
export const ACTIVE_SHADOW_RUN_ID = 'active';

/** Tracking ids looked up per live-result query. */
const LOOKUP_BATCH = 500;

/** A finished run and its final report. */
export interface StoppedShadowRun {
  run: ShadowRun;
  report: ShadowReport;
}

/**
 * The state of shadow evaluation in the database, shared by the models CLI and every predictor:
 * `shadow_runs` holds at most one active run (`_id: "active"`, so a second start is refused by the
 * unique `_id`) and the finished ones (`_id` = run id, with their report); `shadow_results` the
 * candidate's predictions of the current run. Whoever deletes the active document finishes the run
 * (one wins, however many stop at once): it computes the final report and writes it to the
 * candidate's record with a `shadow` changelog entry.
 */
export class ShadowRuns {
  constructor(
    private readonly db: mongo.Db,
    private readonly registry: ModelRegistry,
    private readonly lookupLive: LiveOutcomeLookup,
  ) {}

  private get runs(): mongo.Collection<ShadowRun> {
    return this.db.collection<ShadowRun>(SHADOW_RUNS_COLLECTION);
  }

  private get results(): mongo.Collection<ShadowResult> {
    return this.db.collection<ShadowResult>(SHADOW_RESULTS_COLLECTION);
  }

  /**
   * Starts a run of candidate `version` against the live model, and deletes the shadow results of
   * earlier runs (their reports are kept). Refused (RegistryUsageError) for a sample outside
   * (0, 1] or a max outside 1..SHADOW_MAX_LIMIT, (RegistryConflictError) when nothing is live,
   * `version` is live or a run is active, (ModelNotFoundError) for an unknown version.
   */
  async start(options: StartShadowOptions): Promise<ShadowRun> {
    validateStart(options);
    const candidate = await this.registry.getOrThrow(options.version);
    const live = await this.registry.live();
    if (!live) throw new RegistryConflictError('no model is live: nothing to compare with');
    if (live.version === candidate.version) {
      throw new RegistryConflictError(`model ${candidate.version} is live: shadow a candidate`);
    }
    const run: ShadowRun = {
      _id: ACTIVE_SHADOW_RUN_ID,
      runId: randomUUID(),
      version: candidate.version,
      sha256: candidate.sha256,
      liveVersion: live.version,
      sample: options.sample,
      max: options.max,
      queueMaxLength: options.queueMaxLength,
      startedAt: new Date(),
      actor: options.actor,
      predictions: 0,
    };
    try {
      await this.runs.insertOne(run);
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      const active = await this.active();
      throw new RegistryConflictError(
        `a shadow run of ${active?.version ?? 'another model'} is active since ` +
          `${active?.startedAt.toISOString() ?? '?'}; stop it first (models shadow --stop)`,
      );
    }
    await this.results.deleteMany({ runId: { $ne: run.runId } });
    return run;
  }

  /** The active run, or null. */
  active(): Promise<ShadowRun | null> {
    return this.runs.findOne({ _id: ACTIVE_SHADOW_RUN_ID });
  }

  /** A finished run by id (with its report), or null. */
  finished(runId: string): Promise<ShadowRun | null> {
    return this.runs.findOne({ _id: runId });
  }

  /**
   * Counts one more shadow prediction of run `runId` and returns the new count, or null when the
   * run is no longer active (then the prediction is not to be stored). Atomic on MongoDB; FerretDB
   * 1.24 applies `$inc` as an unisolated read-modify-write, so concurrent increments can be lost:
   * callers serialize theirs, and {@link storedCount} is the exact figure.
   */
  async countPrediction(runId: string): Promise<number | null> {
    const run = await this.runs.findOneAndUpdate(
      { _id: ACTIVE_SHADOW_RUN_ID, runId },
      { $inc: { predictions: 1 } },
      { returnDocument: 'after' },
    );
    return run?.predictions ?? null;
  }

  /** Shadow predictions of run `runId` stored so far. */
  storedCount(runId: string): Promise<number> {
    return this.results.countDocuments({ runId });
  }

  /** Stores a shadow prediction (idempotent by `_id`). */
  async record(result: ShadowResult): Promise<void> {
    await this.results.replaceOne({ _id: result._id }, result, { upsert: true });
  }

  /** The report of a run so far (or at its end): reads its results and looks up live ones. */
  async report(run: ShadowRun, end?: Parameters<typeof shadowReport>[3]): Promise<ShadowReport> {
    const results = await this.results.find({ runId: run.runId }).sort({ at: 1, _id: 1 }).toArray();
    const pending = results.filter((result) => !result.live).map((result) => result.trackingId);
    const live = new Map<string, LiveOutcome>();
    for (let first = 0; first < pending.length; first += LOOKUP_BATCH) {
      const found = await this.lookupLive(pending.slice(first, first + LOOKUP_BATCH));
      for (const [id, outcome] of found) live.set(id, outcome);
    }
    return shadowReport(run, results, live, end);
  }

  /**
   * Finishes the active run (only `runId`'s when given): deletes the active document (one caller
   * wins), computes the final report, writes it to the candidate's record with a `shadow`
   * changelog entry by `actor`, and keeps the run under its id. Returns null when no such run was
   * active.
   */
  async stop(actor: string, stopReason: string, runId?: string): Promise<StoppedShadowRun | null> {
    const run = await this.runs.findOneAndDelete({
      _id: ACTIVE_SHADOW_RUN_ID,
      ...(runId ? { runId } : {}),
    });
    if (!run) return null;
    const report = await this.report(run, { finishedAt: new Date(), stopReason });
    const finished: ShadowRun = {
      ...run,
      _id: run.runId,
      stoppedAt: report.finishedAt,
      stopReason,
      report,
    };
    await this.runs.replaceOne({ _id: run.runId }, finished, { upsert: true });
    await this.registry.setShadowReport(run.version, report, actor);
    return { run: finished, report };
  }

  /** Removes an active run that never started (its queue could not be declared). */
  async abort(runId: string): Promise<void> {
    await this.runs.deleteOne({ _id: ACTIVE_SHADOW_RUN_ID, runId });
  }
}

function validateStart({ sample, max }: StartShadowOptions): void {
  if (!(Number.isFinite(sample) && sample > 0 && sample <= 1)) {
    throw new RegistryUsageError(`the sample must be a fraction in (0, 1], got ${sample}`);
  }
  if (!(Number.isInteger(max) && max >= 1 && max <= SHADOW_MAX_LIMIT)) {
    throw new RegistryUsageError(`max must be an integer in 1..${SHADOW_MAX_LIMIT}, got ${max}`);
  }
}
