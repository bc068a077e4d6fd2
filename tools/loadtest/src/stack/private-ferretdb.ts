import { buildFerretDb, freePort, pingMongo, waitFor } from '@sibyl/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A FerretDB started for one run only. */
export interface PrivateFerretDb {
  uri: string;
  pid: number;
  /** Stops it and deletes its data. */
  stop(): Promise<void>;
}

/**
 * Starts a private FerretDB (the workspace's embedded v1.24 build, SQLite backend)
 * on a free port with a fresh data folder, so a benchmark neither disturbs nor is
 * disturbed by other users of the shared database, and starts from empty files.
 */
export async function startPrivateFerretDb(
  log: (line: string) => void = () => undefined,
): Promise<PrivateFerretDb> {
  const binary = buildFerretDb(log);
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'sibyl-loadtest-ferretdb-'));
  const out = openSync(join(data, 'ferretdb.log'), 'a');
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-data', data], {
    stdio: ['ignore', out, out],
  });
  const uri = `mongodb://127.0.0.1:${port}/sibyl`;
  // Whatever ends this process (a failed run, a test timeout, process.exit) ends the database too.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  const stop = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        process.removeListener('exit', killOnExit);
        rmSync(data, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  try {
    await waitFor(() => pingMongo(uri), {
      timeoutMs: 30_000,
      intervalMs: 200,
      description: `private FerretDB on port ${port}`,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`private FerretDB pid ${child.pid} on 127.0.0.1:${port}, data in ${data}`);
  return { uri, pid: child.pid ?? -1, stop };
}
