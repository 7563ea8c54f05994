// What payment-errors narrow refuses, writing nothing: a change a YAML alias would carry to another
// place (or leave standing for nothing, or a merge key brings from an anchor), a declaration where nothing reads it (a path item, a
// callback's operation), and declarations that are not well formed, one clear message each. The
// message names the file and the place; --json gives the problems as data, with no "did you mean".
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { narrowCli, writeFixture } from '../../helpers/narrow-cli.ts';
import { downstreamProject, type Project } from '../../helpers/lint.ts';

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});

const ANCHORED = 'Narrowing would change that place as well: write the shared part out where each uses it, or share it with $ref (nothing was written)';

test.each([
  {
    name: 'an anchored response an operation without a declaration uses by alias',
    fixture: 'anchor-on-response',
    code: 2,
    stderr: [`payment-errors: anchor-on-response/openapi.yaml: paths./payments.post.responses.400 is shared through a YAML alias: the anchor &bad (line 11) is on it, and *bad (line 20) stands for it too. ${ANCHORED}`],
  },
  {
    name: 'an anchored responses map around the response',
    fixture: 'anchor-around-response',
    code: 2,
    stderr: [`payment-errors: anchor-around-response/openapi.yaml: paths./payments.post.responses.500 is shared through a YAML alias: the anchor &std (line 9) is on paths./payments.post.responses, around it, and *std (line 14) stands for it too. ${ANCHORED}`],
  },
  {
    name: 'an anchor inside a replaced response that an alias elsewhere uses',
    fixture: 'anchor-inside-response',
    code: 2,
    stderr: [
      'payment-errors: anchor-inside-response/openapi.yaml: paths./payments.post.responses.400 holds the YAML anchor &body (line 14), which *body (line 23) stands for: narrowing would leave that alias standing for nothing. Write it out there, or share it with $ref (nothing was written)',
    ],
  },
  {
    name: "a declaring operation's responses written as an alias",
    fixture: 'alias-of-responses',
    code: 2,
    stderr: [
      'payment-errors: alias-of-responses/openapi.yaml: paths./payments.post.responses.500 is written through the YAML alias *std (line 14): narrow changes no single use of a shared node; write it out, or share it with $ref (nothing was written)',
    ],
  },
  {
    name: 'components anchored (&c), an alias of it under an extension: it would gain the components narrowing adds',
    fixture: 'anchor-on-components',
    code: 2,
    stderr: [
      'payment-errors: anchor-on-components/openapi.yaml: components.schemas is shared through a YAML alias: the anchor &c (line 13) is on components, around it, and *c (line 16) stands for it too. Narrowing adds to it, and that place would gain what it adds: write the shared part out where each uses it, or share it with $ref (nothing was written)',
    ],
  },
  {
    name: 'components.schemas anchored (&s), an alias of it under an extension',
    fixture: 'anchor-on-schemas',
    code: 2,
    stderr: [
      'payment-errors: anchor-on-schemas/openapi.yaml: components.schemas is shared through a YAML alias: the anchor &s (line 13) is on it, and *s (line 15) stands for it too. Narrowing adds to it, and that place would gain what it adds: write the shared part out where each uses it, or share it with $ref (nothing was written)',
    ],
  },
  {
    name: "a declaring operation's responses brought whole by a merge key (<<)",
    fixture: 'merged-operation',
    code: 2,
    stderr: [
      'payment-errors: merged-operation/openapi.yaml: paths./payments.post.responses comes through the YAML merge key << (line 12) from *op: narrow would have to change what that anchor stands for, and every other place it is merged into. Write it out in this map, or share it with $ref (nothing was written)',
    ],
  },
  {
    name: 'components.schemas brought by a merge key (<<)',
    fixture: 'merged-schemas',
    code: 2,
    stderr: [
      'payment-errors: merged-schemas/openapi.yaml: components.schemas comes through the YAML merge key << (line 17) from *base: narrow would have to change what that anchor stands for, and every other place it is merged into. Write it out in this map, or share it with $ref (nothing was written)',
    ],
  },
  {
    name: 'declared types no error response carries: less narrowed than declared is no success',
    fixture: 'not-carried',
    code: 1,
    stderr: [
      "payment-errors: not-carried/openapi.yaml: paths./payments.post.x-payment-errors.payment_error: POST /payments declares payment_error, but none of its error responses carries it (a 400, 4XX or default response whose JSON body is the contract's error body): narrowing would leave it out. Add such a response, or leave payment_error out of the declaration",
      "payment-errors: not-carried/openapi.yaml: paths./refunds.post.x-payment-errors.api_error: POST /refunds declares api_error, but none of its error responses carries it (a 500, 5XX or default response whose JSON body is the contract's error body): narrowing would leave it out. Add such a response, or leave api_error out of the declaration",
      'payment-errors: not-carried/openapi.yaml was not narrowed: 2 problems with its x-payment-errors (nothing was written)',
    ],
  },
  {
    name: 'a declaration on a path item',
    fixture: 'path-item',
    code: 1,
    stderr: [
      'payment-errors: path-item/openapi.yaml: paths./payments.x-payment-errors: x-payment-errors belongs on each operation of a path, not on the path: declare it on the operations (the same declaration by $ref, if they share it)',
      'payment-errors: path-item/openapi.yaml was not narrowed: 1 problem with its x-payment-errors (nothing was written)',
    ],
  },
  {
    name: "a declaration on a callback's operation",
    fixture: 'callback',
    code: 1,
    stderr: [
      "payment-errors: callback/openapi.yaml: paths./payments.post.callbacks.paymentDone.{$request.body#/callbackUrl}.post.x-payment-errors: x-payment-errors is read on the operations under paths and webhooks, not in a callback (a request this API sends to the client's server): remove it, or describe the request under webhooks",
      'payment-errors: callback/openapi.yaml was not narrowed: 1 problem with its x-payment-errors (nothing was written)',
    ],
  },
  {
    name: 'a declaration, and a list of codes, by $ref to nothing: one message each',
    fixture: 'missing-refs',
    code: 1,
    stderr: [
      'payment-errors: missing-refs/openapi.yaml: paths./payments.post.x-payment-errors: its $ref "#/components/x-payment-errors/Missing" does not resolve',
      'payment-errors: missing-refs/openapi.yaml: paths./refunds.post.x-payment-errors.payment_error: the $ref "#/components/x-payment-errors/NoCodes" of payment_error does not resolve',
      'payment-errors: missing-refs/openapi.yaml was not narrowed: 2 problems with its x-payment-errors (nothing was written)',
    ],
  },
  {
    name: 'an empty declaration',
    fixture: 'empty-declaration',
    code: 1,
    stderr: [
      'payment-errors: empty-declaration/openapi.yaml: paths./payments.post.x-payment-errors: x-payment-errors declares no error type, and any request may fail with an api_error at least: declare the types the operation may fail with, or leave x-payment-errors out',
      'payment-errors: empty-declaration/openapi.yaml was not narrowed: 1 problem with its x-payment-errors (nothing was written)',
    ],
  },
])('$name: exit $code, nothing written', async ({ fixture, code, stderr }) => {
  const file = await writeFixture(project, `narrow-refused/${fixture}/openapi.yaml`, fixture);
  const result = await narrowCli(project, file, { out: `${fixture}/narrowed.yaml` });
  expect(result).toEqual({ code, stdout: '', stderr: `${stderr.join('\n')}\n` });
  expect(existsSync(path.join(project.dir, fixture, 'narrowed.yaml'))).toBe(false);
  // The kind says the cause: a spec narrow reads but will not write into, or a declaration to fix.
  const json = await narrowCli(project, file, { out: `${fixture}/narrowed.yaml`, json: true });
  expect(JSON.parse(json.stdout).error.kind).toBe(code === 2 ? 'cannot-narrow' : 'declaration');
});

test('with --json, the problems as data and each on standard error, with no "did you mean"', async () => {
  const file = await writeFixture(project, 'narrow-refused/missing-refs/openapi.yaml', 'json-run');
  const result = await narrowCli(project, file, { out: 'json-run/narrowed.yaml', json: true });
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout)).toEqual({
    error: {
      kind: 'declaration',
      message: `${path.join(project.dir, file)} was not narrowed: 2 problems with its x-payment-errors (nothing was written)`,
      suggestions: [],
      problems: [
        { path: 'paths./payments.post.x-payment-errors', message: 'its $ref "#/components/x-payment-errors/Missing" does not resolve' },
        { path: 'paths./refunds.post.x-payment-errors.payment_error', message: 'the $ref "#/components/x-payment-errors/NoCodes" of payment_error does not resolve' },
      ],
    },
  });
  expect(result.stderr).not.toContain('did you mean');
  expect(result.stderr.trim().split('\n')).toHaveLength(3);
  expect(existsSync(path.join(project.dir, 'json-run/narrowed.yaml'))).toBe(false);
});
