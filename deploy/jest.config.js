/**
 * kubernetes-models ships ES modules only: jest.esm-resolver.js resolves their "import" export
 * condition and babel-jest rewrites those files to CommonJS (the project's own TypeScript still goes
 * through ts-jest from the preset).
 */
const esmPackages = ['kubernetes-models', '@kubernetes-models', 'is-cidr', 'cidr-regex'];

module.exports = {
  displayName: 'deploy',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../coverage/deploy',
  resolver: '<rootDir>/jest.esm-resolver.js',
  transform: {
    '/node_modules/.+\\.js$': [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
    ],
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
};
