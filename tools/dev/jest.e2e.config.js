// `npm start`'s supervisor against the BUILT gateway and predictor (the e2e target builds them),
// the real RabbitMQ and FerretDB (started by the global setup when absent).
module.exports = {
  displayName: 'dev-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 300000,
};
