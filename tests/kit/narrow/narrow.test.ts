// Narrowing (`payment-errors narrow`, src/kit/narrow/) of tests/fixtures/narrow/: each declaring
// operation's error responses become exactly what it declares; every byte outside the responses it
// replaces and the components it adds stays as it was; a second run changes nothing; equal
// declarations share components; the result lints clean with both engines; nothing is written when
// the input has a problem. And the Redocly decorator narrows the same way. Files of other shapes:
// narrow-text.test.ts; what it refuses: narrow-refusals.test.ts; its guard: narrow-guard.test.ts;
// check --spec: check-spec.test.ts.
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import spectralParsers from '@stoplight/spectral-parsers';
import * as yaml from 'yaml';
import { specFiles } from '../../../bin/spec-files.js';
import { REPO_ROOT } from '../../../scripts/lib/layout.js';
import type { SpecIo } from '../../../src/cli/run.ts';
import { readSource, type SourceNode } from '../../../src/kit/openapi/source.ts';
import { ENGINES, downstreamProject, lint, type Project } from '../../helpers/lint.ts';
import { checkSpecCli, narrowCli, narrowingProblems, writeFixture } from '../../helpers/narrow-cli.ts';

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/narrow/openapi.yaml');
const DECLARING = ['/payments', '/payments/{id}/capture', '/refunds'];

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});

const narrow = (file: string, out?: string, specs: SpecIo = specFiles()) => narrowCli(project, file, { ...(out ? { out } : {}), specs });

const text = (file: string) => readFile(path.join(project.dir, file), 'utf8');

/**
 * A file's text with what narrowing changes cut out: each error response of a declaring operation
 * that differs between `input` and `output` (as a marker), and each component or components map the
 * output has and the input does not (with the line break or comma that goes with it). What is left
 * of the input and of the output must be equal, byte for byte.
 */
function outsideNarrowed(source: string, format: 'json' | 'yaml', input: any, output: any): string {
  const { root } = readSource(source, format);
  const at = (node: SourceNode | undefined, key: string) => node?.entries.find((e) => e.key === key);
  const cuts: Array<{ start: number; end: number; text: string }> = [];
  for (const section of ['paths', 'webhooks']) {
    for (const item of at(root, section)?.value.entries ?? []) {
      for (const op of item.value.entries) {
        if (!('x-payment-errors' in input[section][item.key][op.key])) continue;
        for (const response of at(op.value, 'responses')?.value.entries ?? []) {
          const [before, after] = [input, output].map((d) => d[section][item.key][op.key].responses[response.key]);
          if (JSON.stringify(before) !== JSON.stringify(after)) cuts.push({ start: response.value.start, end: response.value.end, text: '<narrowed>' });
        }
      }
    }
  }
  // An entry with what joins it to the one before: its lines (YAML block), or from the end of the one before (JSON).
  const entryRange = (map: SourceNode, i: number) => {
    const entry = map.entries[i]!;
    if (!map.flow) return { start: source.lastIndexOf('\n', entry.keyStart) + 1, end: source.indexOf('\n', entry.value.end) + 1, text: '' };
    return { start: map.entries[i - 1]!.value.end, end: entry.value.end, text: '' };
  };
  const components = at(root, 'components')?.value;
  for (const [i, kind] of (components?.entries ?? []).entries()) {
    if (!(kind.key in input.components)) cuts.push(entryRange(components!, i));
    else kind.value.entries.forEach((entry, j) => !(entry.key in input.components[kind.key]) && cuts.push(entryRange(kind.value, j)));
  }
  let out = '';
  let last = 0;
  for (const cut of cuts.sort((a, b) => a.start - b.start)) {
    out += source.slice(last, cut.start) + cut.text;
    last = cut.end;
  }
  return out + source.slice(last);
}

