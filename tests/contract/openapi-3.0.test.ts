// generated/openapi-3.0.*: the contract translated to OpenAPI 3.0.3. How each 3.1 construct is
// translated (and that one with no 3.0 form stops the build), and that a 3.0 spec built on it
// gets types from openapi-typescript that narrow `code` by `type`. The contract tests
// (contract.test.ts) hold it to the catalog; the lint kit's end-to-end test lints a 3.0 spec
// that $refs it with both engines.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { toOpenApi30 } from '../../scripts/generate-openapi-3.0.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { downstreamProject, type Project } from '../helpers/lint.ts';

const minimal = (components: object, extra: object = {}) => ({ openapi: '3.1.0', info: { title: 'T', version: '1' }, components, ...extra });

test.each([
  {
    name: 'const becomes a one-value enum',
    given: { schemas: { T: { type: 'string', const: 'payment_error' } } },
    want: { schemas: { T: { type: 'string', enum: ['payment_error'] } } },
  },
  {
    name: 'a $ref with a description beside it becomes allOf, keeping the description',
    given: { schemas: { C: { $ref: '#/components/schemas/Code', description: 'Open codes.' } } },
    want: { schemas: { C: { allOf: [{ $ref: '#/components/schemas/Code' }], description: 'Open codes.' } } },
  },
  {
    name: 'a type list with null becomes nullable; a numeric exclusiveMinimum becomes minimum and true',
    given: { schemas: { N: { type: ['integer', 'null'], exclusiveMinimum: 0 } } },
    want: { schemas: { N: { type: 'integer', nullable: true, minimum: 0, exclusiveMinimum: true } } },
  },
  {
    name: 'a schema examples list of one becomes example, in nested schemas too',
    given: { schemas: { O: { type: 'object', properties: { a: { oneOf: [{ const: 1, examples: [1] }] } } } } },
    want: { schemas: { O: { type: 'object', properties: { a: { oneOf: [{ enum: [1], example: 1 }] } } } } },
  },
  {
    name: 'schemas in responses and parameters are translated; their examples stay',
    given: {
      responses: { R: { description: 'r', content: { 'application/json': { schema: { const: 'x' }, examples: { e: { value: 'x' } } } } } },
      parameters: { P: { name: 'p', in: 'header', schema: { type: ['string', 'null'] }, example: 'y' } },
    },
    want: {
      responses: { R: { description: 'r', content: { 'application/json': { schema: { enum: ['x'] }, examples: { e: { value: 'x' } } } } } },
      parameters: { P: { name: 'p', in: 'header', schema: { type: 'string', nullable: true }, example: 'y' } },
    },
  },
])('$name', ({ given, want }) => {
  expect(toOpenApi30(minimal(given))).toEqual({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: {}, components: want });
});

test('info: summary is kept as x-summary, the SPDX identifier as the license page', () => {
  const document = { openapi: '3.1.0', info: { title: 'T', version: '1', summary: 'S', license: { name: 'MIT', identifier: 'MIT' } }, components: {} };
  expect(toOpenApi30(document).info).toEqual({ title: 'T', version: '1', 'x-summary': 'S', license: { name: 'MIT', url: 'https://spdx.org/licenses/MIT.html' } });
});

test.each([
  [{ schemas: { A: { prefixItems: [{ type: 'string' }] } } }, {}, 'cannot translate the JSON Schema keyword `prefixItems` at #/components/schemas/A/prefixItems'],
  [{ schemas: { A: { properties: { b: { type: ['string', 'integer'] } } } } }, {}, 'cannot translate the type list ["string","integer"] at #/components/schemas/A/properties/b/type'],
  [{ schemas: { A: { examples: [1, 2] } } }, {}, 'cannot translate more than one schema example (3.0 has one `example`) at #/components/schemas/A/examples'],
  [{ responses: { R: { $ref: '#/components/responses/S', description: 'd' } } }, {}, 'cannot translate a $ref with sibling members outside a schema at #/components/responses/R'],
  [{}, { webhooks: { w: {} } }, 'cannot translate webhooks (OpenAPI 3.0 has none) at #/webhooks'],
])('what has no 3.0 form stops the build, naming where it is: %#', (components, extra, message) => {
  expect(() => toOpenApi30(minimal(components, extra))).toThrow(`generate:openapi-3.0: ${message} of the bundle to OpenAPI 3.0.3`);
});

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});

test('openapi-typescript on a 3.0 spec that $refs the 3.0 document gives error types that narrow code by type', async () => {
  await project.write('openapi.yaml', await readFile(path.join(REPO_ROOT, 'tests/fixtures/downstream/clean-3.0/openapi.yaml'), 'utf8'));
  // openapi-typescript reads the redocly.yaml of the folder it runs in: the project's (none), as a user runs it.
  const previous = process.cwd();
  process.chdir(project.dir);
  const ast = await openapiTS(pathToFileURL(path.join(project.dir, 'openapi.yaml')), { silent: true }).finally(() => process.chdir(previous));
  await writeFile(path.join(project.dir, 'api.ts'), astToString(ast));
  await writeFile(
    path.join(project.dir, 'client.ts'),
    `import type { paths } from './api.ts';
type Refused = paths['/orders']['post']['responses'][400]['content']['application/json'];
type Failure = paths['/orders/{id}/capture']['post']['responses']['default']['content']['application/json'];

export function explain(body: Refused): string {
  switch (body.type) {
    case 'payment_error':
      if (body.code === 'expired_card') return 'Use another card';
      // @ts-expect-error: account_not_found is an account_error code
      if (body.code === 'account_not_found') return 'never';
      return body.message;
    case 'account_error':
      // @ts-expect-error: expired_card is a payment_error code
      if (body.code === 'expired_card') return 'never';
      return body.code;
    default:
      return body.message;
  }
}

export function open(body: Failure): string {
  // api_error lists no codes: any string is one.
  return body.type === 'api_error' ? body.code.toUpperCase() : body.code;
}

// @ts-expect-error: api_error is not sent with 400
export const wrong: Refused['type'] = 'api_error';
`,
  );
  const program = ts.createProgram([path.join(project.dir, 'client.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    types: [],
  });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(errors).toEqual([]);
});
