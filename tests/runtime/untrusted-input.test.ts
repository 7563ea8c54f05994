// Property-based: whatever the helpers are given, they never throw, do bounded work, never run a
// getter, and never take a name such as __proto__ or toString for a known type or code. 10,000
// inputs per helper. (Huge values: huge-input.test.ts.)
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  checkErrorResponse,
  codesByType,
  createErrorBody,
  describeError,
  errorBodySchema,
  errorCatalog,
  errorResponse,
  errorTypes,
  httpStatusOf,
  isErrorBody,
  isErrorType,
  parseErrorBody,
  type ErrorBody,
  type ErrorType,
} from '../../src/runtime/index.ts';

/** createErrorBody as JavaScript code sees it: any arguments at all. */
const createFromJavaScript = createErrorBody as (type: unknown, code: unknown, message?: unknown) => ErrorBody;

const RUNS = { numRuns: 10_000 };
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype'];
const documentedCodes = errorCatalog.map((e) => e.code);

/** Nested 100,000 deep: a helper that recursed into values would overflow the stack. */
const deep = (() => {
  let value: unknown = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };
  for (let i = 0; i < 100_000; i++) value = { type: value, code: [value], message: value };
  return value;
})();
const revoked = (() => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
})();
const hostileValues = [
  Object.defineProperty({}, 'type', { enumerable: true, get: () => { throw new Error('getter'); } }),
  new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } }),
  new Proxy({ type: 'payment_error', code: 'expired_card', message: 'Expired card' }, { ownKeys: () => { throw new Error('trap'); } }),
  deep,
  JSON.parse('{"__proto__":{"type":"payment_error"},"code":"expired_card","message":"x"}'),
  Object.assign(Object.create(null), { type: 'payment_error', code: 'expired_card', message: 'Expired card' }),
  Object.freeze({ type: 'payment_error', code: 'expired_card', message: 'Expired card' }),
];

const names = fc.oneof(
  fc.constantFrom(...errorTypes, ...documentedCodes, ...PROTOTYPE_NAMES, '', ' ', 'payment_error ', 'EXPIRED_CARD'),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constant('x'.repeat(1_000_000)),
  fc.constant(`${'a'.repeat(63)}!`),
  fc.anything(),
);
const bodyLike = fc
  .tuple(fc.record({ type: names, code: names, message: names }, { requiredKeys: [] }), fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }))
  .map(([members, extra]) => ({ ...extra, ...members }));
const documentedBody = fc.constantFrom(...errorCatalog).map((e) => ({ type: e.type, code: e.code, message: e.message }));
const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true });
const hostile = fc.constantFrom(...hostileValues);
const input = fc.oneof(anything, bodyLike, documentedBody, hostile);
const status = fc.oneof(fc.constantFrom(400, 500, 404, 200), fc.integer(), fc.anything());

const boundedText = (text: unknown) => typeof text === 'string' && text.length < 300;

