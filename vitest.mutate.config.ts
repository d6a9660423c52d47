import { defineConfig } from 'vitest/config';
import { common, include } from './vitest.config';

/**
 * The suite `npm run mutate` runs against each mutant: in-process tests of the
 * code under mutation. Browser, Electron and subprocess tests cannot see a
 * mutant (they run other processes). The rendered-UI tests (jsdom) reach the
 * store through React at many times the cost of its own tests, as exporting
 * all ten blueprints does for the exporters, so they are left out too.
 * Timeouts are generous: a mutation run shares the machine.
 *
 * MUTATE_TESTS narrows the run to the tests of the folder under mutation
 * (comma-separated globs, e.g. `tests/model/**`): each mutant then re-runs
 * seconds of tests rather than minutes.
 *
 * MUTATE_SHARE_MODULES=1 keeps modules loaded between test files and between
 * mutants (vitest's `isolate: false`): a mutant then costs its tests' own
 * time, not the import and warm-up of everything they reach (the exporters'
 * first design document costs seconds, later ones a tenth of that). Use it
 * with the setup file that empties the stores of results (`shared/memo.ts`)
 * before each test: a result kept before a mutant was switched on would
 * hide that mutant.
 */
const shared = process.env.MUTATE_SHARE_MODULES === '1';
const only = process.env.MUTATE_TESTS?.split(',').map((glob) => glob.trim()).filter(Boolean);

export default defineConfig({
  test: {
    ...common,
    include: only?.length ? only : include,
    globalSetup: ['tests/setup/buildCli.ts'],
    exclude: [
      '**/node_modules/**',
      'tests/e2e/**',
      'tests/electron/**',
      'tests/bench/**',
      'tests/layering.test.ts',
      'tests/cli/bin.test.ts',
      'tests/export/blueprint-exports.test.ts',
      'tests/renderer/*.test.tsx',
    ],
    testTimeout: 120_000,
    isolate: !shared,
    setupFiles: shared ? ['tests/setup/clearMemos.ts'] : [],
  },
});
