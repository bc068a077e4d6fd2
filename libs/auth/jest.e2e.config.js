module.exports = {
  displayName: 'auth-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60000,
};
