import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { modelPromotedProperties, PredictionPublisher } from '@sibyl/amqp';
import type { VerifiedKey } from '@sibyl/auth';
import { encodeModelPromotedV1 } from '@sibyl/contracts';
import {
  modelPromotedEvent,
  ModelRegistry,
  type LiveModelChange,
  type ModelRecord,
  unannouncedChangeMessage,
} from '@sibyl/registry';
import type { Connection } from 'mongoose';
import {
  MODEL_EVENT_CONFIRM_TIMEOUT_MS,
  MODELS_OPTIONS,
  type ModelsOptions,
} from './models.constants';
import { ModelsMetrics } from './models.metrics';
import { registryHttpError } from './registry-http-errors';

/** A promotion or rollback, and whether its event reached the broker. */
export interface LiveModelChangeView extends LiveModelChange {
  /** True when the broker confirmed `model.promoted.v1`. */
  announced: boolean;
  /** Why it was not (predictors then switch at their periodic live-model check). */
  announceError?: string;
  /** When it was not: that the change stands and predictors pick it up within MODEL_RECHECK_INTERVAL_MS. */
  warning?: string;
}

/** The registry behind `/v1/models`: reads, promotions through the gate, rollbacks. */
@Injectable()
export class ModelsService {
  private readonly logger = new Logger(ModelsService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly publisher: PredictionPublisher,
    @Inject(MODELS_OPTIONS) private readonly options: ModelsOptions,
    private readonly metrics: ModelsMetrics,
  ) {}

  /** Every version, newest first. */
  list(): Promise<ModelRecord[]> {
    return this.call((registry) => registry.list());
  }

  /** One version (404 when unknown). */
  get(version: string): Promise<ModelRecord> {
    return this.call((registry) => registry.getOrThrow(version));
  }

  /** Promotes through the gate (409 with deltas when refused), then announces it. */
  async promote(
    version: string,
    body: { force?: boolean; reason?: string },
    key: VerifiedKey,
  ): Promise<LiveModelChangeView> {
    const change = await this.call((registry) =>
      registry.promote(version, { ...body, actor: actorOf(key), margin: this.options.margin }),
    );
    return this.announce(change);
  }

  /** Rolls back to the previous live model (409 when there is none), then announces it. */
  async rollback(body: { reason?: string }, key: VerifiedKey): Promise<LiveModelChangeView> {
    const change = await this.call((registry) =>
      registry.rollback({ actor: actorOf(key), reason: body.reason }),
    );
    return this.announce(change);
  }

  /** Runs a registry operation, mapping registry errors to HTTP answers. */
  private async call<T>(operation: (registry: ModelRegistry) => Promise<T>): Promise<T> {
    const db = this.connection.db;
    if (!db) throw new ServiceUnavailableException('database unavailable; retry later');
    try {
      return await operation(new ModelRegistry(db));
    } catch (error) {
      throw registryHttpError(error);
    }
  }

  /**
   * Publishes `model.promoted.v1` after the database made the change. A failure does not undo
   * it (predictors re-check the live model periodically): it is logged with its cause, counted in
   * `sibyl_model_event_publish_failures_total` and reported in the answer (`announced: false`,
   * `announceError`, `warning`).
   */
  private async announce(change: LiveModelChange): Promise<LiveModelChangeView> {
    const event = modelPromotedEvent(change);
    try {
      await this.publisher.publish(
        this.publisher.names.modelEventsExchange,
        '',
        encodeModelPromotedV1(event),
        modelPromotedProperties(event),
        { timeoutMs: MODEL_EVENT_CONFIRM_TIMEOUT_MS },
      );
      return { ...change, announced: true };
    } catch (error) {
      const reason = (error as Error).message;
      const warning = unannouncedChangeMessage(change, reason);
      this.metrics.eventPublishFailures.inc({ action: change.action });
      this.logger.error(warning);
      return { ...change, announced: false, announceError: reason, warning };
    }
  }
}

/** Who made a change over REST: the API key's name and the start of its id. */
export function actorOf(key: VerifiedKey): string {
  return key.anonymous ? 'anonymous (AUTH=off)' : `key:${key.name} (${key.id.slice(0, 12)})`;
}
