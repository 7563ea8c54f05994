import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The slow suites run from the packed tarball: npm run test:traffic (vitest.packed.config.ts).
    exclude: [...configDefaults.exclude, 'tests/packed/**'],
    // Type-level tests (*.test-d.ts) run through tsc with the tests' tsconfig.
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: 'tests/tsconfig.json' },
    // Some tests run the real pipeline on a copy of the project.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
