import { ApiKeyStore } from '@sibyl/auth';
import { runMain } from '@sibyl/testing';
import { createConnection } from 'mongoose';
import { parseKeysArgs, UsageError, USAGE } from './keys-args';
import { runKeysCommand } from './keys-commands';

/** How long the CLI waits for the database before giving up with a clear message. */
const CONNECT_TIMEOUT_MS = 10000;

/** The URI without its password, for messages. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

/** `npm run keys -- <command>`: create, list and revoke API keys in MongoDB at MONGODB_URI. */
async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseKeysArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const uri = process.env.MONGODB_URI || 'mongodb://127.0.0.1:27017/sibyl';
  process.stderr.write(`connecting to ${redactUri(uri)} …\n`);
  const connection = createConnection(uri, { serverSelectionTimeoutMS: CONNECT_TIMEOUT_MS });
  try {
    await connection.asPromise().catch((error: Error) => {
      throw new Error(
        `cannot reach the database at ${redactUri(uri)} within ${CONNECT_TIMEOUT_MS / 1000} s (${error.message}); is it running? \`npm start\` starts a local one, MONGODB_URI points elsewhere`,
      );
    });
    const store = new ApiKeyStore(connection);
    await store.ensureIndexes();
    return await runKeysCommand(command, store, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
