import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { assertShadowQueue, SelfHealingChannel } from '@sibyl/amqp';
import type { MessagingNames } from '@sibyl/contracts';
import type { ShadowRun, ShadowRuns } from '@sibyl/registry';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { hostname } from 'node:os';
import type { ModelDecoder } from '../model/model-decoder';
import { loadFromSource } from '../model/model.loader';
import type { ModelSource } from '../model/model-source.interface';
import type { ServedModel } from '../model/serving-model';
import { publishDeadLetter } from '../transport/dead-letter.publisher';
import type { ShadowEvaluator } from './shadow.evaluator';
import type { ShadowMetrics } from './shadow.metrics';

/** How long a predictor waits before loading a candidate again after a failed load. */
export const SHADOW_LOAD_RETRY_MS = 30000;

/** Settings of a {@link ShadowConsumer}. */
export interface ShadowConsumerOptions {
  /** SHADOW_CHECK_INTERVAL_MS (0 = never take part). */
  checkIntervalMs: number;
  /** SHADOW_PREFETCH. */
  prefetch: number;
  /** Verifies and decodes the candidate (in a worker thread: the live path is not held up meanwhile). */
  decoder: ModelDecoder;
}

/** What this predictor does for shadow evaluation now (for health). */
export interface ShadowState {
  active: boolean;
  runId?: string;
  version?: string;
  since?: string;
  lastFailure?: { reason: string; message: string; at: string };
}

/** The run this predictor takes part in. */
interface Joined {
  run: ShadowRun;
  candidate: ServedModel;
  channel: SelfHealingChannel;
  since: Date;
}

/**
 * Takes part in the active shadow run, if any: every SHADOW_CHECK_INTERVAL_MS it reads `shadow_runs`;
 * when a run is active it fetches the candidate from the registry (checksum verified), keeps it beside
 * the served model and consumes the shadow queue on its own channel, evaluating each copy
 * ({@link ShadowEvaluator}); when the run ends it closes the channel and frees the candidate. The
 * predictor whose prediction reaches the run's max finishes it (report on the candidate's record) and
 * deletes the queue. Any failure here is logged, counted and shown in health, never thrown into the live
 * path: the live consumer, its channel and its readiness are separate.
 */
