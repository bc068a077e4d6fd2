module.exports = {
  displayName: 'auth-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '../../libs/testing/src/global-setup.js',
  maxWorkers: 1,
  testTimeout: 60000,
};
