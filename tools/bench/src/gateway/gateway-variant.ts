/** One gateway build and configuration compared by the gateway bench. */
export interface GatewayVariant {
  /** Short name shown in the table. */
  name: string;
  /** Folder holding `gateway/main.js` (the load tool's `--dist`). */
  dist: string;
  /** Extra gateway environment (`--env KEY=VALUE` of the load tool). */
  env: Record<string, string>;
}

/**
 * Parses `name=dist[,KEY=VALUE...]`, e.g. `fastify=tmp/bench/gw-base,HTTP_ADAPTER=fastify`.
 * The dist folder defaults to `dist/apps` when omitted (`name=,KEY=VALUE`).
 */
export function parseVariant(spec: string): GatewayVariant {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new Error(`--variant ${spec}: expected name=dist[,KEY=VALUE...]`);
  const [dist, ...pairs] = spec.slice(eq + 1).split(',');
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--variant ${spec}: "${pair}" is not KEY=VALUE`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { name: spec.slice(0, eq), dist: dist || 'dist/apps', env };
}

/** The load tool's arguments for one gateway-alone run of a variant. */
export function variantLoadArgs(
  variant: GatewayVariant,
  seconds: number,
  concurrency: number,
  profile: boolean,
): string[] {
  return [
    '--spawn',
    '--private-db',
    '--predictors',
    '0',
    '--no-verify',
    '--dist',
    variant.dist,
    ...Object.entries(variant.env).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
    '--concurrency',
    String(concurrency),
    '--duration',
    String(seconds),
    ...(profile ? ['--cpu-prof'] : []),
  ];
}
