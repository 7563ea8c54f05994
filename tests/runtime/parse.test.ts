// isErrorBody and parseErrorBody, row by row.
import { describe, expect, test } from 'vitest';
import { errorCatalog, isErrorBody, parseErrorBody } from '../../src/runtime/index.ts';

const throwingGetter = Object.defineProperty({ code: 'expired_card', message: 'Expired card' }, 'type', {
  enumerable: true,
  get() {
    throw new Error('boom');
  },
});
/** A conforming body whose `type` is not enumerable: JSON.stringify writes `{"code":...,"message":...}`. */
const hiddenType = Object.defineProperty({ code: 'expired_card', message: 'Expired card' }, 'type', { value: 'payment_error', enumerable: false });
const throwingProxy = new Proxy(
  {},
  {
    getOwnPropertyDescriptor() {
      throw new Error('boom');
    },
  },
);

describe('isErrorBody', () => {
  test.each(errorCatalog.map((e) => [`${e.type}.${e.code}`, e] as const))('accepts the documented body %s', (_name, e) => {
    expect(isErrorBody({ type: e.type, code: e.code, message: e.message })).toBe(true);
  });

  test.each([
    ['a well-formed code of a type with open codes', { type: 'refund_error', code: 'refund_window_closed', message: 'Refund window closed' }, true],
    ['any non-empty message', { type: 'payment_error', code: 'expired_card', message: 'Carte expirée' }, true],
    ['an extra member', { type: 'payment_error', code: 'expired_card', message: 'Expired card', param: 'card' }, false],
    ['an empty message', { type: 'payment_error', code: 'expired_card', message: '' }, false],
    ['a code of another type', { type: 'account_error', code: 'expired_card', message: 'Expired card' }, false],
    ['an unknown code', { type: 'payment_error', code: 'card_velocity_exceeded', message: 'x' }, false],
    ['the wrong case of a code', { type: 'payment_error', code: '3ds_required', message: 'x' }, false],
    ['a malformed open code', { type: 'api_error', code: 'not a code', message: 'x' }, false],
    ['an unknown type', { type: 'card_error', code: 'expired_card', message: 'x' }, false],
    ['__proto__ as the type', JSON.parse('{"type":"__proto__","code":"expired_card","message":"x"}'), false],
    ['toString as the code', { type: 'payment_error', code: 'toString', message: 'x' }, false],
    ['a missing message', { type: 'payment_error', code: 'expired_card' }, false],
    ['a number as code', { type: 'payment_error', code: 42, message: 'x' }, false],
    ['inherited members', Object.create({ type: 'payment_error', code: 'expired_card', message: 'Expired card' }), false],
    ['a getter that throws', throwingGetter, false],
    ['a type that is not enumerable (JSON leaves it out)', hiddenType, false],
    ['a message that is not enumerable', Object.defineProperty({ type: 'payment_error', code: 'expired_card' }, 'message', { value: 'Expired card' }), false],
    ['a member that is not enumerable besides the three (JSON leaves it out too)', Object.defineProperty({ type: 'payment_error', code: 'expired_card', message: 'Expired card' }, 'trace', { value: 'x' }), true],
    ['a proxy that throws', throwingProxy, false],
    ['null', null, false],
    ['an array', [{ type: 'payment_error', code: 'expired_card', message: 'Expired card' }], false],
    ['a string', '{"type":"payment_error","code":"expired_card","message":"Expired card"}', false],
  ])('%s', (_name, value, want) => {
    expect(isErrorBody(value)).toBe(want);
  });
});

describe('parseErrorBody', () => {
  test('a documented pair is known, with the reference text', () => {
    expect(parseErrorBody({ type: 'payment_error', code: 'restricted_card', message: 'Restricted card', trace: 'x' })).toEqual({
      kind: 'known',
      body: { type: 'payment_error', code: 'restricted_card', message: 'Restricted card' },
      httpStatus: 400,
      documented: {
        type: 'payment_error',
        code: 'restricted_card',
        httpStatus: 400,
        message: 'Restricted card',
        howToFix: 'Try the transaction with a different card.',
      },
    });
  });

  test('a well-formed code of a type with open codes is an unknown code: the reference documents none', () => {
    expect(parseErrorBody({ type: 'api_error', code: 'upstream_timeout', message: 'Contact technical support.' })).toEqual({
      kind: 'unknown-code',
      body: { type: 'api_error', code: 'upstream_timeout', message: 'Contact technical support.' },
      httpStatus: 500,
    });
  });

  test('a code this version does not know, on a known type, is unknown-code, not invalid', () => {
    expect(parseErrorBody({ type: 'payment_error', code: 'card_velocity_exceeded', message: 'Too many cards' })).toEqual({
      kind: 'unknown-code',
      body: { type: 'payment_error', code: 'card_velocity_exceeded', message: 'Too many cards' },
      httpStatus: 400,
    });
  });

  test.each([
    ['null', null, 'the body is null, not an object'],
    ['a number', 42, 'the body is number 42, not an object'],
    ['an array', [], 'the body is an array, not an object'],
    ['no type', { code: 'x', message: 'm' }, '`type` is missing'],
    ['a type that is no string', { type: ['payment_error'], code: 'x', message: 'm' }, '`type` is an array, not a string'],
    ['an unknown type', { type: 'card_error', code: 'x', message: 'm' }, '`type` "card_error" is not an error type'],
    ['constructor as the type', { type: 'constructor', code: 'x', message: 'm' }, '`type` "constructor" is not an error type'],
    ['hasOwnProperty as the type', { type: 'hasOwnProperty', code: 'x', message: 'm' }, '`type` "hasOwnProperty" is not an error type'],
    ['no code', { type: 'payment_error', message: 'm' }, '`code` is missing'],
    ['a malformed code', { type: 'payment_error', code: 'DROP TABLE', message: 'm' }, '`code` "DROP TABLE" is not a well-formed code'],
    ['a huge code', { type: 'payment_error', code: 'x'.repeat(1_000_000), message: 'm' }, `\`code\` "${'x'.repeat(40)}…" is not a well-formed code`],
    ['no message', { type: 'payment_error', code: 'expired_card' }, '`message` is missing'],
    ['an empty message', { type: 'payment_error', code: 'expired_card', message: '' }, '`message` is empty'],
    ['a getter that throws', throwingGetter, '`type` is a getter, not a value'],
    ['a type that is not enumerable', hiddenType, '`type` is not enumerable (JSON leaves it out)'],
    ['a proxy that throws', throwingProxy, 'the body cannot be read (it threw when inspected)'],
  ])('%s is invalid', (_name, value, reason) => {
    expect(parseErrorBody(value)).toEqual({ kind: 'invalid', reason });
  });
});