describe.each([
  ['YAML', 'openapi.yaml', 'yaml'],
  ['JSON', 'openapi.json', 'json'],
] as const)('%s', (_name, file, format) => {
  const dir = `narrow-${format}`;
  let input: string;
  let output: string;
  beforeAll(async () => {
    const fixture = await readFile(FIXTURE, 'utf8');
    input = format === 'yaml' ? fixture : `${JSON.stringify(yaml.parse(fixture), null, 4)}\n`;
    // One level down: the $refs to ./node_modules become ../node_modules.
    await project.write(`${dir}/${file}`, input.replaceAll('./node_modules/', '../node_modules/'));
    input = await text(`${dir}/${file}`);
    expect(await narrow(`${dir}/${file}`, `${dir}/narrowed.${format}`)).toEqual({ code: 0, stdout: '', stderr: `payment-errors: narrowed the error responses of 4 operations; wrote ${dir}/narrowed.${format}\n` });
    output = await text(`${dir}/narrowed.${format}`);
  });

  test('every byte outside the responses it replaces and the components it adds is left as it was', () => {
    const [before, after] = [input, output].map((t) => (format === 'yaml' ? yaml.parse(t) : JSON.parse(t)));
    const kept = outsideNarrowed(input, format, before, after);
    expect(outsideNarrowed(output, format, before, after)).toBe(kept);
    // What is cut: the six replaced responses, nothing else of the input.
    expect(kept.match(/<narrowed>/g)).toHaveLength(6);
    expect(kept.length).toBeGreaterThan(input.length * 0.6);
    if (format === 'yaml') expect(output).toContain('      # Card payments fail with card errors; any request may fail with a bad request or an API error.\n');
    expect(narrowingProblems(before, after)).toEqual([]);
  });

  test('each declaring operation\'s error responses carry exactly what it declares', () => {
    const document = format === 'yaml' ? yaml.parse(output) : JSON.parse(output);
    const at = (ref: string) => ref.slice(2).split('/').reduce((n: any, k) => n[k.replace(/~1/g, '/')], document);
    const deref = (node: any) => (node.$ref ? at(node.$ref) : node);
    const body = (section: string, p: string, status: string) => deref(deref(document[section][p].post.responses[status]).content['application/json'].schema);
    const codes = (schema: any) => Object.fromEntries((schema.oneOf ?? [schema]).map(deref).map((s: any) => [s.properties.type.enum[0], s.properties.code.enum ?? 'open']));
    expect(codes(body('paths', '/payments', '400'))).toEqual({ invalid_request_error: ['missing_parameter', 'invalid_parameter'], payment_error: ['expired_card', 'not_enough_balance', '3DS_required'] });
    expect(codes(body('paths', '/payments', '500'))).toEqual({ api_error: 'open' });
    expect(codes(body('paths', '/refunds', 'default'))).toEqual({ idempotence_error: ['request_being_processed', 'invalid_key_format'], api_error: 'open', refund_error: ['refund_window_closed'] });
    expect(codes(body('webhooks', 'paymentSucceeded', '400'))).toEqual({ invalid_request_error: ['invalid_parameter'] });
    const component = at;
    // The messages and how-to-fix of the declared codes only.
    const payment = component('#/components/schemas/CardPaymentPaymentError');
    expect(Object.keys(payment.properties.code['x-enumDescriptions'])).toEqual(['expired_card', 'not_enough_balance', '3DS_required']);
    // Examples: the declared ones kept whole, the others left out.
    expect(component(document.paths['/payments/{id}/capture'].post.responses['400'].$ref).content['application/json'].examples).toEqual({
      balance: { summary: 'Not enough money', value: { type: 'payment_error', code: 'not_enough_balance', message: 'Not enough balance' } },
    });
  });

  test('equal declarations, one by $ref and one written out, share one set of components', () => {
    const document = format === 'yaml' ? yaml.parse(output) : JSON.parse(output);
    expect(document.paths['/payments/{id}/capture'].post.responses['500']).toEqual(document.paths['/payments'].post.responses['500']);
    expect(Object.keys(document.components.schemas).filter((n) => n.startsWith('CapturePayment'))).toEqual([]);
  });

  test('narrowing the narrowed file changes nothing', async () => {
    expect((await narrow(`${dir}/narrowed.${format}`, `${dir}/again.${format}`)).code).toBe(0);
    expect(await text(`${dir}/again.${format}`)).toBe(output);
  });

  test.each(ENGINES)('the narrowed file lints clean with %s', async (engine) => {
    const findings = await lint(engine, project, `${dir}/narrowed.${format}`);
    expect(findings).toEqual([]);
  });
});

