const { join } = require('node:path');
const { composePlugins, withNx } = require('@nx/webpack');
const { buildWeb } = require('./web/web-bundle.build');

// Nx bundles the workspace libs (@sibyl/*) into main.js and leaves npm packages
// external; generatePackageJson writes the runtime dependencies beside it.
// After each server build the browser UI is bundled into <outputPath>/web.
class WebBundlePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise('WebBundlePlugin', () =>
      buildWeb(join(compiler.options.output.path, 'web')),
    );
  }
}

module.exports = composePlugins(withNx(), (config) => {
  config.plugins.push(new WebBundlePlugin());
  return config;
});
