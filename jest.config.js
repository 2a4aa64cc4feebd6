// Every jest project shares one fast transform (swc); type checking is `npm run typecheck`.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

// Every project with a real core memoises Argon2id (same passphrase, salt and parameters, same
// key): a vault is unlocked many times with the key slot it was created with. See the file.
const kdfMemo = '<rootDir>/tests/helpers/kdf-memo.ts';

// Jest honours `testTimeout` only at the top level (jest-circus reads the global config; a
// project's own `testTimeout` is silently ignored), so projects that need longer set it in a
// setup file instead.
const longerTimeout = (file) => ({
  setupFilesAfterEnv: [kdfMemo, `<rootDir>/tests/helpers/${file}`],
});

// The renderer's TSX uses React's automatic JSX runtime (as Vite builds it).
const rendererTransform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        target: 'es2022',
        transform: { react: { runtime: 'automatic' } },
      },
      module: { type: 'commonjs' },
    },
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  // Per-test timeout sized for the slowest honest run, not for an idle machine: a test that
  // unlocks a vault runs Argon2id (about 1 s idle, several seconds on a 2-core box that is also
  // building). `npm run test:under-load` runs the suite beside two CPU burners to keep this honest.
  // A timeout catches a hang, it does not measure speed: session 15's run beside 20 other
  // processes took 80 s for a 1,500-note export's set-up. Hooks and tests that name their own
  // timeout use 600 s for the same reason.
  testTimeout: 300_000,
  // One worker per core. Jest's default is cores minus one, which on CI's 2-core machine is a
  // single worker: every suite ran one after another while the second core mostly idled (the
  // jest parent only collects results). Pass --maxWorkers=1 on a machine shared with other work.
  maxWorkers: '100%',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      setupFilesAfterEnv: [kdfMemo],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: [kdfMemo],
    },
    {
      ...common,
      displayName: 'renderer',
      transform: rendererTransform,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/renderer/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/renderer/setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      // Drives Chromium against the built renderer (`npm run build` first; `npm test` does).
      ...longerTimeout('timeout-e2e.ts'),
      slowTestThreshold: 60,
    },
    {
      ...common,
      displayName: 'e2e-electron',
      // The real desktop app through Playwright's _electron; skips (with a message) without the binary.
      testMatch: ['<rootDir>/tests/e2e-electron/**/*.test.ts'],
      ...longerTimeout('timeout-e2e.ts'),
    },
    {
      ...common,
      displayName: 'reliability',
      // Bounded here; `npm run test:reliability` sets RELIABILITY_FULL=1 for the full counts.
      testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
      ...longerTimeout('timeout-reliability.ts'),
    },
  ],
};
