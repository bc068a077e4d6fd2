const { nodeAppConfig } = require('../../webpack.preset');

// Built by the `build` target @nx/webpack/plugin infers from this file (webpack.preset.js says how).
module.exports = nodeAppConfig({ projectDir: __dirname, outputPath: 'dist/apps/gateway' });