describe('on any input', () => {
  test('isErrorBody never throws; when true, the body parses and has no violation', () => {
    fc.assert(
      fc.property(input, (value) => {
        const result = isErrorBody(value);
        expect(typeof result).toBe('boolean');
        if (result) {
          expect(parseErrorBody(value).kind).not.toBe('invalid');
          expect(checkErrorResponse(undefined, value)).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  test('parseErrorBody never throws and says why a body is invalid, briefly', () => {
    fc.assert(
      fc.property(input, (value) => {
        const parsed = parseErrorBody(value);
        if (parsed.kind === 'invalid') {
          expect(boundedText(parsed.reason)).toBe(true);
        } else {
          expect(Object.keys(parsed.body)).toEqual(['type', 'code', 'message']);
          expect(isErrorType(parsed.body.type)).toBe(true);
          expect(parsed.httpStatus).toBe(httpStatusOf(parsed.body.type));
        }
        if (parsed.kind === 'known') expect(describeError(parsed.body.type, parsed.body.code)).toBe(parsed.documented);
      }),
      RUNS,
    );
  });

  test('checkErrorResponse never throws, returns brief violations, and none only for a conforming body', () => {
    fc.assert(
      fc.property(status, input, (code, value) => {
        const violations = checkErrorResponse(code, value);
        expect(Array.isArray(violations)).toBe(true);
        for (const v of violations) {
          expect(['body', 'type', 'code', 'message', 'members', 'status']).toContain(v.rule);
          expect(boundedText(v.message)).toBe(true);
        }
        if (violations.length === 0) expect(isErrorBody(value)).toBe(true);
      }),
      RUNS,
    );
  });

  test('errorBodySchema validate never throws, gives a value exactly when isErrorBody, and brief issues with paths otherwise', () => {
    fc.assert(
      fc.property(input, (value) => {
        const result = errorBodySchema['~standard'].validate(value);
        if (isErrorBody(value)) {
          expect(result).toEqual({ value: { type: (value as ErrorBody).type, code: (value as ErrorBody).code, message: (value as ErrorBody).message } });
        } else {
          expect(result.issues?.length).toBeGreaterThan(0);
          for (const issue of result.issues ?? []) {
            expect(boundedText(issue.message)).toBe(true);
            expect([[], ['type'], ['code'], ['message']]).toContainEqual(issue.path);
          }
        }
      }),
      RUNS,
    );
  });

  test('describeError never throws, finds only documented pairs, and says of any other well-formed code of an open type only what is known', () => {
    fc.assert(
      fc.property(names, names, (type, code) => {
        const entry = describeError(type, code);
        const documented = errorCatalog.find((e) => e.type === type && e.code === code);
        if (documented) expect(entry).toBe(documented);
        else if (entry) expect(entry).toEqual({ type, code, httpStatus: httpStatusOf(type), documented: false });
        if (entry && !documented) expect(codesByType[type as ErrorType]).toEqual([]);
      }),
      RUNS,
    );
  });

  test('httpStatusOf never throws and knows only the error types', () => {
    fc.assert(
      fc.property(names, (type) => {
        const result = httpStatusOf(type);
        expect(result === undefined).toBe(!(errorTypes as readonly unknown[]).includes(type));
      }),
      RUNS,
    );
  });

  test('createErrorBody never throws and always builds a conforming body', () => {
    fc.assert(
      fc.property(names, names, fc.oneof(names, fc.constant(undefined)), (type, code, message) => {
        const body = createFromJavaScript(type, code, message);
        expect(checkErrorResponse(httpStatusOf(body.type), body)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('values fast-check cannot generate', () => {
  // A revoked proxy throws on any inspection, fast-check's own included.
  test.each<[string, unknown]>([['a revoked proxy', revoked], ...hostileValues.map((v, i): [string, unknown] => [`hostile value ${i}`, v])])('%s', (_name, value) => {
    expect(typeof isErrorBody(value)).toBe('boolean');
    expect(parseErrorBody(value).kind).toMatch(/^(known|unknown-code|invalid)$/);
    expect(Array.isArray(checkErrorResponse(400, value))).toBe(true);
    expect(describeError(value, value)).toBeUndefined();
    expect(httpStatusOf(value)).toBeUndefined();
    expect(checkErrorResponse(500, createFromJavaScript(value, value, value))).toEqual([]);
    expect(errorBodySchema['~standard'].validate(value).issues === undefined).toBe(isErrorBody(value));
    expect((errorResponse as (type: unknown, code: unknown, message?: unknown) => Response)(value, value, value).status).toBe(500);
  });
});

describe('getters', () => {
  /** A body whose members are getters that count their calls. */
  function gettersBody() {
    const calls = { count: 0 };
    const body = {};
    for (const [name, value] of Object.entries({ type: 'payment_error', code: 'expired_card', message: 'Expired card' })) {
      Object.defineProperty(body, name, { enumerable: true, get: () => (calls.count++, value) });
    }
    return { body, calls };
  }
  const helpers: ReadonlyArray<[string, (value: unknown) => unknown]> = [
    ['isErrorBody', isErrorBody],
    ['parseErrorBody', parseErrorBody],
    ['checkErrorResponse', (v) => checkErrorResponse(400, v)],
    ['errorBodySchema validate', (v) => errorBodySchema['~standard'].validate(v)],
  ];

  test.each(helpers)('%s never runs one, and does not take its member for a value', (_name, helper) => {
    const { body, calls } = gettersBody();
    const result = helper(body);
    expect(calls.count).toBe(0);
    expect(isErrorBody(body)).toBe(false);
    expect(JSON.stringify(result)).toMatch(/false|invalid|getter/);
  });

  /** A body whose `type` is a getter (counting its calls) and whose code and message are plain: conforming, if the getter were taken for a value. */
  function getterTypeBody() {
    const calls = { count: 0 };
    const body = Object.defineProperty({ code: 'expired_card', message: 'Expired card' }, 'type', { enumerable: true, get: () => (calls.count++, 'payment_error') });
    return { body, calls };
  }
  /** A body whose `type` is an accessor with a setter only: reading it runs nothing and gives undefined. */
  const setterTypeBody = () => Object.defineProperty({ code: 'expired_card', message: 'Expired card' }, 'type', { enumerable: true, set: () => undefined });

  /** What a polluted Object.prototype holds: every member of a property descriptor. */
  const PLANTED: ReadonlyArray<[string, PropertyDescriptor]> = [
    ['value', { value: 'payment_error' }],
    ['writable', { value: true }],
    ['enumerable', { value: true }],
    ['configurable', { value: true }],
    ['get', { value: () => 'payment_error' }],
    ['set', { value: () => undefined }],
  ];

  /**
   * `run` with each of `names` planted on Object.prototype; only meanwhile: the test runner itself
   * reads descriptors. Each is planted with a descriptor of no prototype, which the ones planted
   * before it (a `get` beside a `value`) cannot turn invalid.
   */
  function withPlanted<T>(names: readonly string[], run: () => T): T {
    try {
      for (const [name, descriptor] of PLANTED) {
        if (names.includes(name)) Object.defineProperty(Object.prototype, name, Object.assign(Object.create(null), descriptor, { configurable: true, writable: true }));
      }
      return run();
    } finally {
      for (const name of names) delete (Object.prototype as Record<string, unknown>)[name];
    }
  }

  const plantings: ReadonlyArray<[string, string[]]> = [
    ['value', ['value']],
    ['value and writable', ['value', 'writable']],
    ['every member of a descriptor', PLANTED.map(([name]) => name)],
  ];

  test.each(plantings)('with %s planted on Object.prototype, a getter is neither run nor taken for a value', (_name, names) => {
    const { body, calls } = getterTypeBody();
    const results = withPlanted(names, () => helpers.map(([name, helper]) => [name, JSON.stringify(helper(body))]));
    expect(results).toEqual([
      ['isErrorBody', 'false'],
      ['parseErrorBody', JSON.stringify({ kind: 'invalid', reason: '`type` is a getter, not a value' })],
      ['checkErrorResponse', JSON.stringify([{ rule: 'type', message: '`type` is a getter, not a value' }])],
      ['errorBodySchema validate', JSON.stringify({ issues: [{ message: '`type` is a getter, not a value', path: ['type'] }] })],
    ]);
    expect(calls.count).toBe(0);
  });

  test.each(plantings)('with %s planted on Object.prototype, an accessor without a getter is not taken for a value', (_name, names) => {
    const body = setterTypeBody();
    const results = withPlanted(names, () => helpers.map(([name, helper]) => [name, JSON.stringify(helper(body))]));
    expect(results.map(([name, result]) => [name, result?.includes('`type` is a getter, not a value') || result === 'false'])).toEqual(helpers.map(([name]) => [name, true]));
  });

  test.each(plantings)('with %s planted on Object.prototype, a conforming body still conforms', (_name, names) => {
    const body = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };
    const results = withPlanted(names, () => helpers.map(([name, helper]) => [name, JSON.stringify(helper(body))]));
    expect(results).toEqual([
      ['isErrorBody', 'true'],
      ['parseErrorBody', expect.stringContaining('"kind":"known"')],
      ['checkErrorResponse', '[]'],
      ['errorBodySchema validate', JSON.stringify({ value: body })],
    ]);
  });
});

describe('names of Object.prototype', () => {
  test.each(PROTOTYPE_NAMES)('%s is never a known type or code', (name) => {
    expect(isErrorType(name)).toBe(false);
    expect(httpStatusOf(name)).toBeUndefined();
    for (const type of errorTypes) {
      // Never a catalog entry: at most a well-formed code of a type whose codes are open, with no message.
      expect(describeError(type, name)?.message).toBeUndefined();
      expect(parseErrorBody({ type, code: name, message: 'm' }).kind).not.toBe('known');
      if (codesByType[type].length > 0) expect(isErrorBody({ type, code: name, message: 'm' })).toBe(false);
    }
    expect(parseErrorBody({ type: name, code: 'expired_card', message: 'm' }).kind).toBe('invalid');
  });
});
