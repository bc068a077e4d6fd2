import mongoose from 'mongoose';
import { DEFAULT_MONGODB_URI } from '../namespace';
import { waitFor } from '../wait-for';
import { endpointOf } from './endpoint';
import { buildFerretDb, startFerretDb } from './ferretdb';

/** Resolves true when a MongoDB-wire server answers `ping` at the URI. */
export async function pingMongo(uri: string, timeoutMs = 1500): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Connection settings of {@link dropTestDatabase}. */
export interface DropDatabaseOptions {
  /** How long to look for the server; default 3 s. */
  serverSelectionTimeoutMS?: number;
  /** How long the drop may go unanswered; the driver's default (none) otherwise. */
  socketTimeoutMS?: number;
}

/**
 * Drops the database named in `uri` (a test's or a run's own, see `uniqueMongoUri`) on a
 * connection of its own, closed either way. Rejects when the server cannot be reached or refuses.
 */
export async function dropTestDatabase(
  uri: string,
  options: DropDatabaseOptions = {},
): Promise<void> {
  const client = new mongoose.mongo.MongoClient(uri, {
    serverSelectionTimeoutMS: 3000,
    ...options,
  });
  try {
    await client.connect();
    await client.db().dropDatabase();
  } finally {
    await client.close(true).catch(() => undefined);
  }
}

/** What {@link ensureMongo} found or started. */
export interface MongoHandle {
  /** True when this call started FerretDB. */
  started: boolean;
  /** Stops FerretDB if this call started it; a no-op otherwise. */
  stop(): Promise<void>;
}

/**
 * Makes sure a MongoDB-compatible database answers at `uri`: uses one that already
 * answers (a real MongoDB, or a FerretDB started earlier), otherwise builds and
 * starts the embedded FerretDB on the URI's local host and port (its files in `dataDir`, by
 * default `.data/ferretdb-<port>`).
 */
export async function ensureMongo(
  uri = process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI,
  options: { detached?: boolean; dataDir?: string; log?: (line: string) => void } = {},
): Promise<MongoHandle> {
  const log = options.log ?? (() => undefined);
  if (await pingMongo(uri)) return { started: false, stop: async () => undefined };
  const endpoint = endpointOf(uri, 27017);
  if (!['127.0.0.1', 'localhost', '::1'].includes(endpoint.host)) {
    throw new Error(`no MongoDB answers at ${uri}, and FerretDB is only started on this machine`);
  }
  buildFerretDb(log);
  log(`starting FerretDB on ${endpoint.host}:${endpoint.port}`);
  const child = startFerretDb(endpoint, {
    detached: options.detached ?? true,
    dataDir: options.dataDir,
  });
  // Another process may have won the race for the port; either way a server must answer.
  await waitFor(() => pingMongo(uri), {
    timeoutMs: 30_000,
    intervalMs: 250,
    description: `MongoDB at ${uri}`,
  });
  return { started: true, stop: () => child.stop() };
}
