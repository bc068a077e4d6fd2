import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { PredictionRequestedV1, PredictionStatus } from '@sibyl/contracts';
import { languageNames, type LanguagePrediction } from '@sibyl/model';
import {
  MicroBatcher,
  MicroBatcherClosedError,
  type MicroBatcherOptions,
} from '../batching/micro-batcher';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import { LANGUAGE_MODEL, type LanguageModel } from '../model/model.constants';
import {
  PredictionResultFields,
  ResultEntry,
  ResultWriter,
  type ResultWriteSummary,
} from '../results/result.writer';
import { ACK, deadLetter, MessageDisposition, requeue } from '../transport/message-disposition';
import { BATCHING_OPTIONS } from './prediction.constants';
import { StorageOutage } from './storage-outage';

/**
 * Classifies prediction requests in micro-batches and stores the results.
 *
 * Each request's promise settles only once its batch is durably written: with `ack` for a stored result,
 * `dead-letter` for a text the model cannot process (stored as `failed`), `requeue` when the write failed for
 * another reason than an unreachable database (an outage is waited out by the {@link StorageOutage}, which
 * pauses consumption meanwhile). One bad text never fails the others of its batch.
 */
@Injectable()
export class PredictionService implements OnModuleInit {
  private readonly batcher: MicroBatcher<PredictionRequestedV1, MessageDisposition>;

  constructor(
    @Inject(LANGUAGE_MODEL) private readonly model: LanguageModel,
    private readonly writer: ResultWriter,
    private readonly metrics: PredictorMetrics,
    @Inject(BATCHING_OPTIONS) options: MicroBatcherOptions,
    private readonly outage: StorageOutage,
  ) {
    this.batcher = new MicroBatcher((batch) => this.processBatch(batch), options);
  }

  /** Publishes the model identity as `sibyl_model_info`. */
  onModuleInit(): void {
    this.metrics.modelInfo.set(
      { version: this.model.info.modelVersion, name: this.model.info.name },
      1,
    );
  }

  /** Queues one request for the next batch; resolves with what to do with its message once it is written. */
  async predict(message: PredictionRequestedV1): Promise<MessageDisposition> {
    try {
      return await this.batcher.add(message);
    } catch (error) {
      if (error instanceof MicroBatcherClosedError) return requeue(error.message);
      return requeue(`storing the result failed: ${(error as Error).message}`);
    }
  }

  /**
   * Shutdown: the batch being written finishes (its messages are acked), the open batch is written at once if
   * the writer is free, and messages that cannot start now are handed back to the broker for another predictor.
   */
  drain(): Promise<void> {
    this.outage.stop();
    return this.batcher.drain();
  }

  /** Classifies a batch, stores every result with one bulk write, and returns one disposition per message. */
  async processBatch(messages: readonly PredictionRequestedV1[]): Promise<MessageDisposition[]> {
    this.metrics.batchSize.observe(messages.length);
    const predictions = this.classify(messages.map((message) => message.text));
    const modelVersion = this.model.info.modelVersion;
    const entries = messages.map((message, index): ResultEntry => {
      const prediction = predictions[index];
      const submittedAt = new Date(message.submittedAt);
      return prediction instanceof Error
        ? {
            trackingId: message.trackingId,
            submittedAt,
            status: PredictionStatus.Failed,
            error: prediction.message,
            modelVersion,
          }
        : {
            trackingId: message.trackingId,
            submittedAt,
            status: PredictionStatus.Done,
            result: resultFields(prediction, modelVersion),
          };
    });
    const completedAt = new Date();
    const stopWrite = this.metrics.writeDuration.startTimer();
    const summary = await this.outage
      .writeUntilStored(() => this.writer.write(entries, completedAt))
      .finally(stopWrite);
    this.record(messages, entries, summary, completedAt);
    return entries.map((entry) =>
      entry.status === PredictionStatus.Failed
        ? deadLetter(`prediction failed: ${entry.error}`, 'prediction_failed')
        : ACK,
    );
  }

  /**
   * Runs the model on the whole batch; if that throws, runs it text by text so that only the texts that
   * really fail get an error.
   */
  private classify(texts: string[]): Array<LanguagePrediction | Error> {
    const stop = this.metrics.predictDuration.startTimer();
    try {
      const predictions = this.model.predictMany(texts);
      if (predictions.length !== texts.length) {
        throw new Error(
          `predictMany returned ${predictions.length} predictions for ${texts.length} texts`,
        );
      }
      return predictions;
    } catch {
      return texts.map((text) => {
        try {
          return this.model.predict(text);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      });
    } finally {
      stop();
    }
  }

  private record(
    messages: readonly PredictionRequestedV1[],
    entries: readonly ResultEntry[],
    summary: ResultWriteSummary,
    completedAt: Date,
  ): void {
    this.metrics.resultsWritten.inc(summary.written.size);
    this.metrics.resultsSkipped.inc(summary.skipped);
    const counted = new Set<string>();
    entries.forEach((entry, index) => {
      if (!summary.written.has(entry.trackingId) || counted.has(entry.trackingId)) return;
      counted.add(entry.trackingId);
      const language = entry.status === PredictionStatus.Done ? entry.result.language : 'none';
      this.metrics.completed.inc({ language, status: entry.status });
      const latencyMs = completedAt.getTime() - Date.parse(messages[index].submittedAt);
      if (latencyMs >= 0) this.metrics.latency.observe(latencyMs / 1000);
    });
  }
}

/** The stored result fields of a prediction (display names resolved, `und` included). */
export function resultFields(
  prediction: LanguagePrediction,
  modelVersion: string,
): PredictionResultFields {
  const names = languageNames(prediction.language);
  return {
    language: prediction.language,
    languageName: names.english,
    nativeName: names.native,
    confidence: prediction.confidence,
    top: prediction.top.map(({ language, score }) => ({ language, score })),
    modelVersion,
  };
}
