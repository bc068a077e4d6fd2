import { trainTinyModel } from '@sibyl/model/testing';
import { assertModelEventsExchange, publishModelPromoted } from '@sibyl/amqp';
import { MessagingV1 } from '@sibyl/contracts';
import {
  ModelRegistry,
  modelPromotedEvent,
  type LiveModelChange,
  type ModelMetrics,
} from '@sibyl/registry';
import type { ChildApp } from '@sibyl/testing';
import { waitFor } from '@sibyl/testing';
import type { PredictionFixture } from './prediction.fixture';

/** Two genuinely different real models trained in-process (about a second each), and a third. */
export interface TinyArtifacts {
  a: Buffer;
  b: Buffer;
  c: Buffer;
}

/** Trains the three tiny models: plain, with an sv/de pair stage, with an en/de pair stage. */
export async function trainTinyArtifacts(): Promise<TinyArtifacts> {
  const [a, b, c] = await Promise.all([
    trainTinyModel(),
    trainTinyModel({ pairStages: [['sv', 'de']] }),
    trainTinyModel({ pairStages: [['en', 'de']] }),
  ]);
  return { a: a.identifier.toBuffer(), b: b.identifier.toBuffer(), c: c.identifier.toBuffer() };
}

/** Held-out metrics recorded for a tiny model (the gate compares `heldOutAccuracy`). */
function metrics(heldOutAccuracy: number): ModelMetrics {
  return { heldOutAccuracy, macroF1: heldOutAccuracy, perLanguageF1: {} };
}

/** What a predictor's readiness says about its model. */
export interface ModelHealth {
  version: string;
  origin: string;
  degraded?: boolean;
  lastLoadFailure?: { version: string; reason: string; message: string };
  /** How the served model was loaded; `batchesWhileDecoding` only after a swap. */
  load?: {
    fetchMs: number;
    decodeMs: number;
    eventLoopMs: number;
    decodeStartedAt: string;
    batchesWhileDecoding?: number;
  };
  loadedAt: string;
}

/**
 * The model registry of a {@link PredictionFixture}'s database, with promotions and rollbacks announced on the
 * namespace's `model.promoted` exchange as the models CLI does (after the registry says the version is live).
 */
export class RegistryFixture {
  readonly registry: ModelRegistry;

  constructor(private readonly fx: PredictionFixture) {
    this.registry = new ModelRegistry(fx.db.getClient().db(fx.db.name));
  }

  /** Registers an artifact as a candidate with the given held-out accuracy; returns its version. */
  async add(bytes: Buffer, heldOutAccuracy: number): Promise<string> {
    const record = await this.registry.add(bytes, {
      provenance: { corpusHash: 'tiny', options: {}, commit: 'test' },
      metrics: metrics(heldOutAccuracy),
      actor: 'e2e',
      note: 'predictor e2e',
    });
    return record._id;
  }

  /** Promotes (forced, with a reason) and, unless `announce` is false, publishes `model.promoted`. */
  async promote(version: string, announce = true): Promise<void> {
    const change = await this.registry.promote(version, {
      actor: 'e2e',
      force: true,
      reason: 'predictor e2e',
    });
    if (announce) await this.announce(change);
  }

  /** Rolls back to the previous live model and publishes `model.promoted` (action rollback). */
  async rollback(): Promise<void> {
    await this.announce(await this.registry.rollback({ actor: 'e2e', reason: 'predictor e2e' }));
  }

  /** Overwrites the first artifact chunk of a version with other bytes of the same length. */
  async corrupt(version: string): Promise<void> {
    const chunks = this.fx.db.collection('model_chunks');
    const chunk = await chunks.findOne({ version, n: 0 });
    if (!chunk) throw new Error(`no chunk 0 of ${version}`);
    const data = Buffer.from(chunk.data.buffer);
    data[data.length >> 1] ^= 0xff;
    await chunks.updateOne({ _id: chunk._id }, { $set: { data } });
  }

  /** Publishes a raw body (e.g. a malformed event) on the model events exchange, confirmed. */
  async publishRaw(body: Buffer): Promise<void> {
    const { channel, names } = this.fx;
    await assertModelEventsExchange(channel, names);
    channel.publish(names.modelEventsExchange, '', body, {
      persistent: true,
      type: MessagingV1.ModelPromoted,
      contentType: 'application/json',
    });
    await channel.waitForConfirms();
  }

  private announce(change: LiveModelChange): Promise<void> {
    return publishModelPromoted(this.fx.channel, this.fx.names, modelPromotedEvent(change));
  }
}

/** The model part of a predictor's `/health/ready`. */
export async function modelHealth(app: ChildApp): Promise<ModelHealth> {
  const res = await fetch(`${app.url}/health/ready`);
  const body = (await res.json()) as { details: { model: ModelHealth } };
  return body.details.model;
}

/** Waits until every predictor serves `version`; resolves with the time they all did. */
export async function waitServing(
  apps: readonly ChildApp[],
  version: string,
  timeoutMs = 15_000,
): Promise<number> {
  await waitFor(
    async () => (await Promise.all(apps.map(modelHealth))).every((m) => m.version === version),
    { timeoutMs, intervalMs: 50, description: `every predictor to serve ${version}` },
  );
  return Date.now();
}
