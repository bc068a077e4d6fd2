import { createHttpClient, HttpClient } from '../http/http-client';
import { runArrivalSchedule } from '../scheduler/arrival-scheduler';
import { systemClock } from '../scheduler/clock';
import { LabelledText, shuffledOrder } from '../texts/labelled-texts';
import { PredictionSubmitter } from './prediction-submitter';
import { SubmissionLog } from './submission-log';

/** Arrivals beyond this many unanswered requests are dropped (and counted) by the generator. */
const MAX_IN_FLIGHT = 2_000;
/** Per-request timeout: a blackholed gateway must not hold the generator forever. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Long enough for any scenario; the driver is stopped explicitly. */
const OPEN_ENDED_MS = 24 * 3600_000;

/**
 * Open-model load on one or more gateways (round-robin), with the load tool's scheduler and
 * submitter: arrivals keep coming whatever the answers, and every accepted id lands in one
 * {@link SubmissionLog}. Used by the chaos tool and the model swap bench.
 */
export class LoadDriver {
  readonly log = new SubmissionLog();
  private readonly clients: HttpClient[];
  private readonly submitters: PredictionSubmitter[];
  private stopped = false;
  private running?: Promise<void>;

  constructor(
    gatewayUrls: string[],
    texts: readonly LabelledText[],
    private readonly ratePerSecond: number,
    apiKey?: string,
  ) {
    const order = shuffledOrder(texts.length, 1);
    this.clients = gatewayUrls.map((baseUrl) =>
      createHttpClient({ baseUrl, maxSockets: 64, timeoutMs: REQUEST_TIMEOUT_MS, apiKey }),
    );
    this.submitters = this.clients.map(
      (client) => new PredictionSubmitter(client, texts, order, { submitBatch: 1 }, this.log),
    );
  }

  /** Starts sending; {@link stop} ends it. */
  start(): void {
    const pending = new Set<Promise<void>>();
    this.running = runArrivalSchedule(
      { ratePerSecond: this.ratePerSecond, durationMs: OPEN_ENDED_MS },
      systemClock,
      ({ index }) => {
        if (this.log.inFlight >= MAX_IN_FLIGHT) {
          this.log.clientDropped++;
          return;
        }
        const submitter = this.submitters[index % this.submitters.length];
        const p = submitter.submit(index).finally(() => pending.delete(p));
        pending.add(p);
      },
      () => this.stopped,
    ).then(() => Promise.all(pending).then(() => undefined));
  }

  /** Stops scheduling and resolves once every sent request is answered. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Non-202 answers by status or error kind. */
  errors(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.log.statusCountsObject()).filter(([status]) => status !== '202'),
    );
  }

  /** Closes the keep-alive sockets. */
  close(): void {
    for (const client of this.clients) client.close();
  }
}
