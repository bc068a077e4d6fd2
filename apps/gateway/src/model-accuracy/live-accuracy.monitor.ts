import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import type { AccuracyWindowView } from '@sibyl/contracts';
import { FeedbackLog } from '@sibyl/persistence';
import {
  DAY_WINDOW_MS,
  MAX_GAUGED_VERSIONS,
  MODEL_ACCURACY_OPTIONS,
  ModelAccuracyOptions,
} from './model-accuracy.constants';
import { ModelAccuracyMetrics } from './model-accuracy.metrics';
import { ModelAccuracyService } from './model-accuracy.service';

/**
 * Keeps `sibyl_live_accuracy{model_version, window}` (and the item counts behind it) up to date
 * for the model versions that received feedback in the last 24 h, every LIVE_ACCURACY_INTERVAL_MS,
 * so an alert is a plain comparison. A failed refresh is logged and counted, and the gauges keep
 * their last values.
 */
@Injectable()
export class LiveAccuracyMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveAccuracyMonitor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly log: FeedbackLog,
    private readonly accuracy: ModelAccuracyService,
    private readonly metrics: ModelAccuracyMetrics,
    @Inject(MODEL_ACCURACY_OPTIONS) private readonly options: ModelAccuracyOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.refreshIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.refresh(), this.options.refreshIntervalMs);
    this.timer.unref();
    void this.refresh();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Recomputes every gauge (one refresh at a time; a call during one waits for it). */
  refresh(now = new Date()): Promise<void> {
    this.running ??= this.recompute(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async recompute(now: Date): Promise<void> {
    try {
      const versions = (await this.log.versionsSince(new Date(now.getTime() - DAY_WINDOW_MS)))
        .sort()
        .slice(0, MAX_GAUGED_VERSIONS);
      const reports = await Promise.all(
        versions.map(async (version) => ({
          version,
          windows: await this.accuracy.windows(version, now),
        })),
      );
      this.publish(reports);
    } catch (error) {
      this.metrics.refreshFailures.inc();
      this.logger.warn(`live accuracy not refreshed: ${(error as Error).message}`);
    }
  }

  /** Replaces every gauge at once (no scrape sees a half-updated set). */
  private publish(reports: { version: string; windows: AccuracyWindowView[] }[]): void {
    this.metrics.liveAccuracy.reset();
    this.metrics.liveFeedback.reset();
    this.metrics.latestFeedback.reset();
    for (const { version, windows } of reports) {
      for (const { window, n, accuracy, to } of windows) {
        const labels = { model_version: version, window };
        this.metrics.liveFeedback.set(labels, n);
        if (accuracy !== null) this.metrics.liveAccuracy.set(labels, accuracy);
        if (to !== null)
          this.metrics.latestFeedback.set({ model_version: version }, Date.parse(to) / 1000);
      }
    }
  }
}
