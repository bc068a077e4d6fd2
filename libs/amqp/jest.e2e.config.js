module.exports = {
  displayName: 'amqp-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 60000,
};
