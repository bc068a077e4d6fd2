/** End-to-end: the real `npm run keys` CLI against the shared FerretDB. */
module.exports = {
  displayName: 'keys-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 120000,
};
