import * as esbuild from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of a file or buffer as shipped and gzip-compressed (level 9, as a server would send it). */
export interface SizeFigures {
  bytes: number;
  gzipBytes: number;
}

/** Sizes of the operations page's script and stylesheets. */
export interface BundleSizes {
  /** assets/ops.js exactly as the dashboard build writes it (not minified). */
  opsScript: SizeFigures;
  /** The same entry minified by esbuild (what a minifying build would ship). */
  opsScriptMinified: SizeFigures;
  /** Every stylesheet the page links, together. */
  styles: SizeFigures;
}

function sizes(content: Buffer | Uint8Array): SizeFigures {
  return { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Total size of the stylesheets linked from an HTML file of `webDir`. */
function linkedStyles(webDir: string, html: string): Buffer {
  const hrefs = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((m) => m[1]);
  return Buffer.concat(hrefs.map((href) => readFileSync(join(webDir, href))));
}

/**
 * Measures the built operations page in `webDir` (output of the dashboard's web-bundle.build.js) and a minified
 * build of the same entry.
 */
export async function measureBundle(webDir: string, opsEntry: string): Promise<BundleSizes> {
  const minified = await esbuild.build({
    entryPoints: [opsEntry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    write: false,
    logLevel: 'warning',
  });
  const opsHtml = readFileSync(join(webDir, 'ops.html'), 'utf8');
  statSync(join(webDir, 'assets/ops.js'));
  return {
    opsScript: sizes(readFileSync(join(webDir, 'assets/ops.js'))),
    opsScriptMinified: sizes(minified.outputFiles[0].contents),
    styles: sizes(linkedStyles(webDir, opsHtml)),
  };
}
