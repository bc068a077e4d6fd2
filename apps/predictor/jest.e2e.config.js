// End-to-end suites: the BUILT predictor (and, for test/pipeline, the built gateway) run as child
// processes against the real RabbitMQ and FerretDB; `nx e2e predictor` builds both first.
module.exports = {
  displayName: 'predictor-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 600000,
};
