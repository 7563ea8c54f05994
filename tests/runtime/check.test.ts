// checkErrorResponse: each violation the contract names, and none for a right response.
import { describe, expect, test } from 'vitest';
import { checkErrorResponse, errorCatalog } from '../../src/runtime/index.ts';

test.each(errorCatalog.map((e) => [`${e.type}.${e.code}`, e] as const))('%s with its status has no violation', (_name, e) => {
  expect(checkErrorResponse(e.httpStatus, { type: e.type, code: e.code, message: e.message })).toEqual([]);
});

test.each([
  ['status does not fit the type', 404, { type: 'payment_error', code: 'expired_card', message: 'Expired card' }, [{ rule: 'status', message: 'HTTP 404 does not fit payment_error, which is sent with 400' }]],
  ['a 400 for an api_error', 400, { type: 'api_error', code: 'boom', message: 'Contact technical support.' }, [{ rule: 'status', message: 'HTTP 400 does not fit api_error, which is sent with 500' }]],
  ['status that is no integer', '400', { type: 'payment_error', code: 'expired_card', message: 'Expired card' }, [{ rule: 'status', message: 'the HTTP status is "400", not an integer' }]],
  ['unknown type', 400, { type: 'card_error', code: 'expired_card', message: 'Expired card' }, [{ rule: 'type', message: '`type` "card_error" is not an error type' }]],
  ['code of another type', 400, { type: 'account_error', code: 'expired_card', message: 'Expired card' }, [{ rule: 'code', message: '`code` "expired_card" is a code of payment_error, not of account_error' }]],
  ['misspelt code', 400, { type: 'account_error', code: 'user_not_fond', message: 'x' }, [{ rule: 'code', message: '`code` "user_not_fond" is not a code of account_error (did you mean user_not_found?)' }]],
  ['malformed open code', 500, { type: 'api_error', code: '', message: 'x' }, [{ rule: 'code', message: '`code` "" is not a well-formed code' }]],
  ['empty message', 400, { type: 'payment_error', code: 'expired_card', message: '' }, [{ rule: 'message', message: '`message` is empty' }]],
  ['missing message', 400, { type: 'payment_error', code: 'expired_card' }, [{ rule: 'message', message: '`message` is missing' }]],
  ['extra members', 400, { type: 'payment_error', code: 'expired_card', message: 'Expired card', param: 'card', doc_url: 'x' }, [{ rule: 'members', message: 'members the contract does not allow: "param", "doc_url"' }]],
  ['not an object', 500, 'Internal Server Error', [{ rule: 'body', message: 'the body is "Internal Server Error", not an object' }]],
  [
    'everything at once',
    200,
    { type: 'account_error', code: 7, message: null, extra: true },
    [
      { rule: 'code', message: '`code` is number 7, not a string' },
      { rule: 'message', message: '`message` is null, not a string' },
      { rule: 'members', message: 'members the contract does not allow: "extra"' },
      { rule: 'status', message: 'HTTP 200 does not fit account_error, which is sent with 400' },
    ],
  ],
])('%s', (_name, status, body, want) => {
  expect(checkErrorResponse(status, body)).toEqual(want);
});

test('without a status, the status is not checked', () => {
  expect(checkErrorResponse(undefined, { type: 'api_error', code: 'boom', message: 'x' })).toEqual([]);
});

