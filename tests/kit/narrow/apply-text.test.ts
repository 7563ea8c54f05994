// Narrowing files of every shape (payment-errors narrow): a spec without components or with an
// empty or null one, JSON pretty and minified, CRLF, a byte order mark, block scalars that keep
// their line breaks, comments and tabs after values, the document-end marker, components an
// earlier run wrote that are now unused or still used. Each row must narrow (exit 0) to a file
// that keeps every property of a narrowing (helpers/narrow-cli.ts: narrowingProblems), narrows to
// the same bytes again, and shows what the row is about.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { narrowCli, narrowingProblems, parseSpec, writeFixture } from '../../helpers/narrow-cli.ts';
import { downstreamProject, type Project } from '../../helpers/lint.ts';

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});

const text = (file: string) => readFile(path.join(project.dir, file), 'utf8');
const count = (haystack: string, needle: RegExp) => haystack.match(needle)?.length ?? 0;

interface Row {
  name: string;
  /** Under tests/fixtures/. */
  fixture: string;
  change?: (text: string) => string;
  /** Narrow the fixture first, then change the narrowed file: a later run on a spec narrowed before. */
  narrowFirst?: boolean;
  /** Where the output goes, in the row's folder (default: narrowed.<ext> beside the input). */
  out?: string;
  /** The input as the output should read outside what narrowing changes (for an output in another folder: its $refs rebased). */
  expected?: (input: string) => string;
  /** What the row shows, beyond the properties every narrowing keeps. */
  want: (output: string, input: string) => void;
}

const MAIN = 'narrow/openapi.yaml';

