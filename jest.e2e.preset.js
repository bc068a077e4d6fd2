// The preset of every jest.e2e.config.js: the unit preset, plus the global setup that starts the
// real RabbitMQ and FerretDB when absent (the teardown stops the FerretDB it started), and one
// worker (the suites share the broker and database).
const { join } = require('node:path');

module.exports = {
  ...require('./jest.preset.js'),
  globalSetup: join(__dirname, 'libs/testing/src/global-setup.js'),
  globalTeardown: join(__dirname, 'libs/testing/src/global-teardown.js'),
  maxWorkers: 1,
};
