// Every $ref the package suggests resolves as written: those in the README, the guides and on the reference
// page (from a spec at the root of a project) and those in lint findings (from the file each
// finding is in, at the root or in a folder). Each is pasted into a spec where it belongs, in a
// project that installed the packed package, and must survive the real `redocly bundle` and
// openapi-typescript.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS from 'openapi-typescript';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { docsInput } from '../../scripts/docs.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { bundledDocument } from '../helpers/contract.ts';
import { guideFiles, readGuide } from '../helpers/doc-blocks.ts';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';

/** A reference to a component of the package, in any form a text may write one. */
const SUGGESTED = /[\w./-]*payment-error-contract[\w./-]*#\/components\/\w+\/\w+/g;
const QUIET = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

let project: PackedProject;
beforeAll(async () => {
  project = await packedProject([
    { name: '@stoplight/spectral-cli', bin: ['spectral', 'dist/index.js'] },
    { name: '@redocly/cli', bin: ['redocly', 'bin/cli.js'] },
  ]);
  await writeFile(path.join(project.dir, '.spectral.yaml'), 'extends: ["payment-error-contract/spectral"]\n');
  await writeFile(path.join(project.dir, 'redocly.yaml'), 'plugins:\n  - payment-error-contract/redocly\nextends:\n  - payment-errors/recommended\n');
}, 180_000);
afterAll(async () => {
  await project?.remove();
});

/** A spec that uses the reference where its kind of component belongs. */
function specUsing(ref: string) {
  const kind = /#\/components\/(\w+)\//.exec(ref)?.[1];
  const is30 = ref.includes('openapi-3.0.');
  const operation: Record<string, unknown> = { responses: { '200': { description: 'OK' } } };
  if (kind === 'responses') operation.responses = { '400': { $ref: ref } };
  else if (kind === 'schemas') operation.responses = { '400': { description: 'Failed', content: { 'application/json': { schema: { $ref: ref } } } } };
  else if (kind === 'parameters') operation.parameters = [{ $ref: ref }];
  else if (kind === 'examples') operation.responses = { '400': { description: 'Failed', content: { 'application/json': { examples: { e: { $ref: ref } } } } } };
  else throw new Error(`no place for a reference to ${kind}: ${ref}`);
  return { openapi: is30 ? '3.0.3' : '3.1.0', info: { title: 'Pasted', version: '1' }, paths: { '/pasted': { post: operation } } };
}

