/** End-to-end: the registry against the real database, with the trained model. */
module.exports = {
  displayName: 'registry-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 120000,
};
