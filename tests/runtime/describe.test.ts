// describeError, describeErrorType and httpStatusOf.
import { expect, test } from 'vitest';
import { codesByType, describeError, describeErrorType, errorCatalog, errorTypes, httpStatusByType, httpStatusOf } from '../../src/index.ts';

test.each(errorCatalog.map((e) => [`${e.type}.${e.code}`, e] as const))('describeError(%s) is its catalog entry', (_name, e) => {
  expect(describeError(e.type, e.code)).toEqual(e);
});

test('describeError returns a copy: changing it does not change the catalog', () => {
  const entry = describeError('payment_error', 'expired_card') as { message: string };
  entry.message = 'changed';
  expect(describeError('payment_error', 'expired_card')?.message).toBe('Expired card');
});

test.each([
  ['a code of another type', 'account_error', 'expired_card'],
  ['an unknown code', 'payment_error', 'nope'],
  ['a type with open codes', 'refund_error', 'anything'],
  ['__proto__', '__proto__', '__proto__'],
  ['non-strings', 42, null],
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

test.each(errorTypes.map((t) => [t]))('describeErrorType(%s) says its status and codes, whether the reference lists any or not', (type) => {
  expect(describeErrorType(type)).toEqual({ type, httpStatus: httpStatusByType[type], codesListed: codesByType[type].length > 0, codes: codesByType[type] });
});

test('describeErrorType of a type whose codes are open: its status, and no codes', () => {
  expect(describeErrorType('api_error')).toEqual({ type: 'api_error', httpStatus: 500, codesListed: false, codes: [] });
});

test('describeErrorType returns a copy of the codes: changing it does not change codesByType', () => {
  (describeErrorType('account_error').codes as string[]).push('changed');
  expect(describeErrorType('account_error').codes).toEqual(codesByType.account_error);
});

test.each([['card_error'], ['__proto__'], ['toString'], [undefined], [{}], ['x'.repeat(100_000)]])('describeErrorType(%s) is undefined', (type) => {
  expect((describeErrorType as (type: unknown) => unknown)(type)).toBeUndefined();
});
