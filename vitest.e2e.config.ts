// npm run test:e2e: the rendered reference in a real browser (Debian's Chromium). Not part of
// npm test: it needs the chromium package, which .ci/run installs. One file at a time: each
// drives a browser, and the machines it runs on have few cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
