import {
  OUTBOX_CURSORS_COLLECTION,
  PREDICTION_RESULTS_COLLECTION,
  PREDICTIONS_COLLECTION,
  SWEEP_CURSOR_ID,
} from '@sibyl/persistence';
import mongoose from 'mongoose';
import { createHash } from 'node:crypto';
import { LabelledText, loadLabelledTexts } from '../texts/labelled-texts';
import { filledPair } from './fill-documents';
import { FerretStorage, multiplyInStorage } from './storage-multiply';

/** Documents per `insertMany` (one round trip; FerretDB splits it into SQL statements). */
export const FILL_GROUP_SIZE = 1000;

/** `insertMany` groups in flight at once. */
export const FILL_CONCURRENCY = 4;

/** Results written through the wire protocol before {@link multiplyInStorage} copies them. */
export const FILL_SEED_RESULTS = 2000;

/** How far back the filled submissions reach (ms): a month of history. */
const FILL_HISTORY_MS = 30 * 24 * 3600 * 1000;

/** What to put into which database. */
export interface FillOptions {
  /** MongoDB URI naming the database. */
  uri: string;
  /** Results to store (each with its request). */
  results: number;
  /** Owner id (API key hash) of the requests; default a fixed filler owner. */
  owner?: string;
  /** Labelled texts file for the request texts (default the load tool's). */
  textsPath?: string;
  /**
   * The FerretDB storage behind `uri`, if known: then only {@link FILL_SEED_RESULTS} results go
   * through the wire and the storage copies them (minutes become seconds at a million); the
   * count is rounded up to a multiple of the seed.
   */
  storage?: FerretStorage;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What a fill did. */
export interface FillOutcome {
  results: number;
  seconds: number;
  /** Documents (requests + results) per second. */
  docsPerSecond: number;
}

/**
 * Stores `results` past predictions (each a request and its `done` result, spread over the last
 * month) with direct bulk inserts, and moves the outbox sweep cursor past them, as a database that
 * has served that many predictions would look. For benches that must run "with N results stored".
 */
export async function fillDatabase(options: FillOptions): Promise<FillOutcome> {
  const log = options.log ?? (() => undefined);
  const texts = loadLabelledTexts(options.textsPath).texts;
  const owner = options.owner ?? createHash('sha256').update('sibyl-fill').digest('hex');
  const seeds = options.storage ? Math.min(options.results, FILL_SEED_RESULTS) : options.results;
  const copies = Math.ceil(options.results / Math.max(1, seeds)) - 1;
  const started = performance.now();
  const client = new mongoose.mongo.MongoClient(options.uri, { maxPoolSize: FILL_CONCURRENCY });
  try {
    await client.connect();
    const db = client.db();
    await insertPairs(db, seeds, texts, owner, log);
    if (options.storage && copies > 0) {
      log(
        `fill: copying the ${seeds} results and requests ${copies} times in ${options.storage.kind}…`,
      );
      multiplyInStorage(options.storage, db.databaseName, copies);
    }
    await db
      .collection<{ _id: string; through: Date }>(OUTBOX_CURSORS_COLLECTION)
      .updateOne({ _id: SWEEP_CURSOR_ID }, { $max: { through: new Date() } }, { upsert: true });
  } finally {
    await client.close();
  }
  const results = seeds * (copies + 1);
  const seconds = (performance.now() - started) / 1000;
  log(`fill: ${results} results and their requests stored in ${seconds.toFixed(1)} s`);
  return { results, seconds, docsPerSecond: (2 * results) / seconds };
}

/** Inserts `count` request/result pairs with `insertMany` groups, {@link FILL_CONCURRENCY} at a time. */
async function insertPairs(
  db: mongoose.mongo.Db,
  count: number,
  texts: readonly LabelledText[],
  owner: string,
  log: (line: string) => void,
): Promise<void> {
  const languages = [...new Set(texts.map((t) => t.lang))];
  const requests = db.collection(PREDICTIONS_COLLECTION);
  const results = db.collection(PREDICTION_RESULTS_COLLECTION);
  const start = Date.now() - FILL_HISTORY_MS;
  const step = FILL_HISTORY_MS / Math.max(1, count);
  const started = performance.now();
  let next = 0;
  let done = 0;
  let lastReport = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const from = next;
      const size = Math.min(FILL_GROUP_SIZE, count - from);
      next += size;
      const pairs = Array.from({ length: size }, (_, i) =>
        filledPair(
          texts[(from + i) % texts.length],
          new Date(start + (from + i) * step),
          owner,
          languages,
        ),
      );
      await requests.insertMany(
        pairs.map((p) => p.request),
        { ordered: false },
      );
      await results.insertMany(
        pairs.map((p) => p.result),
        { ordered: false },
      );
      done += size;
      if (done - lastReport >= count / 20 || done === count) {
        lastReport = done;
        const rate = (2 * done) / ((performance.now() - started) / 1000);
        log(`fill: ${done}/${count} results inserted (${Math.round(rate)} docs/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: FILL_CONCURRENCY }, worker));
}
