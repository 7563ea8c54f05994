// describeError, describeErrorType and httpStatusOf.
import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/commands.ts';
import { codesByType, describeError, describeErrorType, errorCatalog, errorTypes, httpStatusByType, httpStatusOf } from '../../src/runtime/index.ts';

test.each(errorCatalog.map((e) => [`${e.type}.${e.code}`, e] as const))('describeError(%s) is its catalog entry', (_name, e) => {
  expect(describeError(e.type, e.code)).toBe(e);
});

test('describeError hands out the frozen catalog entry: changing it throws, and the catalog stays as it was', () => {
  const entry = describeError('payment_error', 'expired_card') as { message: string };
  expect(() => {
    entry.message = 'changed';
  }).toThrow(TypeError);
  expect(describeError('payment_error', 'expired_card')?.message).toBe('Expired card');
});

test.each([
  ['api_error', 'upstream_timeout', 500],
  ['refund_error', 'refund_window_closed', 400],
  ['terminal_error', 'toString', 400],
  ['api_error', 'a'.repeat(64), 500],
] as const)('describeError(%s, %s), a well-formed code of a type whose codes are open: what is known, and documented false', (type, code, httpStatus) => {
  const described = describeError(type, code);
  expect(described).toEqual({ type, code, httpStatus, documented: false });
  // Code written for documented entries finds no message, how to fix or deprecation in it.
  expect([described?.message, described?.howToFix, described?.deprecated]).toEqual([undefined, undefined, undefined]);
});

test.each([
  ['a code of another type', 'account_error', 'expired_card'],
  ['an unknown code', 'payment_error', 'nope'],
  ['a code of an open type that is not well formed', 'refund_error', 'not well formed'],
  ['a code of an open type longer than 64 characters', 'api_error', 'a'.repeat(65)],
  ['__proto__', '__proto__', '__proto__'],
  ['non-strings', 42, null],
  ['an open type and a non-string code', 'api_error', {}],
])('describeError of %s is undefined', (_name, type, code) => {
  expect(describeError(type, code)).toBeUndefined();
});

test.each(errorTypes.map((t) => [t]))('httpStatusOf(%s) is its status', (type) => {
  expect(httpStatusOf(type)).toBe(httpStatusByType[type]);
  expect([400, 500]).toContain(httpStatusOf(type));
});

test.each([['card_error'], ['toString'], [undefined], [{}]])('httpStatusOf(%s) is undefined', (type) => {
  expect(httpStatusOf(type)).toBeUndefined();
});

/** What `payment-errors explain <type> --json` prints. */
async function explainJson(type: string): Promise<unknown> {
  let out = '';
  const code = await runCli(['explain', type, '--json'], { stdout: (text) => void (out += text), stderr: () => undefined, readInput: () => Promise.reject(new Error('no input')) });
  expect(code).toBe(0);
  return JSON.parse(out);
}

test.each(errorTypes.map((t) => [t]))("describeErrorType(%s) is what the CLI's explain <type> --json says of it", async (type) => {
  const described = describeErrorType(type);
  const { codes, ...cli } = (await explainJson(type)) as { codes: Array<{ code: string; message: string }> };
  const { codes: entries, ...rest } = described;
  expect(rest).toEqual(cli);
  // The CLI writes each entry in a stable JSON form (null for no how-to-fix); the function gives the catalog's entries.
  expect(entries.map((e) => [e.code, e.message])).toEqual(codes.map((e) => [e.code, e.message]));
  expect(entries).toEqual(errorCatalog.filter((e) => e.type === type));
  expect(entries.map((e) => e.code)).toEqual(codesByType[type]);
});

test("describeErrorType('api_error'): its status, scope and remarks (the reference's only advice for it), the format of its codes, no codes", () => {
  expect(describeErrorType('api_error')).toEqual({
    type: 'api_error',
    httpStatus: 500,
    codesListed: false,
    scope: ['any internal unexpected error'],
    remarks: 'Contact technical support.',
    codePattern: '^[A-Za-z0-9_]{1,64}$',
    codes: [],
  });
});

test('describeErrorType returns fresh lists: changing one changes neither the data nor the next answer', () => {
  (describeErrorType('account_error').codes as unknown[]).push('changed');
  (describeErrorType('account_error').scope as string[]).push('changed');
  expect(describeErrorType('account_error').codes.map((e) => e.code)).toEqual(codesByType.account_error);
  expect(describeErrorType('account_error').scope).toEqual(['house account', 'sub account', 'account product (metadata, restrict, auth trade)']);
});

test.each([['card_error'], ['__proto__'], ['toString'], [undefined], [{}], ['x'.repeat(100_000)]])('describeErrorType(%s) is undefined', (type) => {
  expect((describeErrorType as (type: unknown) => unknown)(type)).toBeUndefined();
});
