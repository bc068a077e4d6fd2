/** End-to-end: the real `npm run keys` CLI against the shared FerretDB. */
module.exports = {
  displayName: 'keys-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '../../libs/testing/src/global-setup.js',
  maxWorkers: 1,
  testTimeout: 120000,
};
