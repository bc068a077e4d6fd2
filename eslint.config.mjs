import nx from '@nx/eslint-plugin';
import prettierRecommended from 'eslint-plugin-prettier/recommended';

/** Database and broker client packages: neither the contracts nor the model may import them. */
const DATABASE_AND_BROKER_CLIENTS = ['mongoose', 'amqplib', 'amqp-connection-manager'];

/** The kinds of library an app may use. */
const LIBRARY_TYPES = ['type:contracts', 'type:model', 'type:infra', 'type:testing'];

/** Owners whose projects use only their own and the shared libraries. */
const OWNER_SCOPES = ['scope:gateway', 'scope:predictor', 'scope:dashboard', 'scope:tools'];

/**
 * Module boundaries on two axes:
 *  - type:*  what a project is (app, contracts, model, infra, tool)
 *  - scope:* who owns it (gateway, predictor, dashboard, shared, tools)
 * contracts depend on nothing, the model stays framework-free, apps never import apps.
 */
const depConstraints = [
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: [],
    bannedExternalImports: [
      '@nestjs/core',
      '@nestjs/microservices',
      ...DATABASE_AND_BROKER_CLIENTS,
    ],
  },
  {
    sourceTag: 'type:model',
    onlyDependOnLibsWithTags: [],
    bannedExternalImports: [
      '@nestjs/*',
      ...DATABASE_AND_BROKER_CLIENTS,
      'express',
      'fastify',
      'http',
      'https',
      'net',
    ],
  },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: LIBRARY_TYPES },
  // a tool may reuse another tool's public entry (the chaos tool drives the load tool's parts)
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [...LIBRARY_TYPES, 'type:tool'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...OWNER_SCOPES.map((scope) => ({
    sourceTag: scope,
    onlyDependOnLibsWithTags: [scope, 'scope:shared'],
  })),
];

/**
 * A library's own e2e suite, kept apart under `test/` (never shipped), may also use the shared
 * test helpers (`type:testing`) to drive the real broker and database. Everything under `src/`
 * keeps the constraints above.
 */
const e2eDepConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'type:infra'
    ? { ...constraint, onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] }
    : constraint,
);

/** The boundary rule with the given constraints. */
const boundaries = (constraints) => [
  'error',
  { enforceBuildableLibDependency: true, allow: [], depConstraints: constraints },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  // Formatting is part of lint: `prettier/prettier` reports any file Prettier would change
  // (.prettierrc, 100 columns); `npm run format` fixes them.
  prettierRecommended,
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      'data/**',
      'models/**',
      '.data/**',
      'apps/dashboard/web/dist/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    ignores: [
      '**/jest*.config.js',
      '**/webpack.config.js',
      '**/*.reporter.js',
      '**/global-setup.js',
    ],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
    },
  },
  {
    files: ['**/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(e2eDepConstraints) },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Apps only predict: the training code (`@sibyl/model/training`) is for tools.
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@sibyl/model/training',
              message: 'apps use the inference entry `@sibyl/model`; training is for tools',
            },
          ],
        },
      ],
    },
  },
  {
    // Config classes keep explicit `: number` / `: string` annotations: class-transformer's implicit
    // conversion reads them from the emitted design-type metadata.
    files: ['**/config/*.ts'],
    rules: { '@typescript-eslint/no-inferrable-types': 'off' },
  },
];
