const { join } = require('node:path');
const { composePlugins, withNx } = require('@nx/webpack');

// Nx bundles the workspace libs (@sibyl/*) into main.js and leaves npm packages
// external; generatePackageJson writes the runtime dependencies beside it.
// A second entry bundles the model decode worker thread as model-decode.worker.js beside main.js
// (WorkerModelDecoder starts it from there: MODEL_DECODE_WORKER_FILE).
module.exports = composePlugins(withNx(), (config) => {
  config.entry = {
    ...config.entry,
    'model-decode.worker': join(__dirname, 'src/model/model-decode.worker.ts'),
  };
  return config;
});
