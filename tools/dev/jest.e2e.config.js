// `npm start`'s supervisor against the BUILT gateway and predictor (the e2e target builds them),
// the real RabbitMQ and FerretDB (started by the global setup when absent).
module.exports = {
  displayName: 'dev-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '../../libs/testing/src/global-setup.js',
  maxWorkers: 1,
  testTimeout: 300000,
};
