import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // The consumer checks run on their own: npm run test:consumers.
    exclude: ['tests/consumers/**', 'node_modules/**'],
    pool: 'forks',
    // `mlsd` runs as a process in some tests: they must run the sources as they are now.
    globalSetup: ['tests/setup/buildCli.ts', 'tests/setup/rendererBuild.ts'],
    testTimeout: 30_000,
    // Browser tests wait for workers and rendering; a busy CI machine gets time, the assertions stay the same.
    expect: { poll: { timeout: 5_000, interval: 50 } },
  },
});
