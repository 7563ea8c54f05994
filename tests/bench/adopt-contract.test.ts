// bench/adopt-contract.js adopts the contract in a spec the way docs/lint.md says; the benchmark
// uses it on public specs. Adopted, a spec full of mistakes has none left for either engine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { adoptContract } from '../../bench/adopt-contract.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { ENGINES, downstreamProject, lint, type Project } from '../helpers/lint.ts';

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});

test.each(ENGINES)('the mistakes fixture, adopted, has no finding left (%s)', async (engine) => {
  const spec = parse(await readFile(path.join(REPO_ROOT, 'tests/fixtures/downstream/mistakes/openapi.yaml'), 'utf8'));
  await project.write(`${engine}-before.yaml`, spec);
  await project.write(`${engine}-adopted.yaml`, adoptContract(spec));
  expect((await lint(engine, project, `${engine}-before.yaml`)).length).toBe(18);
  expect(await lint(engine, project, `${engine}-adopted.yaml`)).toEqual([]);
});

test('a 3.0 spec adopts the 3.0 document', () => {
  const adopted = adoptContract({ openapi: '3.0.3', paths: { '/x': { get: { responses: { '404': { description: 'No' } } } } } });
  expect(adopted.paths['/x'].get.responses).toEqual({
    400: { $ref: './node_modules/payment-error-contract/generated/openapi-3.0.yaml#/components/responses/BadRequest' },
    500: { $ref: './node_modules/payment-error-contract/generated/openapi-3.0.yaml#/components/responses/InternalServerError' },
  });
});
