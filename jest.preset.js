// Shared by every project's jest.config.js. Unit tests are *.spec.ts, tests against real
// infrastructure are *.int-spec.ts; both run under `npm test`.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  // Resolves workspace libraries to their TypeScript sources, so tests need no build first.
  testEnvironmentOptions: { customExportConditions: ['@platform/source', 'node', 'require', 'default'] },
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // Integration tests wait for real brokers and consumer-group joins; waits inside tests poll with their own deadlines.
  testTimeout: 60_000,
  // node-pg-migrate 9 and jose 6 ship only ES modules, which jest's CommonJS runtime cannot require on
  // Node 20; swc compiles it like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(node-pg-migrate|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: [path.join(__dirname, 'jest.setup.js')],
  // The default output, plus each project's counts for the total `npm test` ends with.
  reporters: ['default', path.join(__dirname, 'infra/test-totals/totals-reporter.js')],
};
