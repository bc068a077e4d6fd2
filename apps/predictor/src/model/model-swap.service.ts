import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { PredictorMetrics } from '../metrics/predictor.metrics';
import type { ModelDecoder } from './model-decoder';
import { loadFromFile, loadFromSource, ModelLoadError } from './model.loader';
import type { ModelRef, ModelSource } from './model-source.interface';
import { ServingModel, type ServedModel } from './serving-model';

/** What set off a check of the live version. */
export type SwapTrigger = 'boot' | 'event' | 'recheck';

/** Options of {@link ModelSwapService}. */
export interface ModelSwapOptions {
  /** The model file served when the registry has no live model. */
  modelPath: string;
  /** Period of the re-check of the registry's live version (0 = events only). */
  recheckIntervalMs: number;
  /** Verifies and decodes artifacts (off the event loop in production: `WorkerModelDecoder`). */
  decoder: ModelDecoder;
}

/**
 * Keeps the served model equal to the registry's live version.
 *
 * At boot it loads the live version (or, only when the registry has none, MODEL_PATH, saying so). Afterwards a
 * `model.promoted` event or the periodic re-check reads the live version; when it differs from the served one,
 * the new model is fetched, then verified and decoded beside the old one by the decoder (in a worker thread, so
 * batches keep flowing meanwhile), then {@link ServingModel.replace}d between two batches. A failed load keeps the old model serving: it is logged with its cause, counted in
 * `sibyl_model_load_failures_total{reason}` and shown by the health check until a load succeeds. Checks never
 * overlap: one arriving during a load runs once that load is over (the registry is read again then, so the
 * last promotion wins).
 */
export class ModelSwapService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ModelSwap');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again: SwapTrigger | undefined;
  private registryError: string | undefined;

  private constructor(
    readonly serving: ServingModel,
    private readonly source: ModelSource,
    private readonly metrics: PredictorMetrics,
    private readonly options: ModelSwapOptions,
  ) {
    this.publishInfo(serving.current);
  }

  /**
   * Loads the model to start with: the registry's live version, or MODEL_PATH when the registry has none.
   * @throws when the registry cannot be read or its live model cannot be loaded (the predictor does not start)
   */
  static async boot(
    source: ModelSource,
    metrics: PredictorMetrics,
    options: ModelSwapOptions,
    logger = new Logger('ModelSwap'),
  ): Promise<ModelSwapService> {
    const live = await source.live().catch((error: Error) => {
      throw new Error(`cannot read the live model from the registry: ${error.message}`);
    });
    let initial: ServedModel;
    if (live) {
      initial = await loadFromSource(source, live, { decoder: options.decoder, logger });
    } else {
      logger.warn(
        `the model registry has no live model: serving MODEL_PATH ${options.modelPath} until one is promoted`,
      );
      initial = await loadFromFile(options.modelPath, { decoder: options.decoder, logger });
    }
    return new ModelSwapService(new ServingModel(initial), source, metrics, options);
  }

  /** Starts the periodic re-check. */
  onApplicationBootstrap(): void {
    if (this.options.recheckIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.check('recheck'), this.options.recheckIntervalMs);
    this.timer.unref();
  }

  /** Stops the re-check and the decoder (its worker thread). */
  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.options.decoder.close?.();
  }

  /**
   * Reads the live version and swaps to it when it is not the served one. Never rejects: failures are logged,
   * counted and kept for the health check. Resolves when the check in progress is over.
   */
  check(trigger: SwapTrigger): Promise<void> {
    if (this.running) {
      this.again = trigger;
      return this.running;
    }
    this.running = this.checkOnce(trigger).finally(() => {
      this.running = undefined;
      const next = this.again;
      this.again = undefined;
      if (next) void this.check(next);
    });
    return this.running;
  }

  private async checkOnce(trigger: SwapTrigger): Promise<void> {
    let live: ModelRef | null;
    try {
      live = await this.source.live();
    } catch (error) {
      const message = (error as Error).message;
      if (this.registryError !== message)
        this.logger.warn(
          `cannot read the live model (${trigger}): ${message}; keeping the served one`,
        );
      this.registryError = message;
      return;
    }
    if (this.registryError) this.logger.log('the model registry answers again');
    this.registryError = undefined;
    if (!live) return;
    if (live.version !== this.serving.current.version) return this.swapTo(live, trigger);
    if (this.serving.lastFailure) {
      this.logger.log(
        `the live model is ${live.version} again, which is served: no longer degraded`,
      );
      this.serving.clearFailure();
    }
  }

  private async swapTo(ref: ModelRef, trigger: SwapTrigger): Promise<void> {
    const stop = this.metrics.modelLoadDuration.startTimer();
    let next: ServedModel;
    try {
      next = await loadFromSource(this.source, ref, {
        decoder: this.options.decoder,
        logger: this.logger,
        batches: () => this.serving.batches,
      });
    } catch (error) {
      stop();
      const reason = error instanceof ModelLoadError ? error.reason : 'fetch';
      const message = (error as Error).message;
      this.metrics.modelLoadFailures.inc({ reason });
      this.serving.recordFailure({ version: ref.version, reason, message, at: new Date() });
      this.logger.error(
        `cannot swap to model ${ref.version} (${trigger}): ${message}; ` +
          `${this.serving.current.version} keeps serving`,
      );
      return;
    }
    stop();
    const previous = this.serving.replace(next);
    this.metrics.modelSwaps.inc({ trigger });
    this.publishInfo(next);
    this.logger.log(
      `now serving model ${next.version} (was ${previous.version}, ${trigger}); ` +
        `${next.load?.batchesWhileDecoding ?? 0} batches served with the old one while it was decoded, ` +
        'which is freed once its last batch is written',
    );
  }

  private publishInfo(served: ServedModel): void {
    this.metrics.modelInfo.reset();
    this.metrics.modelInfo.set({ version: served.version, name: served.model.info.name }, 1);
  }
}
