// The slow suites that run from the packed tarball (tests/packed/), outside `npm test`:
// `npm run test:guides` runs the guides' code blocks as written. .ci/run runs it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/packed/**/*.test.ts'],
    // One file at a time: each installs the package and runs the real tools on a 2-core machine.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
