// What every helper does with a huge value. An array-like (a 10 MiB Buffer or String object, an
// object whose index keys start at 0), a million-digit bigint, a 10M-character string: bounded
// work, a handful of property reads and no listing of keys at all. Any other object with many keys
// (index keys that start at 1, as JSON.parse makes them, or named keys): at most one listing of its
// keys per call, which is what an exact verdict on "no other members" costs in JavaScript.
// Two kinds of check. The work done, counted by a Proxy's traps, is exact: how many listings, and
// that nothing else grows with the number of keys. Wall time, on values a Proxy cannot stand for,
// is held to a bound far above what the helpers take (< 1 ms) and far below what the old code took
// (0.3 s to 20 s a call for an array-like), so that a slow machine cannot fail it and the old code
// cannot pass it.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  checkErrorResponse,
  createErrorBody,
  describeError,
  describeErrorType,
  errorBodySchema,
  errorResponse,
  httpStatusOf,
  isErrorBody,
  isErrorType,
  parseErrorBody,
} from '../../src/runtime/index.ts';

/** The helpers, each as JavaScript code calls it: with any value at all. */
const helpers: ReadonlyArray<[string, (value: unknown) => unknown]> = [
  ['isErrorBody', (v) => isErrorBody(v)],
  ['parseErrorBody', (v) => parseErrorBody(v)],
  ['checkErrorResponse', (v) => checkErrorResponse(400, v)],
  ['errorBodySchema.validate', (v) => errorBodySchema['~standard'].validate(v)],
  ['describeError', (v) => (describeError as (type: unknown, code: unknown) => unknown)('payment_error', v)],
  ['describeErrorType', (v) => (describeErrorType as (type: unknown) => unknown)(v)],
  ['httpStatusOf', (v) => (httpStatusOf as (type: unknown) => unknown)(v)],
  ['isErrorType', (v) => isErrorType(v)],
  ['createErrorBody', (v) => (createErrorBody as (type: unknown, code: unknown, message?: unknown) => unknown)('payment_error', v, v)],
  ['errorResponse', (v) => (errorResponse as (type: unknown, code: unknown, message?: unknown) => unknown)(v, v, v)],
];

const body = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };
const MILLION = 1_000_000;

/** A Proxy that counts the inspections a helper makes of `target`: listings of its keys, descriptors, reads, `in`. */
function counted(target: object) {
  const calls = { ownKeys: 0, getOwnPropertyDescriptor: 0, get: 0, has: 0 };
  const proxy = new Proxy(target, {
    ownKeys: (t) => (calls.ownKeys++, Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, key) => (calls.getOwnPropertyDescriptor++, Reflect.getOwnPropertyDescriptor(t, key)),
    get: (t, key, receiver) => (calls.get++, Reflect.get(t, key, receiver)),
    has: (t, key) => (calls.has++, Reflect.has(t, key)),
  });
  return { proxy, calls };
}

describe('the work done on a big array-like, counted', () => {
  /** Made once and shared: each test wraps it in a Proxy of its own. */
  const once = (make: () => object) => {
    let made: object | undefined;
    return () => (made ??= make());
  };
  const targets: ReadonlyArray<[string, () => object]> = [
    ['a 1 MiB Buffer', once(() => Buffer.alloc(1 << 20))],
    ["a 1 MiB Buffer with a body's members", once(() => Object.assign(Buffer.alloc(1 << 20), body))],
    ['a String object of a million characters', once(() => new String('a'.repeat(MILLION)))],
    ["a String object of a million characters with a body's members", once(() => Object.assign(new String('a'.repeat(MILLION)), body))],
    ["an object with a million index keys and a body's members", once(() => Object.assign(Object.fromEntries(Array.from({ length: MILLION }, (_, i) => [i, i])), body))],
  ];

  test.each(targets.flatMap(([name, make]) => helpers.map(([helper, call]) => [helper, name, make, call] as const)))('%s on %s: no key listed, a few properties read, no getter run', (_helper, _name, make, call) => {
    const { proxy, calls } = counted(make());
    call(proxy);
    expect(calls).toEqual({ ownKeys: 0, getOwnPropertyDescriptor: expect.any(Number), get: 0, has: 0 });
    expect(calls.getOwnPropertyDescriptor).toBeLessThanOrEqual(16);
  });
});

