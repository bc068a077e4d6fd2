/** A V8 `.cpuprofile` (from `node --cpu-prof`): the parts read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** A named part of the request path, recognised by the function name and script URL of a frame. */
export interface CpuCategory {
  name: string;
  pattern: RegExp;
}

/**
 * The parts of the gateway's and the predictor's work (issue 12, "where the CPU goes"), most
 * specific first: a sample counts for the innermost frame of its stack that matches one.
 */
export const SIBYL_CPU_CATEGORIES: readonly CpuCategory[] = [
  { name: 'garbage collector', pattern: /^\(garbage collector\) / },
  {
    name: 'model (classification)',
    pattern: /predictMany|LanguageIdentifier|FastScorer|FeatureKey/,
  },
  { name: 'security headers', pattern: /node_modules\/helmet\/|securityHeaders|helmetHeaders/ },
  { name: 'middie (Express middleware under Fastify)', pattern: /@fastify\/middie\// },
  {
    name: 'API key guard',
    pattern:
      /ApiKeyGuard|canActivate |authenticate |KeyVerifier|hashApiKey|isWellFormedApiKey|bearerToken|grantsAll|RateLimiter|rateLimitHeaders/,
  },
  { name: 'reflect-metadata', pattern: /node_modules\/reflect-metadata\// },
  { name: 'CORS', pattern: /@fastify\/cors\// },
  {
    name: 'JSON body parsing',
    pattern: /secure-json-parse\/|content-type-parser\.js|exceedsJsonDepth/,
  },
  {
    name: 'validation pipes',
    pattern: /ValidationPipe|LimitsPipe|class-validator\/|class-transformer\//,
  },
  {
    name: 'MongoDB driver, BSON',
    pattern: /node_modules\/(mongodb|bson|mongoose|mquery|kareem)\//,
  },
  {
    name: 'AMQP (amqplib)',
    pattern: /node_modules\/(amqplib|amqp-connection-manager|buffer-more-ints)\//,
  },
  { name: 'metrics (prom-client)', pattern: /node_modules\/prom-client\// },
  { name: 'Nest core', pattern: /node_modules\/@nestjs\// },
  {
    name: 'Fastify, node:http',
    pattern: /node_modules\/(fastify|find-my-way|avvio|light-my-request)\/|node:_http/,
  },
];

/** Share of a profile's busy time per category, over a window. */
export interface CpuBreakdown {
  /** Seconds since the profile started: first and last sample counted. */
  window: { from: number; to: number };
  busyMs: number;
  /** Descending; `other` holds what matched no category. */
  parts: { name: string; ms: number; percent: number }[];
}

/**
 * Splits a profile's busy (non-idle) samples by category. The window starts at the first sample
 * whose stack holds a frame named `windowFunction` (e.g. the gateway's `submit`, the predictor's
 * `prepareBatch`) and ends at the last one, leaving start-up and shutdown out.
 */
export function cpuBreakdown(
  profile: CpuProfile,
  windowFunction?: string,
  categories: readonly CpuCategory[] = SIBYL_CPU_CATEGORIES,
): CpuBreakdown {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const stackOf = (id: number): string[] => {
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url } = byId.get(at)?.callFrame ?? { functionName: '', url: '' };
      frames.push(`${functionName} ${url}`);
    }
    return frames;
  };
  const times: number[] = [];
  profile.timeDeltas.reduce((t, delta) => (times.push((t + delta) / 1e6), t + delta), 0);
  let [from, to] = [0, Infinity];
  if (windowFunction) {
    const inWindow = profile.samples
      .map((id, i) => (stackOf(id).some((f) => f.startsWith(`${windowFunction} `)) ? times[i] : -1))
      .filter((t) => t >= 0);
    [from, to] = inWindow.length ? [inWindow[0], inWindow[inWindow.length - 1]] : [0, -1];
  }
  const categoryOf = new Map<number, string>();
  const categorise = (id: number): string => {
    let name = categoryOf.get(id);
    if (name === undefined) {
      name =
        stackOf(id)
          .map((frame) => categories.find((c) => c.pattern.test(frame))?.name)
          .find((found) => found !== undefined) ?? 'other';
      categoryOf.set(id, name);
    }
    return name;
  };
  const ms = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    if (times[i] < from || times[i] > to || byId.get(id)?.callFrame.functionName === '(idle)')
      return;
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    const name = categorise(id);
    ms.set(name, (ms.get(name) ?? 0) + delta);
    busy += delta;
  });
  const parts = [...ms.entries()]
    .map(([name, v]) => ({ name, ms: v, percent: busy > 0 ? (100 * v) / busy : 0 }))
    .sort((a, b) => b.ms - a.ms);
  return {
    window: { from, to: Number.isFinite(to) ? to : (times.at(-1) ?? 0) },
    busyMs: busy,
    parts,
  };
}
