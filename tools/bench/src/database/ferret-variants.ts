/** One way of running FerretDB that the database bench measures. */
export interface FerretVariant {
  id: string;
  /** What it is, for the table. */
  title: string;
  backend: 'sqlite' | 'postgresql';
  /** Extra arguments of tools/ferretdb (the backend's settings). */
  args(env: VariantEnvironment): string[];
}

/** Where the variants keep their data. */
export interface VariantEnvironment {
  /** SQLite data folder (shared by the SQLite variants: only per-connection settings differ). */
  sqliteDir: string;
  /** PostgreSQL database URL (created by the bench, dropped after unless kept). */
  postgresqlUrl: string;
}

/** The old default of tools/ferretdb: immediate transactions, SQLite's default FULL sync. */
const SQLITE_IMMEDIATE = '_txlock=immediate';

/** The default of tools/ferretdb now. */
const SQLITE_NORMAL_SYNC = '_txlock=immediate&_pragma=synchronous(normal)';

/** Every variant, in run order. */
export const FERRET_VARIANTS: readonly FerretVariant[] = [
  {
    id: 'sqlite-deferred',
    title: 'SQLite, FerretDB defaults (deferred transactions, synchronous FULL)',
    backend: 'sqlite',
    args: (env) => ['-data', env.sqliteDir, '-sqlite-params', ''],
  },
  {
    id: 'sqlite-immediate',
    title: `SQLite, ${SQLITE_IMMEDIATE} (previous default)`,
    backend: 'sqlite',
    args: (env) => ['-data', env.sqliteDir, '-sqlite-params', SQLITE_IMMEDIATE],
  },
  {
    id: 'sqlite-normal',
    title: `SQLite, ${SQLITE_NORMAL_SYNC} (default)`,
    backend: 'sqlite',
    args: (env) => ['-data', env.sqliteDir, '-sqlite-params', SQLITE_NORMAL_SYNC],
  },
  {
    id: 'postgresql-generic',
    title: 'PostgreSQL 15, generic plans (`_id` reads scan, as in stock FerretDB)',
    backend: 'postgresql',
    args: (env) => ['-postgresql-url', withParam(env.postgresqlUrl, 'force_generic_plan')],
  },
  {
    id: 'postgresql',
    title: 'PostgreSQL 15, `_id` GIN index + custom plans (tools/ferretdb)',
    backend: 'postgresql',
    args: (env) => ['-postgresql-url', env.postgresqlUrl],
  },
];

function withParam(url: string, planCacheMode: string): string {
  const u = new URL(url);
  u.searchParams.set('plan_cache_mode', planCacheMode);
  return u.toString();
}
