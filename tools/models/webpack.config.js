const { composePlugins, withNx } = require('@nx/webpack');

// Nx bundles the workspace libs (@sibyl/*) into main.js and leaves npm packages
// external; generatePackageJson writes the runtime dependencies beside it.
module.exports = composePlugins(withNx(), (config) => config);
