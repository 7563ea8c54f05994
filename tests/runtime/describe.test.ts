// describeError and httpStatusOf.
import { expect, test } from 'vitest';
import { describeError, errorCatalog, errorTypes, httpStatusByType, httpStatusOf } from '../../src/index.ts';

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
