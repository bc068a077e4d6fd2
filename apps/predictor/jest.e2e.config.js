// End-to-end suites: the BUILT predictor (and, for test/pipeline, the built gateway) run as child
// processes against the real RabbitMQ and FerretDB; `nx e2e predictor` builds both first.
module.exports = {
  displayName: 'predictor-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '../../libs/testing/src/global-setup.js',
  maxWorkers: 1,
  testTimeout: 600000,
};
