import { pingMongo, waitFor } from '@sibyl/testing';
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';

/** A FerretDB the bench started. */
export interface BenchFerret {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

/** How long FerretDB may take to answer after it starts (PostgreSQL indexes existing tables). */
const START_TIMEOUT_MS = 600_000;

/** Starts tools/ferretdb with `args` on 127.0.0.1:`port`; its output goes to `logFile`. */
export async function startBenchFerret(
  binary: string,
  port: number,
  args: string[],
  logFile: string,
  database: string,
): Promise<BenchFerret> {
  const out = openSync(logFile, 'a');
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, ...args], {
    stdio: ['ignore', out, out],
  });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const uri = `mongodb://127.0.0.1:${port}/${database}`;
  try {
    await waitFor(async () => child.exitCode === null && (await pingMongo(uri)), {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 250,
      description: `FerretDB on port ${port} (log ${logFile})`,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri, pid: child.pid ?? -1, stop };
}
