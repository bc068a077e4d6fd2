// The registry against the real database (FerretDB, or MongoDB when MONGODB_URI points at one):
// a chunked round-trip of the trained model, checksum refusal, content-derived versions, the
// promotion gate and rollback. Each run uses its own database, dropped at the end.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodeModelPromotedV1, parseModelPromotedV1 } from '@sibyl/contracts';
import { uniqueMongoUri } from '@sibyl/testing';
import mongoose from 'mongoose';
import {
  CHUNK_BYTES,
  MODEL_CHUNKS_COLLECTION,
  ModelChecksumError,
  ModelRegistry,
  PromotionRefusedError,
  RegistryConflictError,
  RegistryUsageError,
  modelPromotedEvent,
  modelVersionOf,
  type AddModelMeta,
  type ModelRecord,
  type ModelMetrics,
} from '../src';

/** The trained model (`npm test` and `npm start` make sure it exists); MODEL_PATH overrides. */
const MODEL_PATH = resolve(
  __dirname,
  '../../..',
  process.env.MODEL_PATH ?? 'models/langid/langid.model',
);
const ONE_MIB = 1024 * 1024;

function metrics(heldOutAccuracy: number, perLanguageF1: Record<string, number>): ModelMetrics {
  return { heldOutAccuracy, macroF1: heldOutAccuracy - 0.01, perLanguageF1 };
}

/** Metrics recorded for the trained model (the first add wins: adding it again changes nothing). */
const TRAINED_METRICS = metrics(0.95, { en: 0.96, sv: 0.94 });

function meta(metricsOfModel: ModelMetrics, note: string): AddModelMeta {
  return {
    provenance: { corpusHash: 'c'.repeat(64), options: { maxLinesPerLang: 0 }, commit: 'e2e' },
    metrics: metricsOfModel,
    actor: 'registry-e2e',
    note,
  };
}

