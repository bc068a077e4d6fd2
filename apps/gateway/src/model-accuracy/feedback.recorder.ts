import { Injectable, Logger } from '@nestjs/common';
import { UNDETERMINED } from '@sibyl/model';
import {
  DatabaseUnavailableError,
  FeedbackLog,
  PredictionResultRecord,
  StoredFeedback,
  UNKNOWN_MODEL_VERSION,
} from '@sibyl/persistence';
import { ModelAccuracyMetrics } from './model-accuracy.metrics';

/**
 * Counts verified feedback against the model version that produced the result: one document per
 * request in `feedback` (what live accuracy and `models export-feedback` read) and
 * `sibyl_feedback_total{model_version, predicted, actual}`.
 */
@Injectable()
export class FeedbackRecorder {
  private readonly logger = new Logger(FeedbackRecorder.name);

  constructor(
    private readonly log: FeedbackLog,
    private readonly metrics: ModelAccuracyMetrics,
  ) {}

  /**
   * Records feedback already stored on its (done) result. Idempotent: a retry after a failure
   * replaces the same document.
   * @throws DatabaseUnavailableError when the feedback could not be stored (the client retries)
   */
  async record(
    result: PredictionResultRecord,
    feedback: StoredFeedback,
    text: string,
    owner?: string,
  ): Promise<void> {
    const entry = {
      _id: result._id,
      modelVersion: result.modelVersion ?? UNKNOWN_MODEL_VERSION,
      predicted: result.language ?? UNDETERMINED,
      actual: feedback.language,
      at: feedback.at,
      text,
      ...(owner === undefined ? {} : { owner }),
    };
    try {
      await this.log.record(entry);
    } catch (error) {
      this.metrics.feedbackFailures.inc();
      this.logger.warn(`feedback on ${result._id} not recorded: ${(error as Error).message}`);
      throw new DatabaseUnavailableError(`recording feedback failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.metrics.countFeedback(entry);
  }
}
