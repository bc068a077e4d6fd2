const { join } = require('node:path');
const { nodeAppConfig } = require('../../webpack.preset');
const { buildWeb } = require('./web/web-bundle.build');

// Built by the `build` target @nx/webpack/plugin infers from this file (webpack.preset.js says how).
// After each server build the browser UI is bundled into <output path>/web.
class WebBundlePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise('WebBundlePlugin', () =>
      buildWeb(join(compiler.options.output.path, 'web')),
    );
  }
}

module.exports = nodeAppConfig({
  projectDir: __dirname,
  outputPath: 'dist/apps/dashboard',
  plugins: [new WebBundlePlugin()],
});
