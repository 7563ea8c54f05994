// npm run test:e2e: the rendered reference in a real browser (Debian's Chromium). Not part of
// npm test: it needs the chromium package, which .ci/run installs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
