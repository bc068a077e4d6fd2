import { copyId, DistributionSummary, filledPair, summarize } from '@sibyl/loadtest';
import { PREDICTION_RESULTS_COLLECTION } from '@sibyl/persistence';
import mongoose from 'mongoose';

/** Server error code of a query stopped by its `maxTimeMS`. */
const MAX_TIME_EXPIRED = 50;

/** Scratch collection of the insert measurement (dropped before each). */
const INSERT_COLLECTION = 'bench_inserts';

/** Settings of one variant's measurements. */
export interface MeasureSettings {
  /** Concurrent `insertMany` callers. */
  concurrency: number;
  /** Documents per `insertMany`. */
  groupSize: number;
  /** Seconds of inserting. */
  insertSeconds: number;
  /** Sequential `findOne({_id})` reads. */
  reads: number;
  /** Ids per `$in` read (and per parallel lookup). */
  inSize: number;
  /** `$in` reads (each may scan the collection). */
  inReads: number;
  /** Longest a `$in` read may take (its `maxTimeMS`); slower ones count as this and are flagged. */
  inTimeoutMs: number;
}

/** What one variant measured. */
export interface VariantMeasurement {
  insert: { docsPerSecond: number; calls: DistributionSummary };
  findOne: DistributionSummary;
  /** `find({_id: {$in: ids}})`, one query. */
  findIn: DistributionSummary;
  /** How many `$in` reads hit `inTimeoutMs`. */
  findInTimedOut: number;
  /** The same ids as `inSize` concurrent `findOne({_id})`. */
  parallelFindOne: DistributionSummary;
}

/**
 * Ids of results spread over the whole filled collection: copy `n` of a seed (see
 * `multiplyInStorage`), `n` random, so a scan cannot stop early at the first rows.
 */
async function spreadIds(db: mongoose.mongo.Db, count: number, copies: number): Promise<string[]> {
  const seeds = await db
    .collection<{ _id: string }>(PREDICTION_RESULTS_COLLECTION)
    .find({}, { projection: { _id: 1 } })
    .limit(count)
    .toArray();
  return seeds.map((doc) => copyId(doc._id, 1 + Math.floor(Math.random() * copies)));
}

/** Runs `body` `times` times one after the other; each call's milliseconds. */
async function timeEach(times: number, body: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await body(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Concurrent `insertMany` groups of result-shaped documents for `insertSeconds`. */
async function measureInserts(
  db: mongoose.mongo.Db,
  s: MeasureSettings,
): Promise<VariantMeasurement['insert']> {
  const collection = db.collection(INSERT_COLLECTION);
  await collection.drop().catch(() => undefined);
  await collection.insertOne({ _id: 'warm-up' as unknown as mongoose.mongo.ObjectId });
  const text = { text: 'warm-up', lang: 'en' };
  const calls: number[] = [];
  const until = performance.now() + s.insertSeconds * 1000;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      const docs = Array.from(
        { length: s.groupSize },
        () => filledPair(text, new Date(), 'bench', ['en']).result,
      );
      const t0 = performance.now();
      await collection.insertMany(docs, { ordered: false });
      calls.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: s.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await collection.drop().catch(() => undefined);
  return { docsPerSecond: (calls.length * s.groupSize) / seconds, calls: summarize(calls) };
}

/** Measures one running database holding the filled results. */
export async function measureVariant(
  uri: string,
  /** How many copies of the seed results the fill made. */
  copies: number,
  s: MeasureSettings,
  log: (line: string) => void,
): Promise<VariantMeasurement> {
  const client = new mongoose.mongo.MongoClient(uri, { maxPoolSize: s.concurrency + s.inSize });
  try {
    await client.connect();
    const db = client.db();
    const results = db.collection<{ _id: string }>(PREDICTION_RESULTS_COLLECTION);
    log(`  inserts: ${s.concurrency} × insertMany(${s.groupSize}) for ${s.insertSeconds} s…`);
    const insert = await measureInserts(db, s);
    const ids = await spreadIds(db, Math.max(s.reads, s.inSize), copies);
    log(`  reads: ${s.reads} × findOne({_id})…`);
    const findOne = await timeEach(s.reads, async (i) => {
      if (!(await results.findOne({ _id: ids[i % ids.length] })))
        throw new Error('findOne found nothing');
    });
    log(`  reads: ${s.inReads} × find({_id: {$in: ${s.inSize} ids}}) and as parallel findOne…`);
    const group = ids.slice(0, s.inSize);
    let findInTimedOut = 0;
    const findIn = await timeEach(s.inReads, async () => {
      try {
        const found = await results
          .find({ _id: { $in: group } })
          .maxTimeMS(s.inTimeoutMs)
          .toArray();
        if (found.length !== group.length) throw new Error(`$in found ${found.length}`);
      } catch (error) {
        if ((error as { code?: number }).code !== MAX_TIME_EXPIRED) throw error;
        findInTimedOut++;
      }
    });
    const parallel = await timeEach(s.inReads, async () => {
      const found = await Promise.all(group.map((_id) => results.findOne({ _id })));
      if (found.some((doc) => !doc)) throw new Error('a parallel findOne found nothing');
    });
    return {
      insert,
      findOne: summarize(findOne),
      findIn: summarize(findIn),
      findInTimedOut,
      parallelFindOne: summarize(parallel),
    };
  } finally {
    await client.close();
  }
}
