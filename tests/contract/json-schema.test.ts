// generated/error-body.schema.json, for consumers in other languages: a strict JSON Schema
// 2020-12 validator accepts it, it accepts every example of the document, rejects wrong pairs, and
// agrees with isErrorBody.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { codesByType, errorCatalog, errorTypes, isErrorBody } from '../../src/runtime/index.ts';
import { bundledDocument, deref } from '../helpers/contract.ts';

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/error-body.schema.json'), 'utf8'));
// strict: an unknown keyword (an OpenAPI leftover) fails compilation.
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

describe('the JSON Schema', () => {
  let examples: Array<[string, unknown]> = [];
  beforeAll(async () => {
    const document = await bundledDocument();
    examples = Object.entries<any>(document.components.examples).map(([name, e]) => [name, deref(document, e).value]);
  });

  test('accepts every example of the document', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, value] of examples) expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  test('accepts every documented pair with its message', () => {
    for (const e of errorCatalog) expect(validate({ type: e.type, code: e.code, message: e.message }), `${e.type}.${e.code}`).toBe(true);
  });

  test('rejects a code of one type under another', () => {
    const wrong = errorTypes.flatMap((type) =>
      errorCatalog.filter((e) => e.type !== type && codesByType[type].length > 0 && !(codesByType[type] as readonly string[]).includes(e.code)).map((e) => ({ type, code: e.code, message: e.message })),
    );
    expect(wrong.length).toBeGreaterThan(100);
    expect(wrong.filter((body) => validate(body))).toEqual([]);
  });

  test.each([
    ['an extra member', { type: 'payment_error', code: 'expired_card', message: 'Expired card', param: 'x' }],
    ['an empty message', { type: 'payment_error', code: 'expired_card', message: '' }],
    ['an unknown type', { type: 'card_error', code: 'expired_card', message: 'x' }],
    ['a malformed open code', { type: 'refund_error', code: 'not a code', message: 'x' }],
    ['a missing code', { type: 'refund_error', message: 'x' }],
  ])('rejects %s', (_name, body) => {
    expect(validate(body)).toBe(false);
  });
});

describe('isErrorBody agrees with the JSON Schema', () => {
  const strings = fc.oneof(fc.constantFrom(...errorTypes, ...errorCatalog.map((e) => e.code), '__proto__', 'toString', ''), fc.string({ maxLength: 70 }));
  const values = fc.oneof(strings, fc.integer(), fc.constant(null), fc.array(strings, { maxLength: 2 }));
  const bodies = fc
    .tuple(fc.record({ type: values, code: values, message: values }, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 8 }), values, { maxKeys: 2 }))
    .map(([members, extra]) => ({ ...extra, ...members }));
  const documented = fc.constantFrom(...errorCatalog).map((e) => ({ type: e.type, code: e.code, message: e.message }));
  const json = fc.oneof(bodies, documented, fc.jsonValue()).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

  test('on 10,000 JSON values', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(isErrorBody(value)).toBe(validate(value));
      }),
      { numRuns: 10_000 },
    );
  });
});
