import type { mongo } from 'mongoose';
import { assembleArtifact, splitIntoChunks, type StoredChunk } from '../chunks';
import { ModelNotFoundError, RegistryConflictError, RegistryUsageError } from '../errors';
import { PromotionRefusedError } from '../errors';
import { metricDeltas, promotionGate } from '../gate';
import type { AddModelMeta, ChangelogEntry, ModelRecord, ShadowReport } from '../model-record';
import {
  CHUNK_BYTES,
  CHUNKS_PER_READ,
  CHUNKS_PER_WRITE,
  DEFAULT_MODEL_NAME,
  DEFAULT_PROMOTION_MAX_ACCURACY_DROP,
  DUPLICATE_KEY,
  MODEL_CHUNKS_COLLECTION,
  MODELS_COLLECTION,
} from '../registry.constants';
import { sha256Hex, versionFromSha256 } from '../version';
import type {
  LiveModelChange,
  ModelChunkDocument,
  PromoteOptions,
  RollbackOptions,
} from './model-registry.types';

/** `_id` of chunk `n` of `version`'s artifact. */
const chunkId = (version: string, n: number): string => `${version}:${n}`;

/** Options of {@link ModelRegistry}. */
export interface ModelRegistryOptions {
  /** Artifact bytes per chunk document (tests use small chunks); default {@link CHUNK_BYTES}. */
  chunkBytes?: number;
}

/**
 * The model registry over a MongoDB (or FerretDB) database: `models` holds one document per
 * content-derived version, `model_chunks` the artifact bytes. Uses no transactions, GridFS or
 * change streams: every state change is a few single-document writes ordered so that a crash
 * between them leaves a readable state (chunks before the record; a promotion marks the new
 * model live before retiring the old one, and {@link live} takes the latest promoted).
 */
export class ModelRegistry {
  private readonly chunkBytes: number;

  constructor(
    private readonly db: mongo.Db,
    options: ModelRegistryOptions = {},
  ) {
    this.chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  }

  private get models(): mongo.Collection<ModelRecord> {
    return this.db.collection<ModelRecord>(MODELS_COLLECTION);
  }

  private get chunks(): mongo.Collection<ModelChunkDocument> {
    return this.db.collection<ModelChunkDocument>(MODEL_CHUNKS_COLLECTION);
  }

  /**
   * Registers an artifact as a `candidate` (with an `added` changelog entry) and returns its
   * record. Idempotent: the same bytes give the same version, and adding them again returns the
   * existing record unchanged (rewriting its chunks, which repairs a damaged copy).
   */
  async add(bytes: Uint8Array, meta: AddModelMeta): Promise<ModelRecord> {
    const sha256 = sha256Hex(bytes);
    const version = versionFromSha256(sha256);
    const pieces = splitIntoChunks(bytes, this.chunkBytes);
    await this.writeChunks(version, pieces);
    const record: ModelRecord = {
      _id: version,
      version,
      name: meta.name ?? DEFAULT_MODEL_NAME,
      sha256,
      size: bytes.byteLength,
      chunks: pieces.length,
      created: new Date(),
      status: 'candidate',
      provenance: meta.provenance,
      metrics: meta.metrics,
      changelog: [
        withoutUndefined({
          at: new Date(),
          action: 'added',
          actor: meta.actor,
          reason: meta.note,
          details: meta.details,
        }),
      ],
    };
    try {
      await this.models.insertOne(record);
      return record;
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      return this.getOrThrow(version);
    }
  }

  /** Every registered model, newest first. */
  async list(): Promise<ModelRecord[]> {
    return this.models.find({}).sort({ created: -1, _id: 1 }).toArray();
  }

  /** The record of a version, or null. */
  async get(version: string): Promise<ModelRecord | null> {
    return this.models.findOne({ _id: version });
  }

  /** The record of a version; throws {@link ModelNotFoundError} when there is none. */
  async getOrThrow(version: string): Promise<ModelRecord> {
    const record = await this.get(version);
    if (!record) throw new ModelNotFoundError(version);
    return record;
  }

  /** The live model (the most recently promoted one marked live), or null when none is. */
  async live(): Promise<ModelRecord | null> {
    const [record] = await this.models
      .find({ status: 'live' })
      .sort({ promotedAt: -1, _id: 1 })
      .limit(1)
      .toArray();
    return record ?? null;
  }

  /**
   * The artifact bytes of a version, reassembled from its chunks and verified against the
   * recorded size and SHA-256. Throws {@link ModelNotFoundError} for an unknown version and
   * {@link ModelChecksumError} when the stored bytes are damaged or incomplete.
   */
  async fetchArtifact(version: string): Promise<Buffer> {
    const record = await this.getOrThrow(version);
    const stored: StoredChunk[] = [];
    for (let first = 0; first < record.chunks; first += CHUNKS_PER_READ) {
      const numbers = Array.from(
        { length: Math.min(CHUNKS_PER_READ, record.chunks - first) },
        (_, offset) => first + offset,
      );
      const found = await Promise.all(
        numbers.map((n) =>
          this.chunks.findOne({ _id: chunkId(version, n) }, { projection: { n: 1, data: 1 } }),
        ),
      );
      for (const chunk of found) if (chunk) stored.push(chunk as unknown as StoredChunk);
    }
    return assembleArtifact(record, stored);
  }

