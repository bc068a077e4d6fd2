import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BundleSizes, measureBundle } from './bundle-size';
import { serveStatic } from './static-server';

/** The bench page's global, seen from Node (the page's `window`). */
type BenchPage = typeof globalThis & { benchCharts(options: unknown): Promise<unknown> };

/** Options of {@link runChartBench}. */
export interface ChartBenchConfig {
  root: string;
  /** Fresh pages measured, each with its own warm-up. */
  rounds: number;
  updates: number;
  warmup: number;
  historySize: number;
  sampleIntervalMs: number;
  log: (line: string) => void;
}

/** Figures of one run. */
export interface ChartBenchReport {
  bundle: BundleSizes;
  /** Median and 95th percentile of the per-update cost over every round, ms. */
  updateMedianMs: number;
  updateP95Ms: number;
  /** Median of the rounds' first (cold) update, ms. */
  firstUpdateMedianMs: number;
  /** Main-thread share of one core at the sampling rate: median update cost / interval. */
  cpuShareAtSampleRate: number;
  samples: number;
}

/** Same shape as the page's ChartBenchResult (apps/dashboard/web/src/bench). */
interface PageResult {
  firstUpdateMs: number;
  updateMs: number[];
}

const VIEWPORT = { width: 1400, height: 1000 };

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Writes the dashboard's web UI and the benchmark page into `dir`; returns the bench page's path. */
async function buildPages(root: string, dir: string): Promise<string> {
  const web = join(root, 'apps/dashboard/web');
  const { buildWeb } = require(join(web, 'web-bundle.build.js')) as {
    buildWeb: (outdir: string) => Promise<void>;
  };
  await buildWeb(dir);
  await esbuild.build({
    entryPoints: { 'charts-bench': join(web, 'src/bench/charts.bench-page.ts') },
    outdir: join(dir, 'assets'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110'],
    tsconfig: join(web, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const html = readFileSync(join(dir, 'ops.html'), 'utf8').replace(
    '/assets/ops.js',
    '/assets/charts-bench.js',
  );
  if (!html.includes('/assets/charts-bench.js'))
    throw new Error('ops.html no longer loads /assets/ops.js');
  writeFileSync(join(dir, 'charts-bench.html'), html);
  return '/charts-bench.html';
}

/**
 * Measures the operations page's charts: bundle size of the built page, and the main-thread cost of one chart update
 * (a new sample appended to a full window) in headless Debian Chromium, one update per animation frame.
 */
export async function runChartBench(config: ChartBenchConfig): Promise<ChartBenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sibyl-chart-bench-'));
  const { server, url } = await serveStatic(dir);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await buildPages(config.root, dir);
    const bundle = await measureBundle(
      dir,
      join(config.root, 'apps/dashboard/web/src/ops/ops.page.ts'),
    );
    config.log(`ops.js ${bundle.opsScript.bytes} B (minified ${bundle.opsScriptMinified.bytes} B)`);
    const updates: number[] = [];
    const firsts: number[] = [];
    for (let round = 1; round <= config.rounds; round++) {
      const tab = await browser.newPage({ viewport: VIEWPORT });
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${url}${page}`);
      await tab.waitForFunction(() => typeof (globalThis as BenchPage).benchCharts === 'function');
      const result = (await tab.evaluate(
        (options) => (globalThis as BenchPage).benchCharts(options),
        {
          historySize: config.historySize,
          sampleIntervalMs: config.sampleIntervalMs,
          updates: config.updates,
          warmup: config.warmup,
        },
      )) as PageResult;
      if (errors.length > 0) throw new Error(`the bench page failed: ${errors.join('; ')}`);
      await tab.close();
      updates.push(...result.updateMs);
      firsts.push(result.firstUpdateMs);
      config.log(
        `round ${round}/${config.rounds}: median ${quantile(result.updateMs, 0.5).toFixed(2)} ms per update`,
      );
    }
    const median = quantile(updates, 0.5);
    return {
      bundle,
      updateMedianMs: median,
      updateP95Ms: quantile(updates, 0.95),
      firstUpdateMedianMs: quantile(firsts, 0.5),
      cpuShareAtSampleRate: median / config.sampleIntervalMs,
      samples: updates.length,
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

declare global {
  interface Window {
    benchCharts: (options: object) => Promise<PageResult>;
  }
}
