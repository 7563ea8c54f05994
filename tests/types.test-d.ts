// Type-level tests: the generated types narrow as a client relies on. Each `@ts-expect-error`
// fails the run when the line below it compiles, e.g. when a union collapses to string.
import { describe, expectTypeOf, test } from 'vitest';
import type { ErrorBody, ErrorBodyOf, ErrorCodeOf, ErrorType, KnownErrorCode } from '../src/index.ts';
import type { components } from '../generated/openapi.ts';

describe('ErrorType', () => {
  test('is the union of the seven type values, not string', () => {
    expectTypeOf<ErrorType>().toEqualTypeOf<
      'invalid_request_error' | 'idempotence_error' | 'account_error' | 'api_error' | 'payment_error' | 'refund_error' | 'terminal_error'
    >();
  });
});

describe('an exhaustive switch on type', () => {
  test('compiles when it handles every type', () => {
    const status = (body: ErrorBody): number => {
      switch (body.type) {
        case 'invalid_request_error':
        case 'idempotence_error':
        case 'account_error':
        case 'payment_error':
        case 'refund_error':
        case 'terminal_error':
          return 400;
        case 'api_error':
          return 500;
        default: {
          const unreachable: never = body;
          return unreachable;
        }
      }
    };
    expectTypeOf(status).returns.toEqualTypeOf<number>();
  });

  test('does not compile when a type is missing', () => {
    const status = (body: ErrorBody): number => {
      switch (body.type) {
        case 'invalid_request_error':
        case 'idempotence_error':
        case 'account_error':
        case 'payment_error':
        case 'refund_error':
          return 400;
        case 'api_error':
          return 500;
        default: {
          // @ts-expect-error terminal_error is not handled, so body is not never
          const unreachable: never = body;
          return unreachable;
        }
      }
    };
    expectTypeOf(status).parameter(0).toEqualTypeOf<ErrorBody>();
  });
});

describe('narrowing type narrows code', () => {
  test('account_error has exactly its four codes', () => {
    expectTypeOf<ErrorCodeOf<'account_error'>>().toEqualTypeOf<
      'account_not_found' | 'sub_account_not_found' | 'user_not_found' | 'product_not_found'
    >();
  });

  test('after a switch case, code is the codes of that type', () => {
    const codeOf = (body: ErrorBody) => {
      if (body.type === 'account_error') {
        expectTypeOf(body.code).toEqualTypeOf<ErrorCodeOf<'account_error'>>();
        expectTypeOf(body).toEqualTypeOf<ErrorBodyOf<'account_error'>>();
      }
    };
    expectTypeOf(codeOf).toBeFunction();
  });

  test('a payment code is rejected as the code of an account_error', () => {
    // @ts-expect-error expired_card is a payment_error code
    const wrong: ErrorBodyOf<'account_error'> = { type: 'account_error', code: 'expired_card', message: 'Expired card' };
    const right: ErrorBodyOf<'account_error'> = { type: 'account_error', code: 'user_not_found', message: 'user associated with account not found or deactivated' };
    expectTypeOf(right.code).toEqualTypeOf<ErrorCodeOf<'account_error'>>();
    expectTypeOf(wrong).toEqualTypeOf(right);
  });

  test('codes keep their verbatim spelling', () => {
    expectTypeOf<'3DS_required'>().toExtend<ErrorCodeOf<'payment_error'>>();
    expectTypeOf<'3ds_not_authenticated'>().toExtend<ErrorCodeOf<'payment_error'>>();
    // @ts-expect-error the reference spells it 3DS_required
    expectTypeOf<'3ds_required'>().toExtend<ErrorCodeOf<'payment_error'>>();
  });

  test('types with no codes listed take any string code', () => {
    expectTypeOf<ErrorCodeOf<'refund_error'>>().toEqualTypeOf<string>();
  });
});

describe('KnownErrorCode', () => {
  test('is the union of the listed codes, not string', () => {
    expectTypeOf<'expired_card' | 'invalid_key_format' | 'missing_parameter'>().toExtend<KnownErrorCode>();
    expectTypeOf<string>().not.toExtend<KnownErrorCode>();
  });
});

describe('generated/openapi.ts', () => {
  test('exports root types and enum value arrays', async () => {
    const generated = await import('../generated/openapi.ts');
    expectTypeOf(generated.paymentErrorCodeValues).toEqualTypeOf<ReadonlyArray<ErrorCodeOf<'payment_error'>>>();
    expectTypeOf<components['schemas']['PaymentError']>().toEqualTypeOf<ErrorBodyOf<'payment_error'>>();
  });
});
