const { join } = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');

// Built by the `build` target that @nx/webpack/plugin (nx.json) infers from this file: `webpack-cli build`
// in this folder, NODE_ENV=production. Nx bundles the workspace libs (@sibyl/*) into main.js and leaves npm
// packages external; generatePackageJson writes the runtime dependencies beside it.
// A second entry bundles the model decode worker thread as model-decode.worker.js beside main.js
// (WorkerModelDecoder starts it from there: MODEL_DECODE_WORKER_FILE).
module.exports = {
  output: { library: { type: 'commonjs' }, path: join(__dirname, '../../dist/apps/predictor') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [
        { entryName: 'model-decode.worker', entryPath: './src/model/model-decode.worker.ts' },
      ],
      // Absolute: the package.json generator resolves it from webpack-cli's working directory (this
      // folder); a relative path would miss importHelpers and drop tslib from the runtime dependencies.
      tsConfig: join(__dirname, 'tsconfig.app.json'),
      generatePackageJson: true,
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
    }),
  ],
};
