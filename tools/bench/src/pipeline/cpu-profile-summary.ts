import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a profile's busy (non-idle) time went. */
export interface ProfileSummary {
  /** Busy milliseconds (idle excluded). */
  busyMs: number;
  /** Share of busy time by package / area, descending. */
  byArea: { area: string; percent: number }[];
  /** Heaviest functions by self time, descending. */
  topFunctions: { name: string; percent: number }[];
}

/**
 * The area a frame belongs to: the npm package for `node_modules/...` code (scoped
 * packages keep their scope), `node:<module>` for Node internals, `app` for the
 * bundled app and libs, or V8's pseudo-frames (`(garbage collector)`, `(program)`).
 */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:'))
    return `node:${
      url
        .slice(5)
        .split('/')
        .filter((p) => p !== 'internal')[0] ?? 'internal'
    }`;
  return 'app';
}

/** Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) by self time. */
export function summarizeCpuProfile(profile: CpuProfile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busy += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const file = url
      ? url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')
      : '';
    const name = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const percent = (ms: number): number => (busy > 0 ? Math.round((ms / busy) * 1000) / 10 : 0);
  return {
    busyMs: Math.round(busy),
    byArea: [...areas.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([area, ms]) => ({ area, percent: percent(ms) })),
    topFunctions: [...functions.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, percent: percent(ms) })),
  };
}

/** Reads and summarises a `.cpuprofile` file. */
export function summarizeCpuProfileFile(path: string, top = 12): ProfileSummary {
  return summarizeCpuProfile(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, top);
}
