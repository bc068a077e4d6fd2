import { cpuBreakdown, CpuProfile } from './cpu-categories';

const NM = 'file:///app/node_modules';

/**
 * root → fastify handler → submit → mongodb insert; plus idle, GC and start-up samples.
 * Every sample lasts 1 ms.
 */
function profile(): CpuProfile {
  const frame = (functionName: string, url = '') => ({ functionName, url });
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 6, 7, 8] },
      { id: 2, callFrame: frame('routeHandler', `${NM}/fastify/lib/route.js`), children: [3] },
      {
        id: 3,
        callFrame: frame('submit', 'file:///app/dist/apps/gateway/main.js'),
        children: [4, 5],
      },
      { id: 4, callFrame: frame('insertMany', `${NM}/mongodb/lib/collection.js`) },
      { id: 5, callFrame: frame('toRecord', 'file:///app/dist/apps/gateway/main.js') },
      { id: 6, callFrame: frame('(idle)') },
      { id: 7, callFrame: frame('(garbage collector)') },
      { id: 8, callFrame: frame('wrapSafe', 'node:internal/modules/cjs/loader') },
    ],
    // start-up (8), then the load window: 4 4 5 7 6 3, then shutdown (8)
    samples: [8, 8, 4, 4, 5, 7, 6, 3, 8],
    timeDeltas: Array(9).fill(1000),
  };
}

describe('cpuBreakdown', () => {
  it('counts each busy sample for the innermost category of its stack, within the window', () => {
    const { window, busyMs, parts } = cpuBreakdown(profile(), 'submit');
    expect(window).toEqual({ from: 0.003, to: 0.008 });
    expect(busyMs).toBe(5); // idle left out
    expect(parts).toEqual([
      { name: 'MongoDB driver, BSON', ms: 2, percent: 40 },
      { name: 'Fastify, node:http', ms: 2, percent: 40 },
      { name: 'garbage collector', ms: 1, percent: 20 },
    ]);
  });

  it('takes the whole profile without a window, and "other" for what matches nothing', () => {
    const { busyMs, parts } = cpuBreakdown(profile());
    expect(busyMs).toBe(8);
    expect(parts.find((p) => p.name === 'other')).toEqual({ name: 'other', ms: 3, percent: 37.5 });
  });
});