describe('the summary says what was done, never a count that hides what was not', () => {
  test('a second run: the operations were narrowed already, nothing of them changed', async () => {
    const file = await writeFixture(project, 'narrow/openapi.yaml', 'summary-again');
    expect((await narrow(file, 'summary-again/once.yaml')).stderr).toBe('payment-errors: narrowed the error responses of 4 operations; wrote summary-again/once.yaml\n');
    expect(await narrow('summary-again/once.yaml', 'summary-again/twice.yaml')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'payment-errors: the error responses of the 4 declaring operations were narrowed already: nothing of them changed; wrote summary-again/twice.yaml\n',
    });
    const json = await narrowCli(project, 'summary-again/once.yaml', { out: 'summary-again/thrice.yaml', json: true });
    expect(JSON.parse(json.stdout)).toMatchObject({ operations: expect.arrayContaining(['POST /payments']), unchanged: expect.arrayContaining(['POST /payments']) });
  });

  test('a later run after one more operation declares: that one narrowed, the others counted apart', async () => {
    const first = await narrow(await writeFixture(project, 'narrow/openapi.yaml', 'summary-more'));
    const declared = first.stdout.replace('      operationId: getPayment   # declares nothing: left as it is\n', '      operationId: getPayment\n      x-payment-errors: {invalid_request_error: all, api_error: all}\n');
    expect(declared).not.toBe(first.stdout);
    const file = await writeFixture(project, 'narrow/openapi.yaml', 'summary-more', () => declared);
    const result = await narrowCli(project, file, { out: 'summary-more/narrowed.yaml', json: true });
    expect(JSON.parse(result.stdout)).toMatchObject({ operations: ['POST /payments', 'POST /payments/{id}/capture', 'POST /refunds', 'GET /payments/{id}', 'webhook paymentSucceeded POST'], unchanged: ['POST /payments', 'POST /payments/{id}/capture', 'POST /refunds', 'webhook paymentSucceeded POST'] });
    expect((await narrow(file, 'summary-more/narrowed.yaml')).stderr).toBe('payment-errors: narrowed the error responses of 1 operation (4 more narrowed already); wrote summary-more/narrowed.yaml\n');
  });
});

test('written to another folder, its relative $refs are rewritten to resolve from there', async () => {
  await project.write('moved/openapi.yaml', (await readFile(FIXTURE, 'utf8')).replaceAll('./node_modules/', '../node_modules/'));
  expect((await narrow('moved/openapi.yaml', 'moved/out/narrowed.yaml')).code).toBe(0);
  const output = await text('moved/out/narrowed.yaml');
  expect(output).toContain('"400": {$ref: "../../node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/BadRequest"}');
  expect(await lint('redocly', project, 'moved/out/narrowed.yaml', 'body')).toEqual([]);
});

test("a JSON spec that $refs the package's openapi.yaml narrows reading the package's JSON twin (faster, the same data)", async () => {
  const fixture = yaml.parse((await readFile(FIXTURE, 'utf8')).replaceAll('./node_modules/', '../node_modules/'));
  await project.write('no-yaml/openapi.json', `${JSON.stringify(fixture, null, 2)}\n`);
  const files = specFiles();
  const read: string[] = [];
  const result = await narrow('no-yaml/openapi.json', 'no-yaml/narrowed.json', { ...files, read: (file, max) => (read.push(path.relative(project.dir, file)), files.read(file, max)) });
  expect(result).toEqual({ code: 0, stdout: '', stderr: 'payment-errors: narrowed the error responses of 4 operations; wrote no-yaml/narrowed.json\n' });
  expect(read).toEqual(['no-yaml/openapi.json', 'node_modules/payment-error-contract/generated/openapi.json']);
  expect(JSON.parse(await text('no-yaml/narrowed.json')).paths['/payments'].post.responses['400']).toEqual({ $ref: '#/components/responses/CardPaymentBadRequest' });
});

test('responses narrowed by keys after a merge key (<<) read as narrowed by both engines\' own YAML readers', async () => {
  const file = await writeFixture(project, 'narrow-text/merge-keys/openapi.yaml', 'merged');
  expect((await narrow(file, 'merged/narrowed.yaml')).code).toBe(0);
  const output = await text('merged/narrowed.yaml');
  const { parseYaml } = await import('@redocly/openapi-core');
  const read = { redocly: parseYaml(output) as any, spectral: spectralParsers.Yaml.parse(output).data as any };
  for (const [engine, document] of Object.entries(read)) {
    expect([document.paths['/payments'].post.responses['400'], document.paths['/refunds'].post.responses['500']], engine).toEqual([
      { $ref: '#/components/responses/PaymentBadRequest' },
      { $ref: '#/components/responses/InternalServerErrorAnyCode' },
    ]);
    expect(document.paths['/payments/{id}'].get.responses['400'].$ref, engine).toMatch(/BadRequest$/);
  }
});

