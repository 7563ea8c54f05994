// createErrorBody.
import { expect, test } from 'vitest';
import { checkErrorResponse, createErrorBody, errorCatalog, httpStatusOf, INVALID_ERROR_BODY_CODE, type ErrorBody } from '../../src/runtime/index.ts';

/** createErrorBody as JavaScript code sees it: any arguments at all. */
const createFromJavaScript = createErrorBody as (type: unknown, code: unknown, message?: unknown) => ErrorBody;

test.each(errorCatalog.map((e) => [`${e.type}.${e.code}`, e] as const))('%s gets the catalog message', (_name, e) => {
  const body = createErrorBody(e.type, e.code as never);
  expect(body).toEqual({ type: e.type, code: e.code, message: e.message });
  expect(checkErrorResponse(e.httpStatus, body)).toEqual([]);
});

test('a type with open codes takes the code and message given', () => {
  expect(createErrorBody('terminal_error', 'terminal_offline', 'The terminal is offline')).toEqual({
    type: 'terminal_error',
    code: 'terminal_offline',
    message: 'The terminal is offline',
  });
});

test('a message given for a documented code is used', () => {
  expect(createErrorBody('payment_error', 'expired_card', 'Carte expirée').message).toBe('Carte expirée');
});

test.each([
  ['an unknown code', 'payment_error', 'expird_card'],
  ['a code of another type', 'account_error', 'expired_card'],
  ['an unknown type', 'card_error', 'expired_card'],
  ['a malformed open code', 'api_error', 'not a code'],
  ['__proto__', '__proto__', 'constructor'],
])('from JavaScript, %s yields a conforming api_error body that says so', (_name, type, code) => {
  const body = createFromJavaScript(type, code);
  expect(body).toMatchObject({ type: 'api_error', code: INVALID_ERROR_BODY_CODE });
  expect(body.message).toContain(JSON.stringify(code));
  expect(checkErrorResponse(httpStatusOf('api_error'), body)).toEqual([]);
});
