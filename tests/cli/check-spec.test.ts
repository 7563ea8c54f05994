// payment-errors check --spec <spec> --operation <operation>: the (type, code) of a response must
// also be one the operation declares. The operation is found by "METHOD /path" (the path as the
// spec writes it, the method in any case; a path item several paths share by each of them), by its
// operationId, or as "webhook <name> <METHOD>". A spec with a misplaced or broken declaration is
// refused (exit 2) with the file and the place. A JSON spec that $refs the package's YAML needs no
// YAML parser.
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { specFiles } from '../../bin/spec-files.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { downstreamProject, type Project } from '../helpers/lint.ts';
import { checkSpecCli, narrowCli, writeFixture } from '../helpers/narrow-cli.ts';

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/narrow/openapi.yaml');
const fraud = { type: 'payment_error', code: 'fraud', message: 'FRAUD' };
const expiredCard = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
  await project.write('check-spec.yaml', await readFile(FIXTURE, 'utf8'));
  // A path item two paths share, from a file of its own, its declaration by $ref to a third.
  await project.write('shared/openapi.yaml', 'openapi: 3.1.0\ninfo: {title: Shared, version: "1"}\npaths:\n  /v1/payments:\n    $ref: ./paths/payments.yaml\n  /v2/payments:\n    $ref: ./paths/payments.yaml\n');
  await project.write(
    'shared/paths/payments.yaml',
    'post:\n  operationId: createPayment\n  x-payment-errors:\n    $ref: ../declarations/card.yaml\n  responses:\n    "400":\n      $ref: ../../node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/BadRequest\n',
  );
  await project.write('shared/declarations/card.yaml', 'payment_error: [expired_card]\n');
});
afterAll(async () => {
  await project?.remove();
});

const check = (args: string[], body: object, spec = 'check-spec.yaml') => checkSpecCli(project, spec, args, body);

test.each([
  ['by method and path, the method in lower case', ['--operation', 'post /payments/{id}/capture']],
  ['by operationId', ['--operation', 'capturePayment']],
])('an undeclared pair does not conform, the operation named %s', async (_name, args) => {
  const result = await check([...args, '--json'], fraud);
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout).violations).toEqual([
    { rule: 'declared', message: 'payment_error.fraud is not among the codes of payment_error the operation declares (expired_card, not_enough_balance, 3DS_required)' },
  ]);
});

test.each(['POST /v1/payments', 'POST /v2/payments', 'createPayment'])('an operation of a path item two paths share, found as %s', async (operation) => {
  expect((await check(['--operation', operation], expiredCard, 'shared/openapi.yaml')).code).toBe(0);
  const result = await check(['--operation', operation, '--json'], fraud, 'shared/openapi.yaml');
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout).violations).toEqual([{ rule: 'declared', message: 'payment_error.fraud is not among the codes of payment_error the operation declares (expired_card)' }]);
});

test('check changes nothing, so YAML that narrow cannot place its changes in is read all the same', async () => {
  // An alias as a key: valid YAML, which narrow refuses, naming it and its line.
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'alias-key', (t) => t.replace('openapi: 3.1.0\n', 'openapi: 3.1.0\nx-names:\n  plain: &name named\n  *name : by alias\n'));
  const refused = await narrowCli(project, file, { out: 'alias-key/narrowed.yaml', json: true });
  expect(refused.stderr).toContain('narrow cannot place its changes in this YAML: an alias (*name) as a key');
  expect(JSON.parse(refused.stdout).error.kind).toBe('cannot-narrow');
  const result = await check(['--operation', 'capturePayment', '--json'], fraud, file);
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout).violations.map((v: { rule: string }) => v.rule)).toEqual(['declared']);
});

test('an operation that declares nothing allows any error of the contract, and says so', async () => {
  const result = await check(['--operation', 'GET /payments/{id}'], fraud);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('payment-errors: GET /payments/{id} declares no x-payment-errors: any error of the contract may come from it\n');
});

test.each([
  { name: 'an operation the spec does not have', args: ['--operation', 'POST /payment'], want: /has no operation "POST \/payment" \(did you mean POST \/payments\?\)/ },
  { name: 'a path in another case: paths are case-sensitive', args: ['--operation', 'POST /PAYMENTS'], want: /has no operation "POST \/PAYMENTS" \(did you mean POST \/payments\?\)/ },
  { name: '--spec without --operation', args: [], want: /check takes --spec and --operation together/ },
])('$name: exit 2', async ({ args, want }) => {
  const result = await check(args, fraud);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(want);
});

