const { nodeAppConfig } = require('../../webpack.preset');

// Built by the `build` target @nx/webpack/plugin infers from this file (webpack.preset.js says how).
// A second entry bundles the model decode worker thread as model-decode.worker.js beside main.js
// (WorkerModelDecoder starts it from there: MODEL_DECODE_WORKER_FILE).
module.exports = nodeAppConfig({
  projectDir: __dirname,
  outputPath: 'dist/apps/predictor',
  additionalEntryPoints: [
    { entryName: 'model-decode.worker', entryPath: './src/model/model-decode.worker.ts' },
  ],
});
