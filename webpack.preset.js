// The webpack config every Sibyl Node program shares (the three apps and tools/models): each project's
// webpack.config.js calls nodeAppConfig, and the `build` target that @nx/webpack/plugin (nx.json) infers
// from that file runs `webpack-cli build` in the project's folder with NODE_ENV=production.
// Nx bundles the workspace libs (@sibyl/*) into main.js and leaves npm packages external;
// generatePackageJson writes the runtime dependencies beside it.
const { join } = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');

/**
 * The webpack config of one Node program: src/main.ts bundled to <outputPath>/main.js (plus any additional
 * entry beside it), with source maps, neither minified nor hashed, and its generated package.json.
 * @param {object} program
 * @param {string} program.projectDir the project's folder (`__dirname` of its webpack.config.js)
 * @param {string} program.outputPath the output folder relative to the workspace root, e.g. `dist/apps/gateway`
 * @param {{ entryName: string, entryPath: string }[]} [program.additionalEntryPoints] more bundles beside
 *   main.js; `entryPath` relative to the project's folder, starting with `./`
 * @param {import('webpack').WebpackPluginInstance[]} [program.plugins] applied after Nx's own
 * @returns {import('webpack').Configuration}
 */
function nodeAppConfig({ projectDir, outputPath, additionalEntryPoints = [], plugins = [] }) {
  return {
    output: { library: { type: 'commonjs' }, path: join(__dirname, outputPath) },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        additionalEntryPoints,
        // Absolute: the package.json generator resolves it from webpack-cli's working directory (the
        // project's folder); a relative path would miss importHelpers and drop tslib from the dependencies.
        tsConfig: join(projectDir, 'tsconfig.app.json'),
        generatePackageJson: true,
        optimization: false,
        outputHashing: 'none',
        sourceMap: true,
      }),
      ...plugins,
    ],
  };
}

module.exports = { nodeAppConfig };