test('a $ref of the form //host/path is a URL (not fetched), never the local file /host/path', async () => {
  await project.write('scheme-relative/declaration.yaml', 'payment_error: [expired_card]\napi_error: all\n');
  // The same file as a local path would name it: `//` and the folder's absolute path.
  const ref = `/${path.join(project.dir, 'scheme-relative/declaration.yaml')}`;
  await project.write('scheme-relative/openapi.yaml', `openapi: 3.1.0\ninfo: {title: Hosts, version: "1"}\npaths:\n  /a:\n    post:\n      x-payment-errors: {$ref: "${ref}"}\n      responses: {}\n`);
  const files = specFiles();
  const read: string[] = [];
  const specs = { ...files, read: (file: string, max: number) => (read.push(path.relative(project.dir, file)), files.read(file, max)) };
  const result = await checkSpecCli(project, 'scheme-relative/openapi.yaml', ['--operation', 'POST /a'], expiredCard, specs);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^payment-errors: the x-payment-errors of POST \/a in scheme-relative\/openapi\.yaml is not well formed: its \$ref "\/\/tmp\/[^"]*" does not resolve\n$/);
  expect(read).toEqual(['scheme-relative/openapi.yaml']);
});

describe('operations named ambiguously, or with spaces', () => {
  const twoPays = {
    openapi: '3.1.0',
    info: { title: 'Pays', version: '1' },
    paths: {
      '/a': { post: { operationId: 'pay', 'x-payment-errors': { payment_error: ['expired_card'], api_error: 'all' }, responses: {} } },
      '/b': { post: { operationId: 'pay', 'x-payment-errors': { payment_error: 'all', api_error: 'all' }, responses: {} } },
      // Not a path OpenAPI allows, but a key a spec can have: its operation is named "GET POST /c".
      'POST /c': { get: { operationId: 'spaced', 'x-payment-errors': { payment_error: ['fraud'], api_error: 'all' }, responses: {} } },
    },
  };
  beforeAll(async () => {
    await project.write('ambiguous.json', JSON.stringify(twoPays));
  });

  test('two operations sharing an operationId: an error naming both, not the first one silently', async () => {
    const result = await check(['--operation', 'pay', '--json'], expiredCard, 'ambiguous.json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toEqual({
      kind: 'ambiguous-operation',
      message: `${path.join(project.dir, 'ambiguous.json')} has 2 operations named "pay": POST /a and POST /b (an operationId must be unique); name one by method and path`,
      suggestions: ['POST /a', 'POST /b'],
    });
    // Each found by its method and path.
    expect((await check(['--operation', 'POST /b'], fraud, 'ambiguous.json')).code).toBe(0);
    expect((await check(['--operation', 'POST /a'], fraud, 'ambiguous.json')).code).toBe(1);
  });

  test('a name with a space in its path is found as written, and "did you mean" never offers what was asked', async () => {
    expect((await check(['--operation', 'GET POST /c'], fraud, 'ambiguous.json')).code).toBe(0);
    const near = await check(['--operation', 'GET POST /d'], fraud, 'ambiguous.json');
    expect(near.code).toBe(2);
    expect(near.stderr).toBe(`payment-errors: ambiguous.json has no operation "GET POST /d" (did you mean GET POST /c?)\n`);
  });
});

