// The ./vitest export's declarations in a project without vitest (a jest user's), from the packed
// tarball: they compile under the strictest settings (skipLibCheck off, no DOM, no @types), so
// the `declare module 'vitest'` in them costs such a project nothing. With vitest, the matcher is
// typed: tests/packed/traffic-docs.test.ts.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';

let project: PackedProject;
beforeAll(async () => {
  project = await packedProject();
}, 300_000);
afterAll(async () => {
  await project?.remove();
});

test('payment-error-contract/vitest compiles without vitest installed, skipLibCheck off, lib es2022 only', async () => {
  await writeFile(
    path.join(project.dir, 'setup.ts'),
    `import { errorContract, type ErrorContractMatchers, type MatcherResult } from 'payment-error-contract/vitest';
export const matchers: ErrorContractMatchers = errorContract('openapi.yaml');
export const result: Promise<MatcherResult> = matchers.toBeDeclaredError.call({ isNot: false }, { status: 400, body: {} }, 'POST /payments');
`,
  );
  const options = { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: false, exactOptionalPropertyTypes: true };
  await writeFile(path.join(project.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['setup.ts'] }));
  const result = await project.run(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
  expect(result.stdout + result.stderr).toBe('');
  expect(result.code).toBe(0);
});
