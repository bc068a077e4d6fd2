import { Injectable } from '@nestjs/common';
import type { AccuracyWindowView, ModelAccuracyView } from '@sibyl/contracts';
import { FeedbackLog } from '@sibyl/persistence';
import { accuracyWindow } from './accuracy-window';
import {
  DAY_WINDOW_MAX_ITEMS,
  DAY_WINDOW_MS,
  LONG_WINDOW_ITEMS,
  SHORT_WINDOW_ITEMS,
} from './model-accuracy.constants';

/**
 * Live accuracy of a model version from verified feedback, over the last 100 and 1000 items and
 * the last 24 h. Reads the newest feedback documents of the version (two sorted, limited queries
 * with a projection) and computes in code: no aggregation, which FerretDB 1.24 barely has.
 */
@Injectable()
export class ModelAccuracyService {
  constructor(private readonly log: FeedbackLog) {}

  /** The accuracy windows of `modelVersion` as of `now` (every window empty without feedback). */
  async report(modelVersion: string, now = new Date()): Promise<ModelAccuracyView> {
    return {
      modelVersion,
      generatedAt: now.toISOString(),
      windows: await this.windows(modelVersion, now),
    };
  }

  /** The three windows of `modelVersion`. */
  async windows(modelVersion: string, now = new Date()): Promise<AccuracyWindowView[]> {
    const since = new Date(now.getTime() - DAY_WINDOW_MS);
    const [latest, day] = await Promise.all([
      this.log.recent(modelVersion, LONG_WINDOW_ITEMS),
      this.log.recent(modelVersion, DAY_WINDOW_MAX_ITEMS, since),
    ]);
    return [
      accuracyWindow('last_100', latest.slice(0, SHORT_WINDOW_ITEMS)),
      accuracyWindow('last_1000', latest),
      accuracyWindow('last_24h', day, day.length >= DAY_WINDOW_MAX_ITEMS),
    ];
  }
}
