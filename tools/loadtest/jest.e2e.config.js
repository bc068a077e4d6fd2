/**
 * A short load run against the built gateway and predictors (dist/apps/*), spawned on
 * a unique broker namespace and database. Needs the real RabbitMQ and FerretDB, which
 * the global setup starts when absent.
 */
module.exports = {
  displayName: 'loadtest-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 300000,
};