const rows: Row[] = [
  {
    name: 'no components: one components key with both maps (YAML)',
    fixture: 'narrow-text/no-components/openapi.yaml',
    want: (output) => {
      expect(count(output, /^components:/gm)).toBe(1);
      expect(Object.keys(parseSpec(output).components)).toEqual(['schemas', 'responses']);
    },
  },
  {
    name: 'no components: one "components" member (JSON, where a second would silently win)',
    fixture: 'narrow-text/no-components-json/openapi.json',
    want: (output) => {
      expect(count(output, /"components":/g)).toBe(1);
      expect(Object.keys(parseSpec(output).components)).toEqual(['schemas', 'responses']);
    },
  },
  {
    name: 'components: {} in YAML',
    fixture: 'narrow-text/empty-components/openapi.yaml',
    want: (output) => expect(Object.keys(parseSpec(output).components)).toEqual(['schemas', 'responses']),
  },
  {
    name: 'components: { } with a space: one change, no overlap',
    fixture: 'narrow-text/empty-components-spaced/openapi.yaml',
    want: (output) => expect(Object.keys(parseSpec(output).components)).toEqual(['schemas', 'responses']),
  },
  {
    name: '"components": {} in JSON',
    fixture: 'narrow-text/empty-components-json/openapi.json',
    want: (output) => expect(Object.keys(JSON.parse(output).components)).toEqual(['schemas', 'responses']),
  },
  {
    name: 'components: with no value, and a comment: the maps under it, the comment kept',
    fixture: 'narrow-text/null-components/openapi.yaml',
    want: (output) => expect(output).toContain('\ncomponents:   # nothing here yet\n  schemas:\n    ApiErrorAnyCode:\n'),
  },
  {
    name: 'the last components are block scalars that keep their line breaks (|+, >+)',
    fixture: 'narrow-text/keep-chomped/openapi.yaml',
    want: (output) => {
      expect(output).toContain('        Ends with two blank lines, kept.\n\n\n    ApiErrorAnyCode:\n');
      expect(output).toContain('        Folded, and keeps its blank line.\n\n    InternalServerErrorAnyCode:\n');
      const document = parseSpec(output);
      expect([document.components.schemas.Note.description, document.components.responses.Accepted.description]).toEqual(['Ends with two blank lines, kept.\n\n\n', 'Folded, and keeps its blank line.\n\n']);
    },
  },
  {
    name: "comments after values: the last component's stays with it; a replaced response's goes",
    fixture: 'narrow-text/trailing-comments/openapi.yaml',
    want: (output) => {
      expect(output).toContain('    Payment: {type: object}  # the payment resource\n    ApiErrorAnyCode:\n');
      expect(output).toContain('      description: Accepted.   # my own response\n    InternalServerErrorAnyCode:\n');
      expect(output).toContain('        "400": {"$ref":"#/components/responses/InvalidRequestBadRequest"}\n');
      expect(output).not.toContain('# the shared bad request');
    },
  },
  {
    name: 'the document-end marker: components before it, the comment after it kept',
    fixture: 'narrow-text/document-end/openapi.yaml',
    want: (output) => {
      expect(output).toMatch(/\n {6}x-narrowed-by: payment-error-contract\n\.\.\.\n# the end\n$/);
      expect(count(output, /^components:/gm)).toBe(1);
    },
  },
  {
    name: 'tabs before a comment and after a value: a $ref rewritten for another folder ends where its text ends',
    fixture: 'narrow-text/tabs/openapi.yaml',
    out: 'out/narrowed.yaml',
    expected: (input) => input.replaceAll('../node_modules/', '../../node_modules/'),
    want: (output) => {
      expect(output).toContain('/components/responses/BadRequest"\t# a tab, then a comment\n');
      expect(output).toContain('/components/responses/InternalServerError"\t\n');
      expect(output).toContain('$ref: "../../node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/BadRequest"');
    },
  },
  {
    name: 'minified JSON stays one line, and about as small',
    fixture: 'narrow-text/minified/openapi.json',
    want: (output, input) => {
      expect(output).not.toContain('\n');
      expect(output.length).toBeLessThan(input.length * 6);
    },
  },
  {
    name: 'CRLF line endings, every one of them, in what is kept and what is written',
    fixture: MAIN,
    change: (t) => t.replace(/\n/g, '\r\n'),
    want: (output) => {
      expect(output).not.toMatch(/(^|[^\r])\n/);
      expect(output).not.toMatch(/\r(?!\n)/);
    },
  },
  {
    name: 'CR line ends (old Mac files), every one of them, in what is kept and what is written',
    fixture: MAIN,
    change: (t) => t.replace(/\n/g, '\r'),
    want: (output) => {
      expect(output).not.toContain('\n');
      expect(count(output, /\r/g)).toBeGreaterThan(200);
    },
  },
  {
    name: 'a %YAML 1.2 directive, kept',
    fixture: MAIN,
    change: (t) => `%YAML 1.2\n---\n${t}`,
    want: (output) => expect(output.startsWith('%YAML 1.2\n---\n# A spec')).toBe(true),
  },
  {
    name: 'a tab inside a literal block scalar (text, not indentation), kept',
    fixture: MAIN,
    change: (t) => t.replace('  version: 1.0.0\n', '  version: 1.0.0\n  description: |\n    Columns:\n    \tname\tvalue\n'),
    want: (output) => {
      expect(output).toContain('  description: |\n    Columns:\n    \tname\tvalue\n');
      expect(parseSpec(output).info.description).toBe('Columns:\n\tname\tvalue\n');
    },
  },
  {
    name: 'an anchor and a tag on keys, and an explicit key (? key), kept',
    fixture: MAIN,
    change: (t) =>
      t
        .replace('      operationId: createPayment\n', '      &id operationId: createPayment\n      x-id: *id\n')
        .replace('      summary: Create a payment\n', '      !!str summary: Create a payment\n      ? x-explicit\n      : an explicit key\n'),
    want: (output) => {
      expect(output).toContain('      &id operationId: createPayment\n      x-id: *id\n      !!str summary: Create a payment\n      ? x-explicit\n      : an explicit key\n');
      const operation = parseSpec(output).paths['/payments'].post;
      expect([operation['x-id'], operation['x-explicit']]).toEqual(['operationId', 'an explicit key']);
      expect(operation.responses['400']).toEqual({ $ref: '#/components/responses/CardPaymentBadRequest' });
    },
  },
  {
    name: 'a whole document in YAML flow style, in a .yaml file: YAML, not JSON',
    fixture: 'narrow-text/flow-style/openapi.yaml',
    want: (output) => {
      expect(output).toContain('  openapi: 3.1.0,\n');
      expect(output).toContain('},  # a comment\n');
      expect(parseSpec(output).paths['/payments'].post.responses['400']).toEqual({ $ref: '#/components/responses/PaymentBadRequest' });
    },
  },
  {
    name: 'responses shared by YAML merge keys (<<): narrowed by keys of their own, after the <<; the anchor as it was',
    fixture: 'narrow-text/merge-keys/openapi.yaml',
    want: (output, input) => {
      expect(output.slice(0, output.indexOf('paths:'))).toBe(input.slice(0, input.indexOf('paths:')));
      expect(output).toContain('        <<: *errors\n        "201":\n          description: Created.\n        "400":\n          $ref: "#/components/responses/PaymentBadRequest"\n        "500":\n          $ref: "#/components/responses/InternalServerErrorAnyCode"\n');
      expect(output).toContain('responses: {<<: [*server, *errors], "201": {description: Created.},\n        "400": {"$ref":"#/components/responses/InvalidRequestBadRequest"},\n');
      const document = parseSpec(output);
      expect(document.paths['/refunds'].post.responses).toMatchObject({ '400': { $ref: '#/components/responses/InvalidRequestBadRequest' }, '500': { $ref: '#/components/responses/InternalServerErrorAnyCode' } });
      expect(document.paths['/payments/{id}'].get.responses['400'].$ref).toMatch(/^\.\.\/node_modules\//);
    },
  },
  {
    name: 'a byte order mark is kept',
    fixture: MAIN,
    change: (t) => `\uFEFF${t}`,
    want: (output) => {
      expect(output.startsWith('\uFEFF# A spec')).toBe(true);
      expect(count(output, /\uFEFF/g)).toBe(1);
    },
  },
  {
    name: 'equal code sets in another order share their components',
    fixture: 'narrow-text/code-order/openapi.yaml',
    want: (output) => {
      const document = parseSpec(output);
      expect(document.paths['/b'].post.responses['400']).toEqual(document.paths['/a'].post.responses['400']);
      expect([Object.keys(document.components.schemas), Object.keys(document.components.responses)]).toEqual([['PaymentErrorExpiredCardOrFraud'], ['PaymentBadRequest']]);
      expect(document.components.schemas.PaymentErrorExpiredCardOrFraud.properties.code.enum).toEqual(['expired_card', 'fraud']);
    },
  },
  {
    name: "components an earlier run wrote that nothing uses go, and the map they leave empty (not a null)",
    fixture: 'narrow-text/emptied/openapi.yaml',
    want: (output) => {
      expect(parseSpec(output).components).toEqual({ schemas: { Mine: { type: 'string' } } });
      expect(output).not.toMatch(/^ {2}responses:/m);
    },
  },
  {
    name: 'and components itself, when nothing is left in it (JSON)',
    fixture: 'narrow-text/emptied-all/openapi.json',
    want: (output) => expect(Object.keys(JSON.parse(output))).toEqual(['openapi', 'info', 'paths']),
  },
  {
    name: 'a later run after a declaration is removed: the components its responses still $ref stay',
    fixture: MAIN,
    narrowFirst: true,
    change: (t) => t.replace('      x-payment-errors:\n        invalid_request_error: [invalid_parameter]\n', ''),
    want: (output, input) => {
      expect(input).toContain('$ref: "#/components/responses/InvalidRequestBadRequest"');
      const document = parseSpec(output);
      expect(document.webhooks.paymentSucceeded.post.responses['400']).toEqual({ $ref: '#/components/responses/InvalidRequestBadRequest' });
      expect(Object.keys(document.components.responses)).toContain('InvalidRequestBadRequest');
      expect(Object.keys(document.components.schemas)).toContain('InvalidRequestErrorInvalidParameter');
    },
  },
  {
    name: 'a later run after a declaration shrinks: a response it no longer narrows keeps its component',
    fixture: MAIN,
    narrowFirst: true,
    change: (t) => t.replace('        invalid_request_error: all\n        payment_error: [expired_card, not_enough_balance, 3DS_required]\n        api_error: all\n', '        api_error: all\n'),
    want: (output) => {
      const document = parseSpec(output);
      expect(document.paths['/payments/{id}/capture'].post.responses['400']).toEqual({ $ref: '#/components/responses/InvalidRequestOrPaymentBadRequest' });
      expect(Object.keys(document.components.responses)).toContain('InvalidRequestOrPaymentBadRequest');
    },
  },
];

describe.each(rows.map((row, i) => ({ ...row, folder: `case-${i}` })))('$name', ({ fixture, change, narrowFirst, out, expected, want, folder }) => {
  let file: string;
  let input: string;
  let output: string;
  let target: string;
  beforeAll(async () => {
    if (narrowFirst) {
      const first = await narrowCli(project, await writeFixture(project, fixture, folder));
      expect(first.code).toBe(0);
      file = await writeFixture(project, fixture, folder, () => change!(first.stdout));
    } else file = await writeFixture(project, fixture, folder, change);
    input = await text(file);
    target = `${folder}/${out ?? `narrowed${path.extname(file)}`}`;
    const result = await narrowCli(project, file, { out: target });
    expect(result).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/^payment-errors: .*; wrote /) });
    output = await text(target);
  });

  test('keeps what every narrowing keeps', () => {
    expect(narrowingProblems(parseSpec(expected ? expected(input) : input), parseSpec(output))).toEqual([]);
  });

  test('shows what it is about', () => {
    want(output, input);
  });

  test('narrows again to the same bytes', async () => {
    const again = `${path.dirname(target)}/again${path.extname(file)}`;
    expect((await narrowCli(project, target, { out: again })).code).toBe(0);
    expect(await text(again)).toBe(output);
  });
});
