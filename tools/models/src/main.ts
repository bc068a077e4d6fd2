import { userInfo } from 'node:os';
import { doneResultsById } from '@sibyl/persistence';
import { ModelRegistry, ShadowRuns } from '@sibyl/registry';
import { runMain } from '@sibyl/testing';
import { createConnection } from 'mongoose';
import type { ModelsOutput } from './commands';
import { runModelsCli } from './models-cli';
import { brokerAnnouncer } from './runtime/announce';
import { readModelsEnv } from './runtime/models-env';
import { brokerShadowQueue } from './runtime/shadow-queue';

/** How long the CLI waits for the database before giving up with a clear message. */
const CONNECT_TIMEOUT_MS = 10000;

const io: ModelsOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The URI without its password, for messages. */
function withoutPassword(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

/** `npm run models -- <command>`: the model registry CLI (see `help`). */
async function main(argv: readonly string[]): Promise<number> {
  return runModelsCli(argv, io, async ({ json, actor }) => {
    const env = readModelsEnv();
    process.stderr.write(`connecting to ${withoutPassword(env.mongodbUri)} …\n`);
    const connection = createConnection(env.mongodbUri, {
      serverSelectionTimeoutMS: CONNECT_TIMEOUT_MS,
    });
    await connection.asPromise().catch((error: Error) => {
      throw new Error(
        `cannot reach the database at ${withoutPassword(env.mongodbUri)} (${error.message}); ` +
          '`npm start` starts a local one, MONGODB_URI points elsewhere',
      );
    });
    const db = connection.db;
    if (!db) throw new Error('the database connection has no database');
    const registry = new ModelRegistry(db);
    return {
      context: {
        registry,
        db,
        io,
        json,
        actor: actor ?? userInfo().username,
        margin: env.margin,
        root: env.root,
        progress: process.stderr,
        announce: brokerAnnouncer(env.rabbitmqUrl, env.amqpNamespace),
        shadowRuns: new ShadowRuns(db, registry, (ids) => doneResultsById(db, ids)),
        shadowQueue: brokerShadowQueue(env.rabbitmqUrl, env.amqpNamespace),
      },
      close: () => connection.close(),
    };
  });
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
