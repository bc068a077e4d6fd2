const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: { ignoreCodes: ['TS151001'] } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  reporters: ['default', join(__dirname, 'tools/dev/jest-results.reporter.js')],
};