test('a YAML alias bomb (nine levels of nine aliases, 387 million texts when expanded) is read as the references it is, and kept as written', async () => {
  const bomb = ['x-bomb:', '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 8 }, (_, i) => `  l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`), ''].join('\n');
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'bomb', (t) => `${t}${bomb}`);
  const started = performance.now();
  const result = await narrow(file, 'bomb/narrowed.yaml');
  expect(result.code, result.stderr).toBe(0);
  expect(await text('bomb/narrowed.yaml')).toContain(bomb);
  expect((await checkSpecCli(project, file, ['--operation', 'POST /payments'], { type: 'payment_error', code: 'fraud', message: 'FRAUD' })).code).toBe(1);
  expect(performance.now() - started).toBeLessThan(10_000);
});

// (redocly bundle itself expands such a bomb as it walks the document, before the decorator runs: not shown here.)
test('the same bomb inside a declaring operation\'s error response, which narrowing copies into a component: refused in bounded time, naming the response', async () => {
  const bomb = ['x-bomb:', '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 8 }, (_, i) => `  l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`), ''].join('\n');
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'bomb-inside', (t) =>
    `${bomb}${t.replace('        "201":\n          description: The payment was created.\n', '        "201":\n          description: The payment was created.\n        "402":\n          description: Payment failed.\n          x-expanded: *l8\n          content:\n            application/json:\n              schema: {$ref: ../node_modules/payment-error-contract/generated/openapi.yaml#/components/schemas/PaymentError}\n')}`,
  );
  const started = performance.now();
  const result = await narrowCli(project, file, { out: 'bomb-inside/narrowed.yaml', json: true });
  expect(result.code).toBe(2);
  expect(JSON.parse(result.stdout).error).toMatchObject({ kind: 'cannot-narrow', message: expect.stringMatching(/: paths\.\/payments\.post\.responses\.402: narrowing copies a response's members into its component, and this one and those before it hold more than 10,000,000 values/) });
  expect(existsSync(path.join(project.dir, 'bomb-inside/narrowed.yaml'))).toBe(false);
  expect(performance.now() - started).toBeLessThan(20_000);
});

test('JSON with a key written twice: refused, naming the key and both lines (JSON.parse would keep the last silently; the engines refuse it)', async () => {
  await project.write('duplicate.json', '{\n  "openapi": "3.1.0",\n  "info": {"title": "Twice", "version": "1"},\n  "paths": {},\n  "paths": {"/a": {}}\n}\n');
  const result = await narrowCli(project, 'duplicate.json', { out: 'duplicate-out.json', json: true });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('payment-errors: duplicate.json:5:3: the key "paths" is written twice in one object (first at line 4) (nothing was written)\n');
  expect(JSON.parse(result.stdout).error.kind).toBe('spec-unreadable');
  expect(existsSync(path.join(project.dir, 'duplicate-out.json'))).toBe(false);
});

test('an OpenAPI 3.0 spec is narrowed with 3.0 schemas', async () => {
  const fixture = (await readFile(FIXTURE, 'utf8')).replace('openapi: 3.1.0', 'openapi: 3.0.3').replaceAll('generated/openapi.yaml', 'generated/openapi-3.0.yaml').replace(/webhooks:[\s\S]*?components:/, 'components:');
  await project.write('v30.yaml', fixture);
  expect((await narrow('v30.yaml', 'v30-narrowed.yaml')).code).toBe(0);
  const document = yaml.parse(await text('v30-narrowed.yaml'));
  expect(JSON.stringify(document.components.schemas)).not.toContain('"const"');
  for (const engine of ENGINES) expect(await lint(engine, project, 'v30-narrowed.yaml', 'body')).toEqual([]);
});

describe('bad input: nothing is written', () => {
  test.each([
    {
      name: 'a declaration that is not well formed',
      change: (s: string) => s.replace('invalid_request_error: [invalid_parameter]', 'paymant_error: all'),
      code: 1,
      stderr: [
        'payment-errors: bad.yaml: webhooks.paymentSucceeded.post.x-payment-errors.paymant_error: "paymant_error" is not an error type (did you mean payment_error?)',
        'payment-errors: bad.yaml was not narrowed: 1 problem with its x-payment-errors (nothing was written)',
      ],
    },
    {
      name: 'ten thousand codes: twenty problems and a count',
      change: (s: string) => s.replace('refund_error: [refund_window_closed]', `refund_error: [${Array.from({ length: 10_000 }, (_, i) => `code ${i}`).join(', ')}]`),
      code: 1,
      lines: 22,
    },
    {
      name: 'YAML that does not parse',
      change: (s: string) => s.replace('  title: Payments API', '  title: [Payments API'),
      code: 2,
      stderr: ['payment-errors: bad.yaml:8:3: deficient indentation (nothing was written)'],
    },
    {
      name: 'a declaring operation in another file',
      change: (s: string) => s.replace(/  \/payments:\n    post:[\s\S]*?  \/payments\/\{id\}\/capture:/, '  /payments:\n    $ref: ./payments-path.yaml\n  /payments/{id}/capture:'),
      extra: ['payments-path.yaml', 'post:\n  x-payment-errors:\n    api_error: all\n  responses:\n    "500":\n      $ref: ./node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/InternalServerError\n'],
      code: 2,
      stderr: [expect.stringMatching(/paths\.\/payments\.post\.responses\.500 is not written in this file: narrow changes the file's own operations only/)],
    },
    {
      name: 'a $ref to another file that is not a well-formed URI',
      change: (s: string) => s.replace('generated/openapi.yaml#/components/responses/InternalServerError', 'generated/open%zz.yaml#/components/responses/InternalServerError'),
      code: 2,
      stderr: [
        'payment-errors: bad.yaml: the $ref "./node_modules/payment-error-contract/generated/open%zz.yaml#/components/responses/InternalServerError" is not a well-formed URI (a %-escape in it does not decode) (nothing was written)',
      ],
    },
  ])('$name', async ({ change, code, stderr, lines, extra }) => {
    const fixture = await readFile(FIXTURE, 'utf8');
    const bad = change(fixture);
    expect(bad).not.toBe(fixture);
    await writeFile(path.join(project.dir, 'bad.yaml'), bad);
    if (extra) await writeFile(path.join(project.dir, extra[0]!), extra[1]!);
    const result = await narrow('bad.yaml', 'bad-out.yaml');
    expect(result.code).toBe(code);
    if (stderr) expect(result.stderr.trim().split('\n')).toEqual(stderr);
    if (lines) expect(result.stderr.trim().split('\n')).toHaveLength(lines);
    expect(existsSync(path.join(project.dir, 'bad-out.yaml'))).toBe(false);
  });
});

/** Sparse: a file over the 64 MiB the CLI reads of a spec file, that takes no room on disk and no time to write. */
async function oversized(file: string, start: string): Promise<void> {
  await project.write(file, start);
  await truncate(path.join(project.dir, file), 64 * 1024 * 1024 + 1);
}

/** A $ref chain through `count` files: openapi.yaml, then chain-1.yaml ... chain-<count - 1>.yaml. */
async function chain(folder: string, count: number): Promise<void> {
  await project.write(`${folder}/openapi.yaml`, 'openapi: 3.1.0\ninfo: {title: Chain, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Start: {$ref: ./chain-1.yaml}\n');
  await Promise.all(Array.from({ length: count - 1 }, (_, i) => project.write(`${folder}/chain-${i + 1}.yaml`, i + 2 < count ? `$ref: ./chain-${i + 2}.yaml\n` : 'type: string\n')));
}

const HEAD = 'openapi: 3.1.0\ninfo: {title: Limits, version: "1"}\npaths: {}\n';

describe('a spec file past what the CLI reads: a message naming the file and the problem, nothing written', () => {
  test.each([
    {
      name: 'a file larger than 64 MiB',
      setup: () => oversized('limits/big/openapi.yaml', HEAD),
      spec: 'limits/big/openapi.yaml',
      stderr: 'limits/big/openapi.yaml: it is larger than 64 MiB, more than a spec file has',
    },
    {
      name: 'a file larger than 64 MiB that a $ref leads to',
      setup: async () => {
        await project.write('limits/big-ref/openapi.yaml', `${HEAD}components:\n  schemas:\n    Big: {$ref: ./big.yaml}\n`);
        await oversized('limits/big-ref/big.yaml', 'type: string\n');
      },
      spec: 'limits/big-ref/openapi.yaml',
      stderr: 'limits/big-ref/big.yaml: with it, the spec and the files its $refs lead to hold more than 64 MiB in all, more than a spec has',
    },
    {
      name: 'files each under 64 MiB, over 64 MiB in all: one budget for every file of a spec',
      setup: async () => {
        await project.write('limits/budget/openapi.json', JSON.stringify({ openapi: '3.1.0', info: { title: 'Budget', version: '1' }, paths: {}, components: { schemas: { A: { $ref: './a.json' }, B: { $ref: './b.json' } } } }));
        // Written, not sparse: each file is valid JSON, so only the budget can stop the reading (b.json is read first, a.json goes past the budget).
        await writeFile(path.join(project.dir, 'limits/budget/a.json'), `{"type": "string", "description": "${'a'.repeat(40 * 1024 * 1024)}"}`);
        await writeFile(path.join(project.dir, 'limits/budget/b.json'), `{"type": "string", "description": "${'b'.repeat(30 * 1024 * 1024)}"}`);
      },
      spec: 'limits/budget/openapi.json',
      stderr: 'limits/budget/a.json: with it, the spec and the files its $refs lead to hold more than 64 MiB in all, more than a spec has',
    },
    {
      name: 'a $ref to a device: refused by what it is, never read',
      setup: () => project.write('limits/device.yaml', `${HEAD}components:\n  schemas:\n    Zero: {$ref: /dev/zero}\n`),
      spec: 'limits/device.yaml',
      stderr: '/dev/zero: it is a character device, not a file',
    },
    {
      name: 'a file that is not UTF-8 (Latin-1)',
      setup: () => writeFile(path.join(project.dir, 'limits/latin1.yaml'), Buffer.from('openapi: 3.1.0\ninfo: {title: Caf\u00e9, version: "1"}\npaths: {}\n', 'latin1')),
      spec: 'limits/latin1.yaml',
      stderr: 'limits/latin1.yaml: it is not UTF-8 text (byte 0xE9 at line 2, byte 18)',
    },
    {
      name: 'a file that a $ref leads to that is not UTF-8',
      setup: async () => {
        await project.write('limits/latin1-ref/openapi.yaml', `${HEAD}components:\n  schemas:\n    Name: {$ref: ./name.yaml}\n`);
        await writeFile(path.join(project.dir, 'limits/latin1-ref/name.yaml'), Buffer.from('type: string\ndescription: Caf\u00e9\n', 'latin1'));
      },
      spec: 'limits/latin1-ref/openapi.yaml',
      stderr: 'limits/latin1-ref/name.yaml: it is not UTF-8 text (byte 0xE9 at line 2, byte 17)',
    },
    {
      name: '$refs that lead to more than 500 files',
      setup: () => chain('limits/chain-501', 501),
      spec: 'limits/chain-501/openapi.yaml',
      stderr: 'limits/chain-501/openapi.yaml: its $refs lead to more than 500 files',
    },
    {
      name: 'JSON nested 100,000 levels deep: the place, not a stack overflow',
      setup: () => project.write('limits/deep.json', `{"openapi": "3.1.0", "info": {"title": "Deep", "version": "1"}, "paths": {}, "x-deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      spec: 'limits/deep.json',
      stderr: 'limits/deep.json:1:1087: nested deeper than 1000 levels',
    },
    {
      name: "YAML nested 600 levels deep: js-yaml's own limit",
      setup: () => project.write('limits/deep-js-yaml.yaml', `${HEAD}x-deep:\n  ${'- '.repeat(600)}end\n`),
      spec: 'limits/deep-js-yaml.yaml',
      stderr: 'limits/deep-js-yaml.yaml:5:201: nesting exceeded maxDepth (100)',
    },
  ])('$name: exit 2', async ({ setup, spec, stderr }) => {
    await mkdir(path.join(project.dir, 'limits'), { recursive: true });
    await setup();
    const out = `${spec}.narrowed`;
    expect(await narrow(spec, out)).toEqual({ code: 2, stdout: '', stderr: `payment-errors: ${stderr} (nothing was written)\n` });
    expect(existsSync(path.join(project.dir, out))).toBe(false);
  });

  test('sixty names (symbolic links) of one file, each $ref\'d: the file is read once, and its bytes counted once', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `S${i}`);
    await project.write('limits/names/openapi.yaml', `${HEAD}components:\n  schemas:\n${names.map((n, i) => `    ${n}: {$ref: ./names/n${i}.yaml}\n`).join('')}`);
    await project.write('limits/names/shared.yaml', `type: string\ndescription: ${'x'.repeat(256 * 1024)}\n`);
    await mkdir(path.join(project.dir, 'limits/names/names'), { recursive: true });
    await Promise.all(names.map((_, i) => symlink('../shared.yaml', path.join(project.dir, `limits/names/names/n${i}.yaml`))));
    const files = specFiles();
    const read: string[] = [];
    const counting: SpecIo = { ...files, read: (file: string, max: number) => (read.push(path.relative(project.dir, file)), files.read(file, max)) };
    expect((await narrow('limits/names/openapi.yaml', 'limits/names/narrowed.yaml', counting)).code).toBe(0);
    expect(read).toEqual(['limits/names/openapi.yaml', expect.stringMatching(/^limits\/names\/names\/n\d+\.yaml$/)]);
  });

  test('500 files are read', async () => {
    await chain('limits/chain-500', 500);
    expect(await narrow('limits/chain-500/openapi.yaml', 'limits/chain-500/narrowed.yaml')).toEqual({ code: 0, stdout: '', stderr: 'payment-errors: no operation declares x-payment-errors, so no error response was narrowed; wrote limits/chain-500/narrowed.yaml\n' });
  });
});

describe('an output that cannot be written: exit 2, the file and the problem, nothing left behind', () => {
  test.each([
    { name: 'its folder is a file', out: 'unwritable/openapi.yaml/narrowed.yaml', problem: 'a part of the path is not a directory' },
    { name: 'it is a folder', out: 'unwritable/folder', problem: 'it is a folder, not a regular file: narrow replaces only files' },
  ])('$name', async ({ out, problem }) => {
    await writeFixture(project, 'narrow/openapi.yaml', 'unwritable');
    await mkdir(path.join(project.dir, 'unwritable/folder/inside'), { recursive: true });
    const before = await readdir(path.join(project.dir, 'unwritable'), { recursive: true });
    const result = await narrowCli(project, 'unwritable/openapi.yaml', { out, json: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`payment-errors: cannot write ${out}: ${problem} (nothing was written)\n`);
    expect(JSON.parse(result.stdout).error).toMatchObject({ kind: 'output-unwritable' });
    expect(await readdir(path.join(project.dir, 'unwritable'), { recursive: true })).toEqual(before);
  });
});

test('narrow --json without -o is a usage error: the narrowed spec would be the output, so nothing is narrowed', async () => {
  await writeFixture(project, 'narrow/openapi.yaml', 'json-no-out');
  const result = await narrowCli(project, 'json-no-out/openapi.yaml', { json: true });
  expect(result.code).toBe(2);
  expect(JSON.parse(result.stdout)).toEqual({ error: { kind: 'usage', message: 'narrow --json needs -o <out>: without it the narrowed spec is the output', suggestions: [] } });
  expect(result.stderr).toBe('payment-errors: narrow --json needs -o <out>: without it the narrowed spec is the output\nRun payment-errors help narrow for usage.\n');
  expect(await readdir(path.join(project.dir, 'json-no-out'))).toEqual(['openapi.yaml']);
});

test('a local $ref whose pointer does not decode leads nowhere, as any other dangling $ref: left as written, no error', async () => {
  const spec = (await readFile(path.join(REPO_ROOT, 'tests/fixtures/narrow-text/emptied/openapi.yaml'), 'utf8'))
    .replaceAll('./node_modules/', '../node_modules/')
    .replace('components:\n', '        "400": {$ref: "#/components/responses/%zz"}\ncomponents:\n');
  await project.write('undecodable/openapi.yaml', spec);
  expect(await narrow('undecodable/openapi.yaml', 'undecodable/narrowed.yaml')).toEqual({ code: 0, stdout: '', stderr: 'payment-errors: no operation declares x-payment-errors, so no error response was narrowed; removed 2 components an earlier run wrote that nothing uses; wrote undecodable/narrowed.yaml\n' });
  const output = await text('undecodable/narrowed.yaml');
  expect(output).toContain('        "400": {$ref: "#/components/responses/%zz"}\n');
  // The components an earlier run wrote that nothing uses still go.
  expect(yaml.parse(output).components).toEqual({ schemas: { Mine: { type: 'string' } } });
});

/** `redocly bundle` of a file of the project, with the plugin's narrow decorator on, run in the project's folder. */
async function bundleWithDecorator(file: string) {
  const { bundle, createConfig } = await import('@redocly/openapi-core');
  const { default: plugin } = await import('../../../src/kit/redocly/plugin.ts');
  const config = await createConfig({ extends: [], plugins: [plugin() as never], decorators: { 'payment-errors/narrow': 'on' } } as never);
  const previous = process.cwd();
  process.chdir(project.dir);
  return bundle({ ref: path.join(project.dir, file), config }).finally(() => process.chdir(previous));
}

test('the Redocly decorator narrows the same way, as redocly bundle writes the document', async () => {
  await cp(FIXTURE, path.join(project.dir, 'bundled-input.yaml'));
  const { bundle: result } = await bundleWithDecorator('bundled-input.yaml');
  const bundled = result.parsed as any;
  expect((await narrow('bundled-input.yaml', 'cli-narrowed.yaml')).code).toBe(0);
  const cli = yaml.parse(await text('cli-narrowed.yaml'));
  for (const p of DECLARING) expect(bundled.paths[p].post.responses).toEqual(cli.paths[p].post.responses);
  const compared: string[] = [];
  for (const kind of ['schemas', 'responses']) {
    for (const [name, content] of Object.entries<any>(cli.components[kind])) {
      if (!content['x-narrowed-by']) continue;
      expect(bundled.components[kind][name], name).toEqual(content);
      compared.push(`${kind}.${name}`);
    }
  }
  // Each kind had components narrowing wrote to compare.
  expect(new Set(compared.map((c) => c.split('.')[0]))).toEqual(new Set(['schemas', 'responses']));
});

test('the Redocly decorator refuses what narrow refuses: a declaration on a callback is reported where it is, and nothing is narrowed', async () => {
  await cp(path.join(REPO_ROOT, 'tests/fixtures/narrow-refused/callback/openapi.yaml'), path.join(project.dir, 'callback.yaml'));
  const result = await bundleWithDecorator('callback.yaml');
  expect(result.problems.map((p) => [p.message, p.location[0] && 'pointer' in p.location[0] ? p.location[0].pointer : undefined])).toEqual([
    [
      "x-payment-errors is read on the operations under paths and webhooks, not in a callback (a request this API sends to the client's server): remove it, or describe the request under webhooks; the document was not narrowed.",
      '#/paths/~1payments/post/callbacks/paymentDone/{$request.body#~1callbackUrl}/post/x-payment-errors',
    ],
  ]);
  expect((result.bundle.parsed as any).paths['/payments'].post.responses['500']).toEqual({ $ref: '#/components/responses/InternalServerError' });
});

test('the Redocly decorator refuses what narrow refuses: declared types no error response carries are reported, and nothing is narrowed', async () => {
  await cp(path.join(REPO_ROOT, 'tests/fixtures/narrow-refused/not-carried/openapi.yaml'), path.join(project.dir, 'not-carried.yaml'));
  const result = await bundleWithDecorator('not-carried.yaml');
  expect(result.problems.map((p) => p.location[0] && 'pointer' in p.location[0] ? p.location[0].pointer : undefined)).toEqual([
    '#/paths/~1payments/post/x-payment-errors/payment_error',
    '#/paths/~1refunds/post/x-payment-errors/api_error',
  ]);
  expect(result.problems[0]!.message).toMatch(/^x-payment-errors: POST \/payments declares payment_error, but none of its error responses carries it .*; the document was not narrowed\.$/);
  expect((result.bundle.parsed as any).paths['/refunds'].post.responses['400']).toEqual({ $ref: '#/components/responses/BadRequest' });
});

test('the Redocly decorator: a declaration by a $ref whose pointer does not decode is reported where it is, and the bundle is still written', async () => {
  await project.write('undecodable-bundle.yaml', (await readFile(FIXTURE, 'utf8')).replace('$ref: "#/components/x-payment-errors/CardPayment"', '$ref: "#/components/x-payment-errors/%zz"'));
  const result = await bundleWithDecorator('undecodable-bundle.yaml');
  expect(result.problems.map((p) => [p.message, p.location[0] && 'pointer' in p.location[0] ? p.location[0].pointer : undefined])).toEqual([
    // Redocly's own finding, and the decorator's (it was a URIError that ended redocly bundle).
    ["Can't resolve $ref", '#/paths/~1payments/post/x-payment-errors'],
    ['x-payment-errors: its $ref "#/components/x-payment-errors/%zz" does not resolve; the document was not narrowed.', '#/paths/~1payments/post/x-payment-errors'],
  ]);
  expect((result.bundle.parsed as any).paths['/payments'].post.responses['500']).toEqual({ $ref: '#/components/responses/InternalServerError' });
});
