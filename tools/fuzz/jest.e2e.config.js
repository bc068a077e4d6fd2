/**
 * The HTTP fuzz suite against the built gateway (dist/apps/gateway), on a unique broker namespace
 * and database, with a fixed seed and a bounded number of requests. Needs the real RabbitMQ and
 * FerretDB, which the global setup starts when absent.
 */
module.exports = {
  displayName: 'fuzz-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 300000,
};
