import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Endpoint } from './endpoint';
import { workspaceRoot } from './workspace-root';

/** Where the FerretDB wrapper lives and where its binary and data go. */
export function ferretPaths(
  port = 27017,
  root = workspaceRoot(),
): { source: string; binary: string; data: string; log: string } {
  return {
    source: join(root, 'tools/ferretdb'),
    binary: join(root, 'tools/ferretdb/bin/ferretdb'),
    // One data folder per port: two FerretDBs must never share SQLite files.
    data: join(root, `.data/ferretdb-${port}`),
    log: join(root, `.data/ferretdb-${port}.log`),
  };
}

/** Environment variable naming a PostgreSQL database for FerretDB's PostgreSQL backend. */
export const FERRETDB_POSTGRESQL_URL_ENV = 'FERRETDB_POSTGRESQL_URL';

/** True when the binary exists and no Go source or module file of the wrapper is newer. */
function binaryIsCurrent(source: string, binary: string): boolean {
  if (!existsSync(binary)) return false;
  const built = statSync(binary).mtimeMs;
  return readdirSync(source)
    .filter((name) => /\.go$|^go\.(mod|sum)$/.test(name))
    .every((name) => statSync(join(source, name)).mtimeMs <= built);
}

/**
 * Builds the embedded FerretDB v1.24 (tools/ferretdb) with the Go on PATH unless the
 * binary exists and is newer than the wrapper's sources. The build goes to a temporary name
 * first, so concurrent callers never see a half-written binary.
 */
export function buildFerretDb(log: (line: string) => void = () => undefined): string {
  const { source, binary } = ferretPaths();
  if (binaryIsCurrent(source, binary)) return binary;
  log(
    'building FerretDB v1.24.2 (tools/ferretdb) with Go; the first build downloads modules and takes a few minutes…',
  );
  mkdirSync(join(source, 'bin'), { recursive: true });
  const temporary = `${binary}.${process.pid}.tmp`;
  execFileSync('go', ['build', '-o', temporary, '.'], {
    cwd: source,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  renameSync(temporary, binary);
  return binary;
}

/** A running FerretDB child process. */
export interface FerretDbProcess {
  pid: number;
  stop(): Promise<void>;
}

/** How {@link startFerretDb} runs FerretDB. */
export interface FerretDbOptions {
  /** Leave it running after this process exits (tests reuse it). */
  detached: boolean;
  /** Folder of its SQLite files and log; default `.data/ferretdb-<port>` (git-ignored). */
  dataDir?: string;
  /**
   * Run on this PostgreSQL database (FerretDB's PostgreSQL backend) instead of SQLite files;
   * default `$FERRETDB_POSTGRESQL_URL`, unset = SQLite.
   */
  postgresqlUrl?: string;
}

/**
 * Starts FerretDB on the endpoint: SQLite files by default, PostgreSQL when a URL is given (or in
 * `$FERRETDB_POSTGRESQL_URL`). `detached` leaves it running after this process exits (tests reuse
 * it); otherwise it is in this process's group.
 */
export function startFerretDb(endpoint: Endpoint, options: FerretDbOptions): FerretDbProcess {
  const paths = ferretPaths(endpoint.port);
  const { binary } = paths;
  const data = options.dataDir ?? paths.data;
  const log = options.dataDir ? join(options.dataDir, 'ferretdb.log') : paths.log;
  mkdirSync(data, { recursive: true });
  const out = openSync(log, 'a');
  const postgresqlUrl = options.postgresqlUrl ?? process.env[FERRETDB_POSTGRESQL_URL_ENV];
  const backend = postgresqlUrl ? ['-postgresql-url', postgresqlUrl] : ['-data', data];
  const child = spawn(binary, ['-listen', `${endpoint.host}:${endpoint.port}`, ...backend], {
    detached: options.detached,
    stdio: ['ignore', out, out],
  });
  if (options.detached) child.unref();
  return {
    pid: child.pid ?? -1,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
