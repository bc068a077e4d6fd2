/**
 * kubernetes-models and its @kubernetes-models/* packages publish ES modules behind an "import"
 * export condition only. Jest (CommonJS) asks for "require", so for those packages this resolver
 * asks for "import" instead; everything else goes through Nx's resolver (tsconfig paths for
 * @sibyl/*). jest.config.js then lets babel-jest turn those ES modules into CommonJS.
 */
const nxResolver = require('@nx/jest/plugins/resolver');

const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/[^/]+)(\/|$)/;

module.exports = (request, options) =>
  ESM_ONLY.test(request)
    ? options.defaultResolver(request, { ...options, conditions: ['import', 'node', 'default'] })
    : nxResolver(request, options);
