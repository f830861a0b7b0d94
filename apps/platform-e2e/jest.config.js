module.exports = {
  ...require('../../jest.preset'),
  displayName: 'platform-e2e',
  // The whole platform runs once per file and tests share its four ports: one file at a time.
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts', '<rootDir>/src/**/*.spec.ts'],
  maxWorkers: 1,
  testTimeout: 180_000,
};
