/** Jest runs the TypeScript sources as ESM through ts-jest (type-checking is `npm run typecheck`). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The CI run's own GitHub event must not reach the tests (test/hermetic-env.ts).
  setupFiles: ['<rootDir>/test/hermetic-env.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 60000,
  // The slowest files first, also on a clean clone (test/sequencer.js).
  testSequencer: '<rootDir>/test/sequencer.js',
  // Three workers on two cores: with two, the cores were busy 80% of a run (the rest waiting on timers, polls and
  // sockets); three took a clean-clone run from 532 s to 484 s of jest, every test passing.
  maxWorkers: 3,
};
