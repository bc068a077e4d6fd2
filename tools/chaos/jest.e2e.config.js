/**
 * The fast subset of the chaos matrix (predictor SIGKILL, broker blackhole, requests queue
 * re-declared, poison messages) against the built gateway and predictors, the machine's
 * RabbitMQ (through a proxy and a unique namespace; never stopped or alarmed) and a private
 * FerretDB. The full matrix is `npm run chaos`.
 */
module.exports = {
  displayName: 'chaos-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 900000,
};