describe('with the operation\'s declaration as `allowed`', () => {
  const allowed = { invalid_request_error: 'all', payment_error: ['expired_card', 'not_enough_balance'], refund_error: ['refund_window_closed'], api_error: 'all' } as const;
  test.each([
    ['a declared code', 400, { type: 'payment_error', code: 'expired_card', message: 'Expired card' }, []],
    ['any code of a type declared all', 400, { type: 'invalid_request_error', code: 'missing_parameter', message: 'Mandatory parameter is missing' }, []],
    ['any well-formed code of an open type declared all', 500, { type: 'api_error', code: 'db_down', message: 'Contact technical support.' }, []],
    ['a declared code of an open type', 400, { type: 'refund_error', code: 'refund_window_closed', message: 'Too late' }, []],
    [
      'a code the operation does not declare',
      400,
      { type: 'payment_error', code: 'fraud', message: 'FRAUD' },
      [{ rule: 'declared', message: 'payment_error.fraud is not among the codes of payment_error the operation declares (expired_card, not_enough_balance)' }],
    ],
    [
      'a type the operation does not declare',
      400,
      { type: 'account_error', code: 'user_not_found', message: 'User not found' },
      [{ rule: 'declared', message: 'account_error is not among the error types the operation declares (invalid_request_error, api_error, payment_error, refund_error)' }],
    ],
    [
      'an open code the operation does not list',
      400,
      { type: 'refund_error', code: 'refund_too_late', message: 'Too late' },
      [{ rule: 'declared', message: 'refund_error.refund_too_late is not among the codes of refund_error the operation declares (refund_window_closed)' }],
    ],
    ['a body that breaks the contract anyway: its own violations only', 400, { type: 'payment_error', code: 'expird_card', message: 'x' }, [{ rule: 'code', message: '`code` "expird_card" is not a code of payment_error (did you mean expired_card?)' }]],
  ])('%s', (_name, status, body, want) => {
    expect(checkErrorResponse(status, body, { allowed })).toEqual(want);
  });

  test('a declaration that is not well formed says so, never throws', () => {
    const body = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };
    expect(checkErrorResponse(400, body, { allowed: { paymant_error: 'all' } as never })).toEqual([
      { rule: 'declared', message: 'the declaration given as `allowed` is not well formed: "paymant_error" is not an error type (did you mean payment_error?)' },
    ]);
    expect(checkErrorResponse(400, body, { allowed: 42 as never })[0]?.rule).toBe('declared');
  });

  test('a hostile declaration or options object never makes it throw', () => {
    const body = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };
    const revoked = () => {
      const { proxy, revoke } = Proxy.revocable([], {});
      revoke();
      return proxy;
    };
    const throwing = new Proxy(['expired_card'], { get: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    const getterList = Object.defineProperty(['x'], 0, { get: () => { throw new Error('getter'); } });
    const hostile: Array<[string, unknown]> = [
      ['a revoked Proxy', revoked()],
      ['a revoked Proxy as the code list', { payment_error: revoked() }],
      ['a code list whose traps throw', { payment_error: throwing }],
      ['a code list whose element is a throwing getter', { payment_error: getterList }],
      ['a map whose traps throw', new Proxy({}, { ownKeys: () => { throw new Error('trap'); } })],
    ];
    for (const [name, allowed] of hostile) {
      const violations = checkErrorResponse(400, body, { allowed: allowed as never });
      expect(violations.map((v) => v.rule), name).toEqual(['declared']);
    }
    const options = Object.defineProperty({}, 'allowed', { get: () => { throw new Error('getter'); }, enumerable: true });
    expect(checkErrorResponse(400, body, options)).toEqual([]);
  });

  test('the body is read once for both checks: each member once, then one listing of the keys', () => {
    const log: string[] = [];
    const body = new Proxy(
      { type: 'payment_error', code: 'fraud', message: 'FRAUD' },
      {
        ownKeys: (target) => (log.push('ownKeys'), Reflect.ownKeys(target)),
        getOwnPropertyDescriptor: (target, key) => (log.push(String(key)), Reflect.getOwnPropertyDescriptor(target, key)),
      },
    );
    expect(checkErrorResponse(400, body, { allowed }).map((v) => v.rule)).toEqual(['declared']);
    // Key "0" is probed before the listing (otherMembers); Object.keys asks a Proxy for each listed key's descriptor.
    expect(log).toEqual(['type', 'code', 'message', '0', 'ownKeys', 'type', 'code', 'message']);
  });

  test('the declaration is read at each call: a changed object gives a new answer', () => {
    const body = { type: 'payment_error', code: 'fraud', message: 'FRAUD' };
    const allowed: { payment_error: string[] } = { payment_error: ['expired_card'] };
    expect(checkErrorResponse(400, body, { allowed: allowed as never }).map((v) => v.rule)).toEqual(['declared']);
    allowed.payment_error.push('fraud');
    expect(checkErrorResponse(400, body, { allowed: allowed as never })).toEqual([]);
  });
});