/** An object with `count` keys of the given kind besides a body's members, as JSON.parse makes it from a response. */
function manyKeys(kind: 'index keys from 1' | 'named keys', count: number): object {
  const key = kind === 'named keys' ? (i: number) => `k${i}` : (i: number) => String(i + 1);
  return JSON.parse(`{${Array.from({ length: count }, (_, i) => `"${key(i)}":${i}`).join(',')},"type":"payment_error","code":"expired_card","message":"Expired card"}`);
}

describe('objects whose keys must be listed: at most one listing per call', () => {
  const layouts = ['index keys from 1', 'named keys'] as const;
  /** How many listings each helper may make: those that do not look at other members make none. */
  const LISTINGS: Readonly<Record<string, number>> = { isErrorBody: 1, checkErrorResponse: 1, 'errorBodySchema.validate': 1 };

  test.each(layouts.flatMap((layout) => helpers.map(([helper, call]) => [helper, layout, call] as const)))('%s on an object with 10,000 %s lists its keys at most once', (helper, layout, call) => {
    const { proxy, calls } = counted(manyKeys(layout, 10_000));
    call(proxy);
    expect(calls.ownKeys).toBe(LISTINGS[helper] ?? 0);
  });

  // Beyond its one listing, a helper's work must not grow with the keys: every inspection a Proxy
  // can see (listings, descriptors, reads, `in`) is counted on 1,000 keys and on 100,000, and the
  // counts must be equal. Object.keys on a Proxy asks for each listed key's descriptor (is it
  // enumerable?): those are the listing's own and are taken off. Counted, not timed: a loaded
  // machine cannot fail it.
  test.each(layouts.flatMap((layout) => helpers.map(([helper, call]) => [helper, layout, call] as const)))('%s on an object with %s: the same inspections for 1,000 keys as for 100,000', (_helper, layout, call) => {
    const inspections = (count: number) => {
      const { proxy, calls } = counted(manyKeys(layout, count));
      call(proxy);
      const keys = count + Object.keys(body).length;
      return { ...calls, getOwnPropertyDescriptor: calls.getOwnPropertyDescriptor - calls.ownKeys * keys };
    };
    expect(inspections(100_000)).toEqual(inspections(1_000));
  });
});

describe('wall time on values of every kind', () => {
  /** Far above the helpers' time here (< 1 ms), far below the old code's (0.3 to 20 s). */
  const BOUND_MS = 100;
  // What a first call loads once (the runtime's Response implementation, for one) is not timed.
  beforeAll(() => {
    for (const [, call] of helpers) call({});
  });

  const values: ReadonlyArray<[string, () => unknown]> = [
    ['a 10 MiB Buffer', () => Buffer.alloc(10 << 20)],
    ["a 10 MiB Buffer with a body's members", () => Object.assign(Buffer.alloc(10 << 20), body)],
    ['a 10 MiB Uint8Array', () => new Uint8Array(10 << 20)],
    ['a String object of 10M characters', () => new String('a'.repeat(10 << 20))],
    ["a String object of 10M characters with a body's members", () => Object.assign(new String('a'.repeat(10 << 20)), body)],
    ["an object with a million index keys and a body's members", () => Object.assign(Object.fromEntries(Array.from({ length: MILLION }, (_, i) => [i, i])), body)],
    ['a bigint of a million digits as the type', () => ({ ...body, type: 1n << 3_400_000n })],
    ['a bigint of a million digits', () => 1n << 3_400_000n],
    ['a string of 10M characters as the code', () => ({ ...body, code: 'x'.repeat(10 << 20) })],
    ['a string of 10M characters', () => 'x'.repeat(10 << 20)],
  ];

  test.each(values)('%s: every helper answers within the bound', (_name, make) => {
    const value = make();
    const slow = helpers
      .map(([helper, call]) => {
        const start = performance.now();
        call(value);
        return { helper, ms: performance.now() - start };
      })
      .filter(({ ms }) => ms > BOUND_MS);
    expect(slow).toEqual([]);
  });
});
