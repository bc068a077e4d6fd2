// Bundles the browser UI (web/src, plain TypeScript) with esbuild, renders its pages (web/pages, one shared
// layout) and copies web/public (the stylesheet) beside them.
// Used by webpack.config.js after every server build, or on its own: `node apps/dashboard/web/web-bundle.build.js [outdir]`.
const { cpSync, mkdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const esbuild = require('esbuild');

/** uPlot's stylesheet, served as a file (assets/uplot.css) so a strict style-src CSP needs no 'unsafe-inline'. */
const UPLOT_CSS = require.resolve('uplot/dist/uPlot.min.css');

/** The pages, each file name to the module that renders it (web/pages/<file>.js). */
const PAGE_FILES = ['index.html', 'ops.html', 'models.html'];

/**
 * Writes the static web UI into `outdir`: the pages rendered from web/pages, the CSS of web/public, uPlot's CSS
 * and one script per page in assets/.
 * @param {string} outdir
 */
async function buildWeb(outdir) {
  mkdirSync(join(outdir, 'assets'), { recursive: true });
  cpSync(join(__dirname, 'public'), outdir, { recursive: true });
  for (const file of PAGE_FILES) {
    writeFileSync(join(outdir, file), require(join(__dirname, 'pages', `${file}.js`)));
  }
  cpSync(UPLOT_CSS, join(outdir, 'assets/uplot.css'));
  await esbuild.build({
    entryPoints: {
      demo: join(__dirname, 'src/demo/demo.page.ts'),
      ops: join(__dirname, 'src/ops/ops.page.ts'),
      models: join(__dirname, 'src/models/models.page.ts'),
    },
    outdir: join(outdir, 'assets'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: true,
    tsconfig: join(__dirname, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

module.exports = { buildWeb };

if (require.main === module) {
  const outdir = resolve(process.argv[2] ?? join(__dirname, '../../../dist/apps/dashboard/web'));
  buildWeb(outdir).then(
    () => process.stdout.write(`web UI written to ${outdir}\n`),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
