// The guard of payment-errors narrow (src/kit/narrow/verify.ts): before anything is written, the text
// is read back and held against the spec narrowed as data. Here apply-text.ts is made to splice
// wrong, the way its past faults did (components created twice, a comma missed, an operation that
// declares nothing changed through an alias, a kept line break dropped): each is caught, named by
// its place, and nothing is written. Without a fault the same files narrow.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { narrowCli, writeFixture } from '../../helpers/narrow-cli.ts';
import { downstreamProject, type Project } from '../../helpers/lint.ts';

const fault = vi.hoisted(() => ({ splice: undefined as ((text: string) => string) | undefined, extraKey: false }));

vi.mock('../../../src/kit/narrow/apply-text.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/kit/narrow/apply-text.ts')>();
  return {
    ...real,
    applyToText: (...args: Parameters<typeof real.applyToText>) => {
      const text = real.applyToText(...args);
      return fault.splice ? fault.splice(text) : text;
    },
  };
});

// The places of a YAML file come from the same parse as its values (yaml-outline.ts); before any
// change, source.ts still holds the two against each other. Here the values gain a key the text
// does not have, as a parser and an outline that disagree would.
vi.mock('../../../src/kit/openapi/yaml-outline.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/kit/openapi/yaml-outline.ts')>();
  return {
    ...real,
    readYaml: (...args: Parameters<typeof real.readYaml>) => {
      const read = real.readYaml(...args);
      return fault.extraKey && read.root ? { ...read, data: { ...(read.data as object), 'x-seen-by-the-parser-only': true } } : read;
    },
  };
});

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});
beforeEach(() => {
  fault.splice = undefined;
  fault.extraKey = false;
});

/** A fault: `from` replaced by `to` in the text apply-text.ts made (which must hold `from`). */
const splice = (from: string | RegExp, to: string) => (text: string) => {
  const wrong = text.replace(from, to);
  if (wrong === text) throw new Error(`the fault ${String(from)} does not apply`);
  return wrong;
};

const GUARD = 'narrow stopped before writing what it would have got wrong:';
const HOW = 'This is a fault of narrow (please report it with the spec); meanwhile narrow a bundled copy, or use the Redocly decorator (nothing was written)';

test.each([
  {
    name: 'components created twice at the top, not under one key (YAML)',
    fixture: 'narrow-text/no-components/openapi.yaml',
    fault: splice('\n  responses:\n    InternalServerErrorAnyCode:', '\ncomponents:\n  responses:\n    InternalServerErrorAnyCode:'),
    why: /it would not parse: duplicated mapping key \(\d+:1\)\./,
  },
  {
    name: 'the comma between two new members missed (JSON)',
    fixture: 'narrow-text/no-components-json/openapi.json',
    fault: splice(/},(\n\s+"responses": \{)/, '}$1'),
    why: /it would not parse: Expected ',' or '}' after property value in JSON at position \d+/,
  },
  {
    name: 'an operation that declares nothing narrowed too (as through a kept anchor)',
    fixture: 'narrow/openapi.yaml',
    fault: splice('"400": {$ref: "../node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/BadRequest"}', '"400": {$ref: "#/components/responses/CardPaymentBadRequest"}'),
    why: 'at paths./payments/{id}.get.responses.400.$ref it would read "#/components/responses/CardPaymentBadRequest", where the narrowed spec has "../node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/BadRequest".',
  },
  {
    name: "a block scalar's kept line breaks dropped where components were added after it",
    fixture: 'narrow-text/keep-chomped/openapi.yaml',
    fault: splice('kept.\n\n\n    ApiErrorAnyCode:', 'kept.\n    ApiErrorAnyCode:'),
    why: 'at components.schemas.Note.description it would read "Ends with two blank lines, kept.\\n", where the narrowed spec has "Ends with two blank lines, kept.\\n\\n\\n".',
  },
  {
    name: 'a response narrowed to the component of another operation',
    fixture: 'narrow/openapi.yaml',
    fault: splice('$ref: "#/components/responses/InvalidRequestBadRequest"', '$ref: "#/components/responses/CardPaymentBadRequest"'),
    why: 'at webhooks.paymentSucceeded.post.responses.400.$ref it would read "#/components/responses/CardPaymentBadRequest", where the narrowed spec has "#/components/responses/InvalidRequestBadRequest".',
  },
])('caught, nothing written: $name', async ({ fixture, fault: wrong, why }) => {
  const folder = path.basename(path.dirname(fixture)) === 'narrow' ? 'main' : path.basename(path.dirname(fixture));
  const file = await writeFixture(project, fixture, folder);
  const out = `${folder}/narrowed${path.extname(fixture)}`;
  // Without the fault, the file narrows: the guard passes what is right.
  expect((await narrowCli(project, file)).code).toBe(0);
  fault.splice = wrong;
  const result = await narrowCli(project, file, { out });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const [head, tail] = result.stderr.split(GUARD);
  expect(head).toBe(`payment-errors: ${file}: `);
  if (typeof why === 'string') expect(tail).toBe(` ${why} ${HOW}\n`);
  else {
    expect(tail).toMatch(why);
    expect(tail!.endsWith(`${HOW}\n`)).toBe(true);
  }
  expect(existsSync(path.join(project.dir, out))).toBe(false);
});

test('with --json, the guard is a narrow-unverified error', async () => {
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'json-run');
  fault.splice = splice('$ref: "#/components/responses/InvalidRequestBadRequest"', '$ref: "#/components/responses/Nowhere"');
  const result = await narrowCli(project, file, { out: 'json-run/narrowed.yaml', json: true });
  expect(result.code).toBe(2);
  expect(JSON.parse(result.stdout).error.kind).toBe('narrow-unverified');
  expect(existsSync(path.join(project.dir, 'json-run/narrowed.yaml'))).toBe(false);
});

test('values and places that disagree: refused before any change, as a file narrow cannot place its changes in', async () => {
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'disagree');
  expect((await narrowCli(project, file)).code).toBe(0);
  fault.extraKey = true;
  const result = await narrowCli(project, file, { out: 'disagree/narrowed.yaml', json: true });
  expect(result.code).toBe(2);
  expect(JSON.parse(result.stdout).error).toMatchObject({ kind: 'cannot-narrow', message: `${path.join(project.dir, file)}:5:1: narrow cannot place its changes in this YAML: at the top keys the outline did not read (nothing was written)` });
  expect(existsSync(path.join(project.dir, 'disagree/narrowed.yaml'))).toBe(false);
});
