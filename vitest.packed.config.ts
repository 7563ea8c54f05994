// The slow suites under tests/packed/ (the packed tarball installed into scratch projects, real
// test runners, real servers, Prism, a 200 MB HAR): not part of npm test; npm run test:traffic
// runs the traffic ones, and .ci/run calls it. One file at a time: each installs the package and
// starts processes, and the machines it runs on have few cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/packed/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
