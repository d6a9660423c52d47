import { defineConfig } from 'vitest/config';

/**
 * The consumer checks: every export opened by the real tool that reads it
 * (draw.io, Mermaid, Excalidraw, pdf.js, a Markdown renderer), in Chromium
 * or Node. Slow, so apart from `npm test`: `npm run test:consumers`.
 */
export default defineConfig({
  test: {
    include: ['tests/consumers/**/*.test.ts'],
    pool: 'forks',
    // One browser at a time: the machines these run on have few cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