  /**
   * Makes a version live through the promotion gate: refused with {@link PromotionRefusedError}
   * (carrying per-language deltas) when its held-out accuracy is more than `margin` below the
   * live model's, unless `force` (which needs a `reason`). Appends `promoted` (with deltas
   * against the replaced model) to the new model's changelog and `retired` to the old one's.
   */
  async promote(version: string, options: PromoteOptions): Promise<LiveModelChange> {
    if (options.force && !options.reason?.trim()) {
      throw new RegistryUsageError('a forced promotion needs a reason');
    }
    const candidate = await this.getOrThrow(version);
    const current = await this.live();
    if (current?.version === version) {
      throw new RegistryConflictError(`model ${version} is already live`);
    }
    const margin = options.margin ?? DEFAULT_PROMOTION_MAX_ACCURACY_DROP;
    const decision = promotionGate(candidate, current, margin);
    if (!decision.allowed && !options.force) {
      throw new PromotionRefusedError(version, decision.deltas, margin);
    }
    const at = new Date();
    const forced = !decision.allowed;
    const entry = withoutUndefined<ChangelogEntry>({
      at,
      action: 'promoted',
      actor: options.actor,
      reason: options.reason,
      forced,
      deltas: decision.deltas ?? undefined,
      details: { previousVersion: current?.version ?? null, margin },
    });
    const previousVersion = current?.version ?? null;
    await this.models.updateOne(
      { _id: version },
      {
        $set: { status: 'live', promotedAt: at, previousLive: previousVersion },
        $push: { changelog: entry },
      },
    );
    await this.retireOthers(version, at, options.actor, `replaced by ${version}`);
    const record = await this.getOrThrow(version);
    return { action: 'promote', record, previousVersion, deltas: decision.deltas, forced, at };
  }

  /**
   * Returns to the model that was live before the current one (no gate: it was live already).
   * Appends `rolled-back` (with deltas against the model left) to the restored model and
   * `retired` to the other. Throws {@link RegistryConflictError} when nothing is live or the
   * live model replaced none.
   */
  async rollback(options: RollbackOptions): Promise<LiveModelChange> {
    const current = await this.live();
    if (!current) throw new RegistryConflictError('nothing to roll back: no model is live');
    if (!current.previousLive) {
      throw new RegistryConflictError(
        `nothing to roll back to: ${current.version} replaced no model`,
      );
    }
    const target = await this.getOrThrow(current.previousLive);
    const at = new Date();
    const deltas = metricDeltas(target.metrics, current.metrics, current.version);
    const entry = withoutUndefined<ChangelogEntry>({
      at,
      action: 'rolled-back',
      actor: options.actor,
      reason: options.reason,
      deltas,
      details: { previousVersion: current.version },
    });
    // previousLive is kept, so that rolling back again goes one model further back.
    await this.models.updateOne(
      { _id: target.version },
      { $set: { status: 'live', promotedAt: at }, $push: { changelog: entry } },
    );
    await this.retireOthers(target.version, at, options.actor, `rolled back to ${target.version}`);
    const record = await this.getOrThrow(target.version);
    return {
      action: 'rollback',
      record,
      previousVersion: current.version,
      deltas,
      forced: false,
      at,
    };
  }

  /** Appends an entry to a version's changelog; throws {@link ModelNotFoundError} if unknown. */
  async appendChangelog(version: string, entry: ChangelogEntry): Promise<void> {
    const result = await this.models.updateOne(
      { _id: version },
      { $push: { changelog: withoutUndefined(entry) } },
    );
    if (result.matchedCount === 0) throw new ModelNotFoundError(version);
  }

  /** Stores a version's shadow report and appends a `shadow` changelog entry. */
  async setShadowReport(version: string, report: ShadowReport, actor: string): Promise<void> {
    const entry = withoutUndefined<ChangelogEntry>({
      at: new Date(),
      action: 'shadow',
      actor,
      reason: report.stopReason,
      details: withoutUndefined({
        live: report.liveVersion,
        runId: report.runId,
        predictions: report.predictions,
        compared: report.compared,
        agreement: report.agreement,
        unmatched: report.unmatched,
      }),
    });
    const result = await this.models.updateOne(
      { _id: version },
      { $set: { shadow: report }, $push: { changelog: entry } },
    );
    if (result.matchedCount === 0) throw new ModelNotFoundError(version);
  }

  /** Writes chunk documents (upserts, so that adding the same bytes again is harmless). */
  private async writeChunks(version: string, pieces: Buffer[]): Promise<void> {
    for (let first = 0; first < pieces.length; first += CHUNKS_PER_WRITE) {
      const batch = pieces.slice(first, first + CHUNKS_PER_WRITE);
      await this.chunks.bulkWrite(
        batch.map((data, offset) => {
          const n = first + offset;
          const _id = chunkId(version, n);
          return {
            replaceOne: { filter: { _id }, replacement: { _id, version, n, data }, upsert: true },
          };
        }),
        { ordered: true },
      );
    }
  }

  /** Retires every other live model promoted before `at`, with a `retired` changelog entry. */
  private async retireOthers(
    version: string,
    at: Date,
    actor: string,
    reason: string,
  ): Promise<void> {
    const others = await this.models
      .find({ status: 'live', _id: { $ne: version }, promotedAt: { $lte: at } })
      .project<{ _id: string }>({ _id: 1 })
      .toArray();
    for (const other of others) {
      const entry: ChangelogEntry = { at, action: 'retired', actor, reason };
      await this.models.updateOne(
        { _id: other._id, status: 'live' },
        { $set: { status: 'retired' }, $push: { changelog: entry } },
      );
    }
  }
}

/** A copy without undefined fields (the driver would store them as null). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
