import { defineConfig } from 'vitest/config';

/** Settings every test file runs with, whichever project holds it (also the mutation runs' base). */
export const common = {
  pool: 'forks' as const,
  testTimeout: 30_000,
  // Browser tests wait for workers and rendering; a busy CI machine gets time, the assertions stay the same.
  expect: { poll: { timeout: 5_000, interval: 50 } },
};

/** The test files of `npm test`; the consumer checks run on their own: npm run test:consumers. */
export const include = ['tests/**/*.test.ts', 'tests/**/*.test.tsx'];
const exclude = ['tests/consumers/**', 'node_modules/**'];
const browser = 'tests/e2e/**';

/**
 * Two projects, one after the other. The tests that need no browser first,
 * on every core (most of them keep one core busy, and a two-core machine
 * would otherwise leave the other idle); meanwhile the renderer is built for
 * the browser tests, which then run one file at a time in one process (each
 * file's pages keep Chromium busy on the other cores).
 */
export default defineConfig({
  test: {
    // Overridden by --maxWorkers (1 while the machine is shared).
    maxWorkers: '100%',
    projects: [
      {
        test: {
          ...common,
          name: 'unit',
          include,
          exclude: [...exclude, browser],
          // `mlsd` runs as a process in some tests: they must run the sources as they are now.
          globalSetup: ['tests/setup/buildCli.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...common,
          name: 'browser',
          include: [`${browser}/*.test.ts`],
          exclude,
          globalSetup: ['tests/setup/rendererBuild.ts'],
          fileParallelism: false,
          // One process for all of them: Playwright and the helpers load once, not once per file.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
