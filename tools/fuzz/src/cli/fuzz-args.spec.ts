import { parseFuzzArgs } from './fuzz-args';

describe('parseFuzzArgs', () => {
  it('reads runs, seed and the memory bound, defaulting the seed to a random one', () => {
    expect(parseFuzzArgs(['--runs', '50', '--seed', '7'])).toEqual({
      runs: 50,
      seed: 7,
      maxRssGrowthMiB: 256,
    });
    expect(parseFuzzArgs([], () => 99)).toEqual({ runs: 2000, seed: 99, maxRssGrowthMiB: 256 });
    expect(parseFuzzArgs(['--max-rss-growth-mib', '64'], () => 1).maxRssGrowthMiB).toBe(64);
  });

  it('refuses unknown options and bad numbers with the usage', () => {
    expect(() => parseFuzzArgs(['--run', '5'])).toThrow(/unknown option --run\nusage/);
    expect(() => parseFuzzArgs(['--runs', 'many'])).toThrow(/--runs needs a non-negative integer/);
  });
});