describe('a spec whose declaration is misplaced or not well formed: exit 2, naming the file and the place', () => {
  test.each([
    {
      name: 'misspelt type',
      fixture: 'narrow/openapi.yaml',
      change: (t: string) => t.replace('invalid_request_error: [invalid_parameter]', 'paymant_error: all'),
      operation: 'paymentSucceeded',
      stderr: ['payment-errors: the x-payment-errors of webhook paymentSucceeded POST in {file} is not well formed: paymant_error: "paymant_error" is not an error type (did you mean payment_error?)'],
    },
    {
      name: 'on a path item',
      fixture: 'narrow-refused/path-item/openapi.yaml',
      operation: 'POST /payments',
      stderr: [
        'payment-errors: {file}: paths./payments.x-payment-errors: x-payment-errors belongs on each operation of a path, not on the path: declare it on the operations (the same declaration by $ref, if they share it)',
        'payment-errors: {file} has an x-payment-errors where it is not read; fix it first',
      ],
    },
    {
      name: "on a callback's operation",
      fixture: 'narrow-refused/callback/openapi.yaml',
      operation: 'POST /payments',
      stderr: [
        "payment-errors: {file}: paths./payments.post.callbacks.paymentDone.{$request.body#/callbackUrl}.post.x-payment-errors: x-payment-errors is read on the operations under paths and webhooks, not in a callback (a request this API sends to the client's server): remove it, or describe the request under webhooks",
        'payment-errors: {file} has an x-payment-errors where it is not read; fix it first',
      ],
    },
    {
      name: 'a $ref to no declaration: one message',
      fixture: 'narrow-refused/missing-refs/openapi.yaml',
      operation: 'POST /payments',
      stderr: ['payment-errors: the x-payment-errors of POST /payments in {file} is not well formed: its $ref "#/components/x-payment-errors/Missing" does not resolve'],
    },
    {
      name: 'a $ref whose pointer does not decode: to nothing, one message',
      fixture: 'narrow-refused/missing-refs/openapi.yaml',
      change: (t: string) => t.replace('#/components/x-payment-errors/Missing', '#/components/x-payment-errors/%zz'),
      operation: 'POST /payments',
      stderr: ['payment-errors: the x-payment-errors of POST /payments in {file} is not well formed: its $ref "#/components/x-payment-errors/%zz" does not resolve'],
    },
    {
      name: 'a list of codes by $ref to nothing: one message',
      fixture: 'narrow-refused/missing-refs/openapi.yaml',
      operation: 'POST /refunds',
      stderr: ['payment-errors: the x-payment-errors of POST /refunds in {file} is not well formed: payment_error: the $ref "#/components/x-payment-errors/NoCodes" of payment_error does not resolve'],
    },
    {
      name: 'an empty declaration',
      fixture: 'narrow-refused/empty-declaration/openapi.yaml',
      operation: 'POST /payments',
      stderr: [
        'payment-errors: the x-payment-errors of POST /payments in {file} is not well formed: x-payment-errors declares no error type, and any request may fail with an api_error at least: declare the types the operation may fail with, or leave x-payment-errors out',
      ],
    },
  ])('$name', async ({ fixture, change, operation, stderr }) => {
    const folder = `refused-${stderr.length}-${operation.replace(/\W/g, '')}-${path.basename(path.dirname(fixture))}`;
    const file = await writeFixture(project, fixture, folder, change);
    const result = await check(['--operation', operation], expiredCard, file);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${stderr.map((line) => line.replaceAll('{file}', file)).join('\n')}\n` });
  });
});

describe("a JSON spec that $refs the package's openapi.yaml", () => {
  /** The spec files, and the names of those read. */
  const reading = () => {
    const files = specFiles();
    const read: string[] = [];
    return { read, specs: { ...files, read: (file: string, max: number) => (read.push(path.relative(project.dir, file)), files.read(file, max)) } };
  };
  beforeAll(async () => {
    await project.write('json/openapi.json', JSON.stringify(yaml.parse((await readFile(FIXTURE, 'utf8')).replaceAll('./node_modules/', '../node_modules/')), null, 2));
    await project.write('json/elsewhere.json', JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: { '/a': { post: { 'x-payment-errors': { api_error: 'all' }, responses: { '500': { $ref: './generated/openapi.yaml#/components/responses/InternalServerError' } } } } } }));
    await project.write('json/generated/openapi.yaml', 'components: {}\n');
  });

  test('is read through the JSON twin the package ships', async () => {
    const { read, specs } = reading();
    const result = await checkSpecCli(project, 'json/openapi.json', ['--operation', 'POST /payments/{id}/capture', '--json'], fraud, specs);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).violations.map((v: { rule: string }) => v.rule)).toEqual(['declared']);
    expect(read).toEqual(['json/openapi.json', 'node_modules/payment-error-contract/generated/openapi.json']);
  });

  test('a YAML file of the same name that is not the package is read as it is', async () => {
    const { read, specs } = reading();
    const result = await checkSpecCli(project, 'json/elsewhere.json', ['--operation', 'POST /a'], fraud, specs);
    expect(result.code).toBe(1);
    expect(read).toEqual(['json/elsewhere.json', 'json/generated/openapi.yaml']);
  });
});

describe('a spec file past what the CLI reads: exit 2, naming the file and the problem', () => {
  const head = 'openapi: 3.1.0\ninfo: {title: Limits, version: "1"}\npaths:\n  /a:\n    post:\n      x-payment-errors: {api_error: all}\n      responses: {}\n';
  test.each([
    {
      name: 'the spec larger than 64 MiB (sparse: no room on disk)',
      setup: async () => {
        await project.write('limits/big.yaml', head);
        await truncate(path.join(project.dir, 'limits/big.yaml'), 64 * 1024 * 1024 + 1);
      },
      spec: 'limits/big.yaml',
      stderr: 'limits/big.yaml: it is larger than 64 MiB, more than a spec file has',
    },
    {
      name: 'a file a $ref leads to that is not UTF-8',
      setup: async () => {
        await project.write('limits/latin1-ref.yaml', `${head}components:\n  schemas:\n    Name: {$ref: ./name.yaml}\n`);
        await writeFile(path.join(project.dir, 'limits/name.yaml'), Buffer.from('type: string\ndescription: Caf\u00e9\n', 'latin1'));
      },
      spec: 'limits/latin1-ref.yaml',
      stderr: 'limits/name.yaml: it is not UTF-8 text (byte 0xE9 at line 2, byte 17)',
    },
  ])('$name', async ({ setup, spec, stderr }) => {
    await setup();
    expect(await check(['--operation', 'POST /a'], expiredCard, spec)).toEqual({ code: 2, stdout: '', stderr: `payment-errors: ${stderr}\n` });
  });
});
