import { Inject, Injectable, Optional } from '@nestjs/common';
import { PredictionRequestedV1, PredictionStatus } from '@sibyl/contracts';
import { languageNames, type LanguagePrediction } from '@sibyl/model';
import {
  MicroBatcher,
  MicroBatcherClosedError,
  type MicroBatcherOptions,
} from '../batching/micro-batcher';
import { CompletionAnnouncer } from '../completions/completion.announcer';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import type { LanguageModel } from '../model/model.constants';
import { ServingModel } from '../model/serving-model';
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
 * Classifies prediction requests in micro-batches and stores the results, pipelined: a batch is classified
 * (`prepareBatch`, synchronous — the model never changes within a batch) while the previous one is being
 * written (`commitBatch`), with at most BATCH_WRITES_IN_FLIGHT writes at once.
 *
 * Each request's promise settles only once its batch is durably written: with `ack` for a stored result,
 * `dead-letter` for a text the model cannot process (stored as `failed`), `requeue` when the write failed for
 * another reason than an unreachable database (an outage is waited out by the {@link StorageOutage}, which
 * pauses consumption meanwhile). One bad text never fails the others of its batch. Once a batch is
 * stored, its completions are announced to the gateways (best-effort, never delaying the acks).
 */
@Injectable()
export class PredictionService {
  private readonly batcher: MicroBatcher<PredictionRequestedV1, MessageDisposition, ResultEntry[]>;

  constructor(
    private readonly serving: ServingModel,
    private readonly writer: ResultWriter,
    private readonly metrics: PredictorMetrics,
    @Inject(BATCHING_OPTIONS) options: MicroBatcherOptions,
    private readonly outage: StorageOutage,
    @Optional() private readonly completions?: CompletionAnnouncer,
  ) {
    this.batcher = new MicroBatcher(
      {
        prepare: (messages) => this.prepareBatch(messages),
        commit: (entries, messages) => this.commitBatch(messages, entries),
      },
      {
        ...options,
        onBatchClosed: (size, waitedMs) => {
          this.metrics.batchWait.observe(waitedMs / 1000);
          options.onBatchClosed?.(size, waitedMs);
        },
      },
    );
    metrics.trackBatching({
      writesInFlight: () => this.batcher.commitsInFlight,
      backlog: () => this.batcher.pending,
      targetSize: () => this.batcher.sizing().size,
      targetWaitSeconds: () => this.batcher.sizing().waitMs / 1000,
    });
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
   * Shutdown: the batches in the pipeline (being written, or classified and waiting for the writer) are written
   * and their messages acked, the open batch too if the pipeline has room, and messages that cannot start now
   * are handed back to the broker for another predictor.
   */
  drain(): Promise<void> {
    this.outage.stop();
    return this.batcher.drain();
  }

  /**
   * Classifies a batch (synchronously: one model, read once, for the whole batch) into the result entries to
   * store. The batcher runs it for the next batch while the previous batch is being written. The model is the
   * one served when the batch starts (a hot swap takes effect between batches), and its version is recorded.
   */
  prepareBatch(messages: readonly PredictionRequestedV1[]): ResultEntry[] {
    this.metrics.batchSize.observe(messages.length);
    const { model, version: modelVersion } = this.serving.forBatch();
    const predictions = this.classify(
      model,
      messages.map((message) => message.text),
    );
    return messages.map((message, index): ResultEntry => {
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
  }

  /**
   * Stores a classified batch with one bulk write (waiting out a database outage) and returns one disposition
   * per message: only now may its messages be acked.
   */
  async commitBatch(
    messages: readonly PredictionRequestedV1[],
    entries: readonly ResultEntry[],
  ): Promise<MessageDisposition[]> {
    const completedAt = new Date();
    const stopWrite = this.metrics.writeDuration.startTimer();
    const summary = await this.outage
      .writeUntilStored(() => this.writer.write(entries, completedAt))
      .finally(stopWrite);
    this.record(messages, entries, summary, completedAt);
    this.completions?.announce(messages, entries, summary.written, completedAt);
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
  private classify(model: LanguageModel, texts: string[]): Array<LanguagePrediction | Error> {
    const stop = this.metrics.predictDuration.startTimer();
    try {
      const predictions = model.predictMany(texts);
      if (predictions.length !== texts.length) {
        throw new Error(
          `predictMany returned ${predictions.length} predictions for ${texts.length} texts`,
        );
      }
      return predictions;
    } catch {
      return texts.map((text) => {
        try {
          return model.predict(text);
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
