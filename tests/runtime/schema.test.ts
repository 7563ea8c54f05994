// errorBodySchema: the Standard Schema and Standard JSON Schema sides, row by row. Its verdicts
// are compared with isErrorBody's on any input in untrusted-input.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { errorBodySchema, errorCatalog, isErrorBody } from '../../src/runtime/index.ts';

const standard = errorBodySchema['~standard'];
const generated = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/error-body.schema.json'), 'utf8'));

describe('~standard', () => {
  test('is Standard Schema v1 of this vendor', () => {
    expect(standard.version).toBe(1);
    expect(standard.vendor).toBe('payment-error-contract');
    expect(typeof standard.validate).toBe('function');
  });

  test.each(errorCatalog.map((e) => [`${e.type}.${e.code}`, e] as const))('a documented body %s validates to a copy of itself', (_name, e) => {
    const body = { type: e.type, code: e.code, message: e.message };
    const result = standard.validate(body);
    expect(result).toEqual({ value: body });
    expect('value' in result && result.value).not.toBe(body);
  });

  test('the value is a plain object with the three members only, whatever the input was', () => {
    const input = Object.defineProperty(Object.create(null), 'type', { value: 'api_error', enumerable: true });
    Object.assign(input, { code: 'upstream_timeout', message: 'Contact technical support.' });
    const result = standard.validate(input);
    expect(result).toEqual({ value: { type: 'api_error', code: 'upstream_timeout', message: 'Contact technical support.' } });
    expect(Object.getPrototypeOf('value' in result ? result.value : null)).toBe(Object.prototype);
  });

  test.each([
    ['a code of another type', { type: 'account_error', code: 'expired_card', message: 'x' }, [{ message: '`code` "expired_card" is a code of payment_error, not of account_error', path: ['code'] }]],
    ['a misspelt code (no "did you mean": a program reads these)', { type: 'payment_error', code: 'expird_card', message: 'x' }, [{ message: '`code` "expird_card" is not a code of payment_error', path: ['code'] }]],
    ['an unknown type', { type: 'card_error', code: 'x', message: 'x' }, [{ message: '`type` "card_error" is not an error type', path: ['type'] }]],
    ['an empty message', { type: 'payment_error', code: 'expired_card', message: '' }, [{ message: '`message` is empty', path: ['message'] }]],
    ['a missing message and an extra member', { type: 'payment_error', code: 'expired_card', param: 'card' }, [
      { message: '`message` is missing', path: ['message'] },
      { message: 'members the contract does not allow: "param"', path: [] },
    ]],
    ['not an object', 'Internal Server Error', [{ message: 'the body is "Internal Server Error", not an object', path: [] }]],
    ['null', null, [{ message: 'the body is null, not an object', path: [] }]],
  ])('%s gives issues with paths', (_name, value, issues) => {
    expect(standard.validate(value)).toEqual({ issues });
  });

  test('each issue has a path of its own: changing one changes no other result', () => {
    const first = standard.validate({ type: 'card_error', code: 'x', message: 'm' });
    if (!first.issues) throw new Error('expected issues');
    (first.issues[0]?.path as PropertyKey[]).push('changed');
    expect(standard.validate({ type: 'card_error', code: 'x', message: 'm' })).toEqual({ issues: [{ message: '`type` "card_error" is not an error type', path: ['type'] }] });
  });

  test('one read of each member and one listing of the keys give both the verdict and the issues: a Proxy that answers otherwise the second time is not asked twice', () => {
    // Its first listing of keys has an extra member; every later one, the three members only.
    const calls = { ownKeys: 0 };
    const fickle = new Proxy(
      { type: 'payment_error', code: 'expired_card', message: 'Expired card' },
      {
        ownKeys: (target) => (calls.ownKeys++ === 0 ? [...Reflect.ownKeys(target), 'extra'] : Reflect.ownKeys(target)),
        getOwnPropertyDescriptor: (target, key) =>
          key === 'extra' ? { value: 1, writable: true, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(target, key),
      },
    );
    expect(standard.validate(fickle)).toEqual({ issues: [{ message: 'members the contract does not allow: "extra"', path: [] }] });
    expect(calls).toEqual({ ownKeys: 1 });
  });

  test('a conforming body, too, is read once and listed once', () => {
    const calls = { ownKeys: 0, getOwnPropertyDescriptor: 0 };
    const proxy = new Proxy(
      { type: 'payment_error', code: 'expired_card', message: 'Expired card' },
      {
        ownKeys: (target) => (calls.ownKeys++, Reflect.ownKeys(target)),
        getOwnPropertyDescriptor: (target, key) => (calls.getOwnPropertyDescriptor++, Reflect.getOwnPropertyDescriptor(target, key)),
      },
    );
    expect(standard.validate(proxy)).toEqual({ value: { type: 'payment_error', code: 'expired_card', message: 'Expired card' } });
    expect(calls.ownKeys).toBe(1);
    // type, code and message once each, key "0" probed, and once more each as Object.keys asks a Proxy for each listed key.
    expect(calls.getOwnPropertyDescriptor).toBe(7);
  });
});

describe('~standard.jsonSchema', () => {
  test.each(['input', 'output'] as const)('%s for draft-2020-12 is generated/error-body.schema.json, a fresh copy each time', (side) => {
    const schema = standard.jsonSchema[side]({ target: 'draft-2020-12' });
    expect(schema).toEqual(generated);
    (schema as { title: string }).title = 'changed';
    expect(standard.jsonSchema[side]({ target: 'draft-2020-12' })).toEqual(generated);
  });

  test('draft-07 has definitions for $defs, references to them, and the draft-07 $schema', () => {
    const schema = standard.jsonSchema.input({ target: 'draft-07' });
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema).not.toHaveProperty('$defs');
    expect(Object.keys(schema.definitions as object)).toEqual(Object.keys(generated.$defs));
    expect(JSON.stringify(schema)).not.toContain('#/$defs/');
  });

  test.each(['draft-04', 'draft-2019-09', 'openapi-3.1', undefined])('throws for the target %s, naming the ones it has', (target) => {
    expect(() => standard.jsonSchema.input({ target } as { target: string })).toThrow(/no JSON Schema for the target .*; it has draft-2020-12, draft-07, openapi-3.0$/);
  });

  /** The keywords of an OpenAPI 3.0.3 Schema Object (its JSON Schema subset and its own). */
  const OPENAPI_30_KEYWORDS = new Set([
    'title', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems',
    'uniqueItems', 'maxProperties', 'minProperties', 'required', 'enum', 'type', 'allOf', 'oneOf', 'anyOf', 'not', 'items', 'properties',
    'additionalProperties', 'description', 'format', 'default', 'nullable', 'discriminator', 'readOnly', 'writeOnly', 'xml', 'externalDocs', 'example', 'deprecated',
  ]);
  /** Every keyword a schema uses, with where (the names under `properties` are names, not keywords). */
  function keywordsOf(node: unknown, at = '#'): string[] {
    if (typeof node !== 'object' || node === null) return [];
    return Object.entries(node).flatMap(([key, value]) => [
      `${at}/${key}`,
      ...(key === 'properties' ? Object.entries(value as object).flatMap(([name, sub]) => keywordsOf(sub, `${at}/properties/${name}`)) : []),
      ...(['oneOf', 'anyOf', 'allOf'].includes(key) ? (value as unknown[]).flatMap((sub, i) => keywordsOf(sub, `${at}/${key}/${i}`)) : []),
      ...(['items', 'not', 'additionalProperties'].includes(key) ? keywordsOf(value, `${at}/${key}`) : []),
    ]);
  }

  test('openapi-3.0 is one self-contained OpenAPI 3.0 Schema Object: its keywords only, no $ref, const as a one-value enum', () => {
    const schema = standard.jsonSchema.output({ target: 'openapi-3.0' });
    expect(keywordsOf(schema).filter((at) => !OPENAPI_30_KEYWORDS.has(at.split('/').pop() ?? ''))).toEqual([]);
    expect(schema).toMatchObject({ title: 'ErrorBody', description: generated.description });
    expect((schema.oneOf as unknown[]).length).toBe(7);
    expect((schema.oneOf as Array<{ properties: { type: unknown } }>)[3]?.properties.type).toEqual({ type: 'string', description: 'The error type.', enum: ['api_error'] });
    // A description beside a $ref (which 3.0 would ignore) is kept on what the $ref held.
    expect((schema.oneOf as Array<{ properties: { code: { description: string; pattern: string } } }>)[3]?.properties.code).toMatchObject({
      description: generated.$defs.ApiError.properties.code.description,
      pattern: generated.$defs.OpenErrorCode.pattern,
    });
  });

  // The schemas, compiled by ajv for their drafts (OpenAPI 3.0's keywords here mean what draft-07's do), give isErrorBody's verdicts on bodies of every kind.
  const draft2020 = new Ajv2020({ strict: true }).compile(standard.jsonSchema.input({ target: 'draft-2020-12' }));
  const draft07 = new Ajv({ strict: true }).compile(standard.jsonSchema.input({ target: 'draft-07' }));
  const openapi30 = new Ajv({ strict: true }).compile(standard.jsonSchema.input({ target: 'openapi-3.0' }));
  const bodies = [
    ...errorCatalog.map((e) => ({ type: e.type, code: e.code, message: e.message })),
    { type: 'api_error', code: 'upstream_timeout', message: 'x' },
    { type: 'api_error', code: 'not well formed', message: 'x' },
    { type: 'account_error', code: 'expired_card', message: 'x' },
    { type: 'payment_error', code: 'expired_card', message: '' },
    { type: 'payment_error', code: 'expired_card', message: 'x', extra: 1 },
    { type: 'payment_error', code: 'expired_card' },
    { type: 'card_error', code: 'x', message: 'x' },
    [],
    'text',
    null,
  ];
  test.each(bodies.map((b) => [JSON.stringify(b), b]))('same verdict as isErrorBody: %s', (_name, body) => {
    expect(draft2020(body)).toBe(isErrorBody(body));
    expect(draft07(body)).toBe(isErrorBody(body));
    expect(openapi30(body)).toBe(isErrorBody(body));
  });
});

describe('src/runtime/standard-schema.ts', () => {
  test('is the spec of the @standard-schema/spec package in the lockfile, verbatim', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'node_modules/@standard-schema/spec/README.md'), 'utf8');
    const spec = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const copy = /\/\/ BEGIN COPY\n([\s\S]*?)\/\/ END COPY\n/.exec(readFileSync(path.join(REPO_ROOT, 'src/runtime/standard-schema.ts'), 'utf8'))?.[1];
    expect(spec).toContain('export interface StandardSchemaV1');
    expect(copy).toBe(spec);
  });
});
