import { areaOf, summarizeCpuProfile } from './cpu-profile-summary';

describe('areaOf', () => {
  it('names npm packages, scoped packages, node internals, the app and V8 pseudo-frames', () => {
    expect(areaOf('file:///w/node_modules/mongodb/lib/cmap/connection.js', 'x')).toBe('mongodb');
    expect(areaOf('file:///w/node_modules/@nestjs/core/router/router-explorer.js', 'x')).toBe(
      '@nestjs/core',
    );
    expect(areaOf('node:internal/streams/readable', 'x')).toBe('node:streams');
    expect(areaOf('node:net', 'x')).toBe('node:net');
    expect(areaOf('file:///w/dist/apps/gateway/main.js', 'x')).toBe('app');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(areaOf('', 'writev')).toBe('(native)');
  });
});

describe('summarizeCpuProfile', () => {
  it('attributes self time to frames and areas, excluding idle', () => {
    const profile = {
      nodes: [
        {
          id: 1,
          callFrame: { functionName: '(root)', url: '', lineNumber: -1 },
          children: [2, 3, 4],
        },
        { id: 2, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
        {
          id: 3,
          callFrame: {
            functionName: 'serialize',
            url: 'file:///w/node_modules/bson/lib/bson.cjs',
            lineNumber: 9,
          },
        },
        {
          id: 4,
          callFrame: {
            functionName: 'handle',
            url: 'file:///w/dist/apps/gateway/main.js',
            lineNumber: 99,
          },
        },
      ],
      samples: [2, 3, 3, 4, 2],
      timeDeltas: [1000, 3000, 3000, 2000, 50000],
    };
    const s = summarizeCpuProfile(profile);
    expect(s.busyMs).toBe(8);
    expect(s.byArea).toEqual([
      { area: 'bson', percent: 75 },
      { area: 'app', percent: 25 },
    ]);
    expect(s.topFunctions[0]).toEqual({ name: 'serialize bson/lib/bson.cjs:10', percent: 75 });
    expect(s.topFunctions[1].name).toBe('handle dist/apps/gateway/main.js:100');
  });
});
