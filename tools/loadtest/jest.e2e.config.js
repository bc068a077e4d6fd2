/**
 * A short load run against the built gateway and predictors (dist/apps/*), spawned on
 * a unique broker namespace and database. Needs the real RabbitMQ and FerretDB, which
 * the global setup starts when absent.
 */
module.exports = {
  displayName: 'loadtest-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '../../libs/testing/src/global-setup.js',
  maxWorkers: 1,
  testTimeout: 300000,
};
