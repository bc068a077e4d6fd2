/** End-to-end: the real `npm run models` CLI against the shared FerretDB and RabbitMQ. */
module.exports = {
  displayName: 'models-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 600000,
};