/** Pastes the reference into a spec in `folder` of the project; resolves to what went wrong, if anything. */
async function paste(ref: string, folder: string, n: number): Promise<string[]> {
  const file = path.join(project.dir, folder, `pasted-${n}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(specUsing(ref)));
  const problems: string[] = [];
  const bundled = await project.run(path.join(project.dir, 'node_modules/.bin/redocly'), ['bundle', file, '--output', `${file}.bundled.json`], '', QUIET);
  if (bundled.code !== 0 || /Can't resolve|Failed to resolve|ENOENT/i.test(bundled.stderr)) problems.push(`redocly bundle: ${bundled.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const previous = process.cwd();
  process.chdir(project.dir);
  try {
    await openapiTS(pathToFileURL(file), { silent: true });
  } catch (error) {
    problems.push(`openapi-typescript: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    process.chdir(previous);
  }
  return problems;
}

test('every $ref in the README and the guides, on the reference page and in ERRORS.md resolves from a spec at the project root', async () => {
  const guides = guideFiles().map((doc) => readGuide(doc));
  const errors = await readFile(path.join(REPO_ROOT, 'generated/ERRORS.md'), 'utf8');
  const page = JSON.stringify(docsInput(await bundledDocument(), { schemaTag: 'Schemas' }));
  const refs = [...new Set([...guides, errors, page].flatMap((text) => [...text.matchAll(SUGGESTED)].map((m) => m[0])))];
  expect(refs.length).toBeGreaterThan(0);
  const failures: Record<string, string[]> = {};
  for (const [n, ref] of refs.entries()) {
    const problems = await paste(ref, '.', n);
    if (problems.length) failures[ref] = problems;
  }
  expect(failures).toEqual({});
});

test.each(['.', 'api/v1'])('every $ref a lint finding suggests resolves from the file it is in (%s), with both engines', async (folder) => {
  const spec = await readFile(path.join(REPO_ROOT, 'tests/fixtures/downstream/mistakes/openapi.yaml'), 'utf8');
  const up = folder === '.' ? './' : `${folder.split('/').map(() => '..').join('/')}/`;
  const file = path.join(folder, 'mistakes.yaml');
  await mkdir(path.join(project.dir, folder), { recursive: true });
  await writeFile(path.join(project.dir, file), spec.replaceAll('./node_modules/', `${up}node_modules/`));
  const spectral = await project.run(path.join(project.dir, 'node_modules/.bin/spectral'), ['lint', file, '--format', 'json', '--quiet']);
  const redocly = await project.run(path.join(project.dir, 'node_modules/.bin/redocly'), ['lint', file, '--format', 'json'], '', QUIET);
  const messages = [...(JSON.parse(spectral.stdout) as Array<{ message: string }>), ...(JSON.parse(redocly.stdout) as { problems: Array<{ message: string }> }).problems].map((f) => f.message);
  const refs = [...new Set(messages.flatMap((m) => [...m.matchAll(SUGGESTED)].map((match) => match[0])))];
  expect(refs.sort()).toEqual(
    ['parameters/IdempotencyKey', 'parameters/OnBehalfOf', 'responses/InternalServerError', 'schemas/PaymentError'].map(
      (component) => `${up}node_modules/payment-error-contract/generated/openapi.yaml#/components/${component}`,
    ),
  );
  const failures: Record<string, string[]> = {};
  for (const [n, ref] of refs.entries()) {
    const problems = await paste(ref, folder, n);
    if (problems.length) failures[ref] = problems;
  }
  expect(failures).toEqual({});
});

test("every $ref a finding suggests on the downstream walk's specs resolves as written, with both engines: the error body schema for a gateway's 401, 403 and 422, the 3.0 translation for a 3.0 spec", async () => {
  const refs = new Set<string>();
  for (const fixture of ['checkout-3.1', 'charges-3.0']) {
    const file = `${fixture}.yaml`;
    await writeFile(path.join(project.dir, file), await readFile(path.join(REPO_ROOT, 'tests/fixtures/downstream-walk', fixture, 'openapi.yaml'), 'utf8'));
    const spectral = await project.run(path.join(project.dir, 'node_modules/.bin/spectral'), ['lint', file, '--format', 'json', '--quiet']);
    const redocly = await project.run(path.join(project.dir, 'node_modules/.bin/redocly'), ['lint', file, '--format', 'json'], '', QUIET);
    const messages = [...(JSON.parse(spectral.stdout) as Array<{ message: string }>), ...(JSON.parse(redocly.stdout) as { problems: Array<{ message: string }> }).problems].map((f) => f.message);
    for (const m of messages) for (const match of m.matchAll(SUGGESTED)) refs.add(match[0]);
  }
  expect([...refs].sort()).toEqual([
    './node_modules/payment-error-contract/generated/openapi-3.0.yaml#/components/responses/InternalServerError',
    './node_modules/payment-error-contract/generated/openapi-3.0.yaml#/components/schemas/ErrorBody',
    './node_modules/payment-error-contract/generated/openapi.yaml#/components/schemas/ErrorBody',
  ]);
  const failures: Record<string, string[]> = {};
  for (const [n, ref] of [...refs].entries()) {
    const problems = await paste(ref, '.', 100 + n);
    if (problems.length) failures[ref] = problems;
  }
  expect(failures).toEqual({});
});
