module.exports = {
  displayName: 'testing-e2e',
  preset: '../../jest.e2e.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 120000,
};