describe('ModelRegistry (real database)', () => {
  let client: mongoose.mongo.MongoClient;
  let db: mongoose.mongo.Db;
  let registry: ModelRegistry;
  let modelBytes: Buffer;

  /** The live model; fails the test when none is. */
  async function requireLive(): Promise<ModelRecord> {
    const live = await registry.live();
    if (!live) throw new Error('no model is live');
    return live;
  }

  beforeAll(async () => {
    modelBytes = readFileSync(MODEL_PATH);
    client = await mongoose.mongo.MongoClient.connect(uniqueMongoUri());
    db = client.db();
    registry = new ModelRegistry(db);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  it('stores the trained model in chunks of at most 1 MiB and returns the same bytes', async () => {
    const record = await registry.add(modelBytes, meta(TRAINED_METRICS, 'trained'));
    expect(record.version).toBe(modelVersionOf(modelBytes));
    expect(record.size).toBe(modelBytes.length);
    expect(record.chunks).toBe(Math.max(1, Math.ceil(modelBytes.length / CHUNK_BYTES)));
    expect(record.status).toBe('candidate');
    expect(record.changelog).toEqual([
      expect.objectContaining({ action: 'added', actor: 'registry-e2e', reason: 'trained' }),
    ]);

    const chunks = await db
      .collection(MODEL_CHUNKS_COLLECTION)
      .find({ version: record.version })
      .toArray();
    expect(chunks).toHaveLength(record.chunks);
    for (const chunk of chunks) {
      expect(mongoose.mongo.BSON.calculateObjectSize(chunk)).toBeLessThanOrEqual(ONE_MIB);
    }
    expect((await registry.fetchArtifact(record.version)).equals(modelBytes)).toBe(true);

    // Small chunks: many pieces, still the same bytes.
    const small = new ModelRegistry(db, { chunkBytes: 64 * 1024 });
    const variant = Buffer.concat([modelBytes, Buffer.from('small-chunks')]);
    const smallRecord = await small.add(variant, meta(metrics(0.9, {}), 'small chunks'));
    expect(smallRecord.chunks).toBe(Math.ceil(variant.length / (64 * 1024)));
    expect((await small.fetchArtifact(smallRecord.version)).equals(variant)).toBe(true);
  });

  it('gives the same bytes the same version (adding twice keeps one record) and others another', async () => {
    const first = await registry.add(modelBytes, meta(metrics(0.95, {}), 'again'));
    const second = await registry.add(Buffer.from(modelBytes), meta(metrics(0.1, {}), 'again'));
    expect(second.version).toBe(first.version);
    expect(second.changelog).toHaveLength(1);
    expect(second.metrics.heldOutAccuracy).toBe(0.95);
    const versions = (await registry.list()).map((r) => r.version);
    expect(versions.filter((v) => v === first.version)).toHaveLength(1);

    const other = Buffer.from(modelBytes);
    other[other.length - 1] ^= 0xff;
    expect(modelVersionOf(other)).not.toBe(first.version);
  });

  it('refuses a corrupted or missing chunk with a clear error, and a re-add repairs it', async () => {
    const version = modelVersionOf(modelBytes);
    const chunks = db.collection(MODEL_CHUNKS_COLLECTION);
    const original = await chunks.findOne({ _id: `${version}:0` as never });
    const corrupted = Buffer.from(original?.data.buffer ?? []);
    expect(corrupted.length).toBeGreaterThan(0);
    corrupted[corrupted.length >> 1] ^= 0x01;
    await chunks.updateOne({ _id: `${version}:0` as never }, { $set: { data: corrupted } });

    const failure = registry.fetchArtifact(version);
    await expect(failure).rejects.toThrow(ModelChecksumError);
    await expect(registry.fetchArtifact(version)).rejects.toThrow(
      new RegExp(`model ${version} refused: .*sha256 [0-9a-f]{64} does not match`),
    );

    await registry.add(modelBytes, meta(metrics(0.95, {}), 'repair'));
    expect((await registry.fetchArtifact(version)).equals(modelBytes)).toBe(true);

    const lastChunk = `${version}:${(await registry.getOrThrow(version)).chunks - 1}`;
    await chunks.deleteOne({ _id: lastChunk as never });
    await expect(registry.fetchArtifact(version)).rejects.toThrow(/expected chunks/);
    await registry.add(modelBytes, meta(metrics(0.95, {}), 'repair'));
    expect((await registry.fetchArtifact(version)).equals(modelBytes)).toBe(true);
  });

  it('refuses a worse candidate with per-language deltas and accepts a better one', async () => {
    const live = await registry.add(modelBytes, meta(TRAINED_METRICS, ''));
    const first = await registry.promote(live.version, { actor: 'alice', reason: 'first' });
    expect(first).toEqual(
      expect.objectContaining({ action: 'promote', previousVersion: null, deltas: null }),
    );
    expect((await registry.live())?.version).toBe(live.version);
    const event = parseModelPromotedV1(encodeModelPromotedV1(modelPromotedEvent(first)));
    expect(event).toEqual({
      ok: true,
      value: expect.objectContaining({ version: live.version, sha256: live.sha256 }),
    });

    const worseBytes = Buffer.concat([modelBytes, Buffer.from('worse')]);
    const worse = await registry.add(worseBytes, meta(metrics(0.93, { en: 0.96, sv: 0.9 }), 'w'));
    const refusal = await registry
      .promote(worse.version, { actor: 'bob', margin: 0.002 })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PromotionRefusedError);
    const deltas = (refusal as PromotionRefusedError).deltas;
    if (!deltas) throw new Error('a refusal against a live model carries deltas');
    expect(deltas.against).toBe(live.version);
    expect(deltas.heldOutAccuracy).toBeCloseTo(-0.02, 10);
    expect(deltas.perLanguageF1.sv).toBeCloseTo(-0.04, 10);
    expect(deltas.perLanguageF1.en).toBeCloseTo(0, 10);
    expect((await registry.live())?.version).toBe(live.version);
    expect((await registry.getOrThrow(worse.version)).status).toBe('candidate');

    // A drop within a wider margin passes.
    const tolerated = await registry.promote(worse.version, { actor: 'bob', margin: 0.05 });
    expect(tolerated.previousVersion).toBe(live.version);
    await registry.rollback({ actor: 'bob', reason: 'back' });

    const betterBytes = Buffer.concat([modelBytes, Buffer.from('better')]);
    const better = await registry.add(betterBytes, meta(metrics(0.97, { en: 0.97, sv: 0.97 }), ''));
    const promoted = await registry.promote(better.version, { actor: 'carol', reason: 'better' });
    expect(promoted.forced).toBe(false);
    expect(promoted.previousVersion).toBe(live.version);
    expect(promoted.record.status).toBe('live');
    expect(promoted.record.changelog.at(-1)).toEqual(
      expect.objectContaining({
        action: 'promoted',
        actor: 'carol',
        reason: 'better',
        forced: false,
        deltas: expect.objectContaining({ against: live.version }),
      }),
    );
    expect(promoted.record.changelog.at(-1)?.deltas?.heldOutAccuracy).toBeCloseTo(0.02, 10);
    const replaced = await registry.getOrThrow(live.version);
    expect(replaced.status).toBe('retired');
    expect(replaced.changelog.at(-1)).toEqual(
      expect.objectContaining({ action: 'retired', actor: 'carol' }),
    );
    const lives = (await registry.list()).filter((r) => r.status === 'live');
    expect(lives.map((r) => r.version)).toEqual([better.version]);
  });

  it('forces a refused promotion only with a reason, and records it', async () => {
    const current = await requireLive();
    const worst = await registry.add(
      Buffer.concat([modelBytes, Buffer.from('worst')]),
      meta(metrics(0.5, { en: 0.5 }), ''),
    );
    await expect(registry.promote(worst.version, { actor: 'dave', force: true })).rejects.toThrow(
      RegistryUsageError,
    );
    const forced = await registry.promote(worst.version, {
      actor: 'dave',
      force: true,
      reason: 'incident 42',
    });
    expect(forced.forced).toBe(true);
    expect(forced.record.changelog.at(-1)).toEqual(
      expect.objectContaining({ action: 'promoted', forced: true, reason: 'incident 42' }),
    );
    await expect(registry.promote(worst.version, { actor: 'dave' })).rejects.toThrow(
      RegistryConflictError,
    );

    const back = await registry.rollback({ actor: 'erin', reason: 'worse in production' });
    expect(back.record.version).toBe(current.version);
    expect(back.previousVersion).toBe(worst.version);
    expect(back.record.changelog.at(-1)).toEqual(
      expect.objectContaining({
        action: 'rolled-back',
        actor: 'erin',
        reason: 'worse in production',
      }),
    );
    expect((await registry.getOrThrow(worst.version)).status).toBe('retired');
    expect((await registry.live())?.version).toBe(current.version);
  });

  it('rolls back one model further each time, then says there is nothing left', async () => {
    // History so far: trained -> worse (tolerated) -> rollback -> better -> worst -> rollback.
    const now = await requireLive();
    const back = await registry.rollback({ actor: 'frank' });
    expect(back.record.version).toBe(now.previousLive);
    await expect(registry.rollback({ actor: 'frank' })).rejects.toThrow(/nothing to roll back to/);
  });
});
