import {
  BadRequestException,
  BeforeApplicationShutdown,
  HttpException,
  HttpStatus,
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import {
  AcceptedPredictionView,
  FeedbackDto,
  PredictionLookupView,
  PredictionStatus,
  PredictionView,
} from '@sibyl/contracts';
import { ConcurrencyLimiter } from '@sibyl/auth';
import { LANGUAGES } from '@sibyl/model';
import { DatabaseUnavailableError, PredictionRecord } from '@sibyl/persistence';
import { randomUUID } from 'node:crypto';
import { OutboxDispatcher } from '../outbox/outbox.dispatcher';
import { toPredictionRequest } from '../outbox/prediction-request';
import { FeedbackRecorder } from '../model-accuracy/feedback.recorder';
import { DatabaseClock } from '../records/database.clock';
import { DatabaseDeadline, twoDatabaseBoundsMs } from '../records/database-deadline';
import {
  isVisibleTo,
  newPredictionRecord,
  PredictionStore,
  RequestSnapshot,
} from '../records/prediction.store';
import { WriteCoalescer } from '../records/write-coalescer';
import { CompletionsService } from '../completions/completions.service';
import {
  INSERT_MAX_CONCURRENT,
  INSERT_DRAIN_UNBOUNDED_DB_MS,
  PREDICTIONS_OPTIONS,
  PredictionsOptions,
} from './predictions.constants';
import { PredictionsMetrics } from './predictions.metrics';
import { toPredictionView, toQueuedView } from './prediction-view';

/**
 * Accepting and reading prediction requests.
 *
 * Submit = store first (grouped with concurrent submissions into one insertMany), answer,
 * then publish the group with broker confirms in the background; the stored document is the outbox
 * entry, so a request accepted with 202 is never lost even if publishing fails.
 */
@Injectable()
export class PredictionsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PredictionsService.name);
  private readonly inserts: WriteCoalescer<PredictionRecord>;
  private readonly longPolls: ConcurrencyLimiter;

  constructor(
    private readonly store: PredictionStore,
    private readonly dispatcher: OutboxDispatcher,
    private readonly metrics: PredictionsMetrics,
    @Inject(PREDICTIONS_OPTIONS) private readonly options: PredictionsOptions,
    private readonly clock: DatabaseClock,
    private readonly feedbackRecorder: FeedbackRecorder,
    private readonly completions: CompletionsService,
    private readonly deadline: DatabaseDeadline,
  ) {
    // One insert group = one insertMany, then one publish group with one confirm wait.
    this.inserts = new WriteCoalescer(
      async (records) => {
        await store.insertMany(records);
        void dispatcher.dispatch(records.map((record) => toPredictionRequest(record)));
      },
      {
        maxItems: options.insertBatchMax,
        maxWaitMs: options.insertBatchWaitMs,
        maxConcurrent: INSERT_MAX_CONCURRENT,
      },
    );
    this.longPolls = new ConcurrencyLimiter(options.maxLongPollsPerKey);
  }

  /**
   * Stores one `queued` request per text, owned by `owner` (the submitting key's id; undefined
   * with AUTH=off), then publishes them without waiting for the confirms. Rejects (→ 503 with
   * `Retry-After`) when the outbox backlog is over its bound, and whenever the requests could not
   * be stored, whatever the database error: the client must be able to tell that nothing was
   * accepted.
   */
  async submit(texts: readonly string[], owner?: string): Promise<AcceptedPredictionView[]> {
    this.dispatcher.assertAccepting();
    const submittedAt = this.clock.now(); // one clock for every gateway: the outbox sweep's cursor compares them
    const records = texts.map((text) =>
      newPredictionRecord(randomUUID(), text, submittedAt, owner),
    );
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
    return records.map((record) => ({ trackingId: record._id, status: PredictionStatus.Queued }));
  }

  /**
   * The request's current state; with `waitMs` > 0, waits (capped) until it is finished. Another
   * owner's request is answered like an unknown one (404). At most MAX_LONG_POLLS_PER_KEY waits
   * per owner at once (more: 429). The wait ends when the predictor's completion announcement
   * arrives (see CompletionsService), not on a database poll.
   */
  async find(id: string, waitMs = 0, owner?: string): Promise<PredictionView> {
    const [result, request] =
      owner === undefined
        ? [await this.store.findResult(id), undefined]
        : await Promise.all([this.store.findResult(id), this.store.findRequest(id)]);
    if (request === null || (request && !isVisibleTo(request, owner))) throw notFound(id);
    if (result) return toPredictionView(result);
    const pending = request ?? (await this.store.findRequest(id));
    if (!pending) throw notFound(id);
    if (waitMs <= 0) return toQueuedView(pending);
    return this.waitFor(pending, Math.min(waitMs, this.options.maxWaitMs), owner);
  }

  private async waitFor(
    request: RequestSnapshot,
    waitMs: number,
    owner: string | undefined,
  ): Promise<PredictionView> {
    const release = this.longPolls.tryAcquire(owner ?? '');
    if (!release) {
      throw new HttpException(
        `too many concurrent long polls for this API key (MAX_LONG_POLLS_PER_KEY=${this.options.maxLongPollsPerKey}); wait for one to finish`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    try {
      const finished = await this.completions.wait(request._id, waitMs);
      return finished ? toPredictionView(finished) : toQueuedView(request);
    } finally {
      release();
    }
  }

  /**
   * Many predictions at once, in the order asked (repeated ids once), and the ids unknown to
   * `owner` (never submitted, or submitted by another key).
   */
  async lookup(ids: readonly string[], owner?: string): Promise<PredictionLookupView> {
    const unique = [...new Set(ids)];
    const { results, requests } =
      owner === undefined
        ? await this.store.findMany(unique)
        : await this.store.findOwned(unique, owner);
    const views = new Map<string, PredictionView>();
    for (const result of results) views.set(result._id, toPredictionView(result));
    for (const request of requests) views.set(request._id, toQueuedView(request));
    return {
      items: unique.flatMap((id) => views.get(id) ?? []),
      unknown: unique.filter((id) => !views.has(id)),
    };
  }

  /**
   * Records what the language really was; the prediction must be done and `owner`'s. The feedback
   * is stored on the result, then counted against the model version that produced it (live accuracy).
   */
  async giveFeedback(id: string, feedback: FeedbackDto, owner?: string): Promise<void> {
    if (!Object.hasOwn(LANGUAGES, feedback.language)) {
      throw new BadRequestException(
        `language must be one of the supported codes (${Object.keys(LANGUAGES).join(', ')})`,
      );
    }
    const stored = { language: feedback.language, comment: feedback.comment, at: new Date() };
    const outcome = await this.store.setFeedback(id, stored, owner);
    if (outcome.status !== 'saved') {
      throw outcome.status === 'not_found'
        ? notFound(id)
        : new ConflictException('feedback is accepted only once the prediction is done');
    }
    const text = await this.store.findText(id);
    if (text === null) throw notFound(id);
    await this.feedbackRecorder.record(outcome.result, stored, text, owner);
  }

  /**
   * Stores what is still waiting and waits for its publishes (the long polls end with
   * CompletionsService). The inserts get two database bounds (a write in flight, then the group
   * behind it); past that the shutdown goes on and logs what it left unsettled.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const boundMs = twoDatabaseBoundsMs(this.deadline.timeoutMs, INSERT_DRAIN_UNBOUNDED_DB_MS);
    if (!(await this.inserts.drain(boundMs))) {
      this.logger.error(
        `shutdown: ${this.inserts.unsettled} prediction request(s) still being stored after ${boundMs} ms; not waiting longer (their submitters get no answer)`,
      );
    }
    await this.dispatcher.drain();
  }
}

/** The one answer for an unknown id and another key's id alike. */
function notFound(id: string): NotFoundException {
  return new NotFoundException(`no prediction with trackingId ${id}`);
}
