// The slow suites, each under its own npm script (test:packed, test:guides, test:pipeline,
// test:engines) and all of them under test:slow: what npm test leaves out for a fast loop, and
// .ci/run runs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/packed/**/*.test.ts', 'tests/pipeline/**/*.test.ts', 'tests/engines/**/*.test.ts'],
    // The package is packed once for every file that installs it.
    globalSetup: ['tests/helpers/pack-once.js'],
    // Some run the real pipeline on a copy of the project, or install the packed tarball.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
