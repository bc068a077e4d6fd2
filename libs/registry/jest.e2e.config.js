module.exports = {
  displayName: 'registry-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '../../libs/testing/src/global-setup.js',
  maxWorkers: 1,
  testTimeout: 120000,
};
