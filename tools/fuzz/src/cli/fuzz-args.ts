/** Arguments of `npm run fuzz`. */
export interface FuzzArgs {
  runs: number;
  seed: number;
  maxRssGrowthMiB: number;
}

export const FUZZ_USAGE =
  'usage: npm run fuzz -- [--runs N (default 2000)] [--seed S (default: random, printed)] [--max-rss-growth-mib M (default 256)]';

/** Parses `--runs N --seed S --max-rss-growth-mib M`; throws with the usage on anything else. */
export function parseFuzzArgs(
  argv: string[],
  randomSeed: () => number = () => Date.now() % 2 ** 31,
): FuzzArgs {
  const args: FuzzArgs = { runs: 2000, seed: NaN, maxRssGrowthMiB: 256 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${argv[i]} needs a non-negative integer\n${FUZZ_USAGE}`);
    if (argv[i] === '--runs') args.runs = value;
    else if (argv[i] === '--seed') args.seed = value;
    else if (argv[i] === '--max-rss-growth-mib') args.maxRssGrowthMiB = value;
    else throw new Error(`unknown option ${argv[i]}\n${FUZZ_USAGE}`);
  }
  if (Number.isNaN(args.seed)) args.seed = randomSeed();
  return args;
}