export class ShadowConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Shadow');
  private readonly actor = `predictor ${hostname()}/${process.pid}`;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private joined: Joined | undefined;
  private loadFailed: { runId: string; at: number } | undefined;
  private failure: ShadowState['lastFailure'];
  /** When this predictor's count reached the max of the run (it finishes that run). */
  private reachedMax: { runId: string; at: number } | undefined;

  constructor(
    private readonly runs: ShadowRuns,
    private readonly source: ModelSource,
    private readonly evaluator: ShadowEvaluator,
    private readonly metrics: ShadowMetrics,
    private readonly connection: AmqpConnectionManager,
    private readonly names: MessagingNames,
    private readonly options: ShadowConsumerOptions,
  ) {}

  /** Starts the periodic check (none when SHADOW_CHECK_INTERVAL_MS is 0). */
  onApplicationBootstrap(): void {
    if (this.options.checkIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs);
    this.timer.unref();
    void this.check();
  }

  /** Stops checking and leaves the run (held copies go back to the shadow queue). */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await this.leave('shutting down');
    await this.options.decoder.close?.();
  }

  /** What this predictor does for shadow evaluation now. */
  get state(): ShadowState {
    const joined = this.joined;
    return {
      active: joined !== undefined,
      ...(joined && {
        runId: joined.run.runId,
        version: joined.run.version,
        since: joined.since.toISOString(),
      }),
      ...(this.failure && { lastFailure: this.failure }),
    };
  }

  /** Reads the active run and joins, switches or leaves accordingly (never overlapping). */
  check(): Promise<void> {
    this.checking ??= this.reconcile().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async reconcile(): Promise<void> {
    let run: ShadowRun | null;
    try {
      run = await this.runs.active();
    } catch (error) {
      this.fail('check', `cannot read the shadow run: ${(error as Error).message}`);
      return;
    }
    if (run && run.runId === this.joined?.run.runId) return this.finishIfFull(run);
    if (run === null && this.joined === undefined) return;
    if (this.joined) await this.leave(run ? `run ${run.runId} replaced it` : 'the run ended');
    if (run) await this.join(run);
  }

  /**
   * Finishes the run once `max` results are stored: the count of {@link ShadowRuns.countPrediction}
   * can lose increments of other predictors on FerretDB, the stored results cannot. Copies counted
   * by other predictors may still be in flight when this one's count reaches the max, so the report
   * waits for them, up to two check intervals (a copy counted by a predictor that then died is never
   * stored).
   */
  private async finishIfFull(run: ShadowRun): Promise<void> {
    try {
      const reached = this.reachedMax?.runId === run.runId ? this.reachedMax.at : undefined;
      const graceOver =
        reached !== undefined && Date.now() - reached >= 2 * this.options.checkIntervalMs;
      if (!graceOver && (await this.runs.storedCount(run.runId)) < run.max) return;
      await this.finish(run);
      await this.leave('the run ended');
    } catch (error) {
      this.fail('check', `cannot count the shadow results: ${(error as Error).message}`);
    }
  }

  private async join(run: ShadowRun): Promise<void> {
    const failed = this.loadFailed;
    if (failed?.runId === run.runId && Date.now() - failed.at < SHADOW_LOAD_RETRY_MS) return;
    let candidate: ServedModel;
    try {
      candidate = await loadFromSource(this.source, run, {
        decoder: this.options.decoder,
        logger: this.logger,
      });
    } catch (error) {
      this.loadFailed = { runId: run.runId, at: Date.now() };
      this.fail('load', `cannot load shadow candidate ${run.version}: ${(error as Error).message}`);
      return;
    }
    const channel = new SelfHealingChannel(this.connection, {
      name: 'shadow-consumer',
      confirm: true,
      setup: (raw: ConfirmChannel) => this.subscribe(raw, run),
    });
    this.joined = { run, candidate, channel, since: new Date() };
    this.failure = undefined;
    this.metrics.active.set({ version: run.version }, 1);
    this.logger.log(
      `shadow run ${run.runId}: evaluating ${run.version} beside live ${run.liveVersion} ` +
        `(sample ${run.sample}, max ${run.max})`,
    );
  }

  private async leave(why: string): Promise<void> {
    const joined = this.joined;
    if (!joined) return;
    this.joined = undefined;
    this.metrics.active.set({ version: joined.run.version }, 0);
    await joined.channel.close();
    this.logger.log(`left shadow run ${joined.run.runId} (${why}); candidate freed`);
  }

  private async subscribe(channel: ConfirmChannel, run: ShadowRun): Promise<void> {
    // A re-subscription after the run ended would re-create a queue nobody deletes: check first.
    if ((await this.runs.active())?.runId !== run.runId) {
      void this.check();
      return;
    }
    await assertShadowQueue(channel, this.names, run.queueMaxLength);
    await channel.prefetch(this.options.prefetch, false);
    await channel.consume(this.names.shadowQueue, (message) =>
      message ? void this.handle(channel, message, run) : void this.onCancelled(channel, run),
    );
    this.logger.log(
      `consuming ${this.names.shadowQueue} for run ${run.runId} (prefetch ${this.options.prefetch})`,
    );
  }

  private async handle(channel: ConfirmChannel, message: ConsumeMessage, run: ShadowRun) {
    const candidate = this.joined?.run.runId === run.runId ? this.joined.candidate : undefined;
    if (!candidate) return tryAck(channel, message);
    try {
      const outcome = await this.evaluator.evaluate(message.content, run, candidate);
      if (outcome.kind === 'dead-letter') return await this.deadLetter(channel, message, outcome);
      tryAck(channel, message);
      if (outcome.kind === 'stored' && outcome.count === run.max) {
        this.reachedMax = { runId: run.runId, at: Date.now() };
        await this.check();
      }
    } catch (error) {
      this.fail('store', `shadow copy not evaluated: ${(error as Error).message}`);
      tryNack(channel, message);
    }
  }

  private async deadLetter(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    { reason }: { reason: string },
  ): Promise<void> {
    try {
      await publishDeadLetter(channel, message, reason, this.names, this.names.shadowQueue);
      this.metrics.failures.inc({ reason: 'dead_letter' });
      this.logger.warn(`dead-lettered a shadow copy: ${reason}`);
      tryAck(channel, message);
    } catch (error) {
      this.fail('dead_letter', `cannot dead-letter a shadow copy (${reason}): ${String(error)}`);
      tryNack(channel, message);
    }
  }

  /** The run reached its max here: finish it (one predictor wins) and delete the queue. */
  private async finish(run: ShadowRun): Promise<void> {
    try {
      const stopped = await this.runs.stop(this.actor, `reached --max ${run.max}`, run.runId);
      if (stopped) {
        const { report } = stopped;
        this.metrics.agreement.set({ version: run.version }, report.agreement);
        this.logger.log(
          `shadow run ${run.runId} finished (reached --max ${run.max}): ${report.agreed}/` +
            `${report.compared} agree with ${run.liveVersion}, report written to ${run.version}`,
        );
        await this.deleteQueue();
      }
    } catch (error) {
      this.fail('finish', `cannot finish shadow run ${run.runId}: ${(error as Error).message}`);
    }
  }

  private async deleteQueue(): Promise<void> {
    const wrapper = this.connection.createChannel({ name: 'shadow-cleanup', json: false });
    try {
      await wrapper.addSetup((raw: ConfirmChannel) => raw.deleteQueue(this.names.shadowQueue));
    } catch (error) {
      this.fail('finish', `cannot delete the shadow queue: ${(error as Error).message}`);
    } finally {
      await wrapper.close().catch(() => undefined);
    }
  }

  /** The broker cancelled the consumer (the queue was deleted): re-check, re-subscribe if still on. */
  private async onCancelled(channel: ConfirmChannel, run: ShadowRun): Promise<void> {
    this.logger.warn(`the broker cancelled the shadow consumer of run ${run.runId}`);
    await this.check();
    if (this.joined?.run.runId === run.runId) channel.close().catch(() => undefined);
  }

  private fail(reason: string, message: string): void {
    this.metrics.failures.inc({ reason });
    this.failure = { reason, message, at: new Date().toISOString() };
    this.logger.warn(message);
  }
}

function tryAck(channel: ConfirmChannel, message: ConsumeMessage): void {
  try {
    channel.ack(message);
  } catch {
    // channel closed: the broker hands the copy to another consumer
  }
}

function tryNack(channel: ConfirmChannel, message: ConsumeMessage): void {
  try {
    channel.nack(message, false, false); // no DLX on the shadow queue: the copy is dropped
  } catch {
    // channel closed
  }
}
