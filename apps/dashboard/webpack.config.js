const { join } = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { buildWeb } = require('./web/web-bundle.build');

// Built by the `build` target that @nx/webpack/plugin (nx.json) infers from this file: `webpack-cli build`
// in this folder, NODE_ENV=production. Nx bundles the workspace libs (@sibyl/*) into main.js and leaves npm
// packages external; generatePackageJson writes the runtime dependencies beside it.
// After each server build the browser UI is bundled into <output path>/web.
class WebBundlePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise('WebBundlePlugin', () =>
      buildWeb(join(compiler.options.output.path, 'web')),
    );
  }
}

module.exports = {
  output: { library: { type: 'commonjs' }, path: join(__dirname, '../../dist/apps/dashboard') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Absolute: the package.json generator resolves it from webpack-cli's working directory (this
      // folder); a relative path would miss importHelpers and drop tslib from the runtime dependencies.
      tsConfig: join(__dirname, 'tsconfig.app.json'),
      generatePackageJson: true,
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
    }),
    new WebBundlePlugin(),
  ],
};
