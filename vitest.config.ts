// npm test: every unit, contract, rule and type test, from a built tree, in under a minute on two
// cores. The slow suites run under their own commands (vitest.slow.config.ts, vitest.e2e.config.ts),
// which .ci/run runs too: the packed tarball (tests/packed/), the pipeline run on a copy of the
// project (tests/pipeline/), the engines' own CLIs and bundlers (tests/engines/) and the browser
// (tests/e2e/).
import { defineConfig } from 'vitest/config';

const SLOW = ['tests/packed/**', 'tests/pipeline/**', 'tests/engines/**', 'tests/e2e/**'];
/** Files that replace a module (vi.mock) for their own run: each gets a fresh module graph. */
const MOCKING = ['tests/kit/narrow/verify.test.ts', 'tests/cli/staged-write.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...SLOW, ...MOCKING],
          // One module graph per worker: Spectral, Redocly and the package are loaded once per
          // worker, not once per file (that was two thirds of the run).
          isolate: false,
          // Type-level tests (*.test-d.ts) run through tsc with the tests' tsconfig.
          typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: 'tests/tsconfig.json' },
        },
      },
      { extends: true, test: { name: 'mocking', include: MOCKING } },
    ],
  },
});
