import {
  BadRequestException,
  BeforeApplicationShutdown,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import {
  AcceptedPredictionView,
  FeedbackDto,
  PredictionLookupView,
  PredictionStatus,
  PredictionView,
} from '@sibyl/contracts';
import { LANGUAGES } from '@sibyl/model';
import { DatabaseUnavailableError, PredictionRecord } from '@sibyl/persistence';
import { randomUUID } from 'node:crypto';
import { OutboxDispatcher } from '../outbox/outbox.dispatcher';
import { toPredictionRequest } from '../outbox/prediction-request';
import { DatabaseClock } from '../records/database.clock';
import { newPredictionRecord, PredictionStore } from '../records/prediction.store';
import { WriteCoalescer } from '../records/write-coalescer';
import { CompletionWatcher } from './completion.watcher';
import {
  INSERT_MAX_CONCURRENT,
  PREDICTIONS_OPTIONS,
  PredictionsOptions,
} from './predictions.constants';
import { PredictionsMetrics } from './predictions.metrics';
import { toPredictionView, toQueuedView } from './prediction-view';

/**
 * Accepting and reading prediction requests.
 *
 * Submit = store first (grouped with concurrent submissions into one insertMany), answer,
 * then publish with a broker confirm in the background; the stored document is the outbox
 * entry, so a request accepted with 202 is never lost even if publishing fails.
 */
@Injectable()
export class PredictionsService implements BeforeApplicationShutdown {
  private readonly inserts: WriteCoalescer<PredictionRecord>;
  private readonly watcher: CompletionWatcher;

  constructor(
    private readonly store: PredictionStore,
    private readonly dispatcher: OutboxDispatcher,
    private readonly metrics: PredictionsMetrics,
    @Inject(PREDICTIONS_OPTIONS) private readonly options: PredictionsOptions,
    private readonly clock: DatabaseClock,
  ) {
    this.inserts = new WriteCoalescer((records) => store.insertMany(records), {
      maxItems: options.insertBatchMax,
      maxWaitMs: options.insertBatchWaitMs,
      maxConcurrent: INSERT_MAX_CONCURRENT,
    });
    this.watcher = new CompletionWatcher((ids) => store.findResults(ids));
  }

  /**
   * Stores one `queued` request per text, then publishes them without waiting for the
   * confirms. Rejects (→ 503 with `Retry-After`) when the outbox backlog is over its bound,
   * and whenever the requests could not be stored, whatever the database error: the client
   * must be able to tell that nothing was accepted.
   */
  async submit(texts: readonly string[]): Promise<AcceptedPredictionView[]> {
    this.dispatcher.assertAccepting();
    const submittedAt = this.clock.now(); // one clock for every gateway: the outbox sweep's cursor compares them
    const records = texts.map((text) => newPredictionRecord(randomUUID(), text, submittedAt));
    try {
      await this.inserts.add(records);
    } catch (error) {
      throw error instanceof DatabaseUnavailableError
        ? error
        : new DatabaseUnavailableError(`storing the request failed: ${(error as Error).message}`, {
            cause: error,
          });
    }
    this.metrics.accepted.inc(records.length);
    void this.dispatcher.dispatch(records.map((record) => toPredictionRequest(record)));
    return records.map((record) => ({ trackingId: record._id, status: PredictionStatus.Queued }));
  }

  /** The request's current state; with `waitMs` > 0, waits (capped) until it is finished. */
  async find(id: string, waitMs = 0): Promise<PredictionView> {
    const result = await this.store.findResult(id);
    if (result) return toPredictionView(result);
    const request = await this.store.findRequest(id);
    if (!request) throw new NotFoundException(`no prediction with trackingId ${id}`);
    if (waitMs <= 0) return toQueuedView(request);
    const finished = await this.watcher.wait(id, Math.min(waitMs, this.options.maxWaitMs));
    return finished ? toPredictionView(finished) : toQueuedView(request);
  }

  /** Many predictions at once, in the order asked (repeated ids once), and the ids nobody submitted. */
  async lookup(ids: readonly string[]): Promise<PredictionLookupView> {
    const unique = [...new Set(ids)];
    const { results, requests } = await this.store.findMany(unique);
    const views = new Map<string, PredictionView>();
    for (const result of results) views.set(result._id, toPredictionView(result));
    for (const request of requests) views.set(request._id, toQueuedView(request));
    return {
      items: unique.flatMap((id) => views.get(id) ?? []),
      unknown: unique.filter((id) => !views.has(id)),
    };
  }

  /** Records what the language really was; the prediction must be done. */
  async giveFeedback(id: string, feedback: FeedbackDto): Promise<void> {
    if (!Object.hasOwn(LANGUAGES, feedback.language)) {
      throw new BadRequestException(
        `language must be one of the supported codes (${Object.keys(LANGUAGES).join(', ')})`,
      );
    }
    const outcome = await this.store.setFeedback(id, {
      language: feedback.language,
      comment: feedback.comment,
      at: new Date(),
    });
    if (outcome === 'not_found') throw new NotFoundException(`no prediction with trackingId ${id}`);
    if (outcome === 'not_done')
      throw new ConflictException('feedback is accepted only once the prediction is done');
  }

  /** Stores what is still waiting, waits for its publishes, and releases long-polling readers. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.inserts.drain();
    await this.dispatcher.drain();
    this.watcher.close();
  }
}
