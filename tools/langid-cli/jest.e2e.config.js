/**
 * End-to-end: trains a reduced model from the committed corpus with the real CLI and checks
 * its held-out UDHR accuracy. No broker or database is involved, so no globalSetup.
 */
module.exports = {
  displayName: 'langid-cli-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  maxWorkers: 1,
  testTimeout: 900000,
};
