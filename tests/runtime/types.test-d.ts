// Type-level tests: the generated types narrow as a client relies on. Each `@ts-expect-error`
// fails the run when the line below it compiles, e.g. when a union collapses to string.
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expectTypeOf, test } from 'vitest';
import {
  codesByType,
  createErrorBody,
  describeError,
  describeErrorType,
  errorBodySchema,
  errorCodes,
  errorResponse,
  errorTypes,
  httpStatusByType,
  httpStatusOf,
  isErrorBody,
  parseErrorBody,
  type CatalogEntry,
  type DocumentedErrorBody,
  type ErrorBody,
  type ErrorBodyOf,
  type ErrorCodeOf,
  type ErrorType,
  type ErrorTypeDescription,
  type ErrorTypeWithKnownCodes,
  type KnownErrorCode,
  type UndocumentedCode,
} from '../../src/runtime/index.ts';
import type { components } from '../../generated/openapi.ts';

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
    const generated = await import('../../generated/openapi.ts');
    expectTypeOf(generated.paymentErrorCodeValues).toEqualTypeOf<ReadonlyArray<ErrorCodeOf<'payment_error'>>>();
    expectTypeOf<components['schemas']['PaymentError']>().toEqualTypeOf<ErrorBodyOf<'payment_error'>>();
  });
});

describe('the runtime data agrees with the generated types', () => {
  test('errorTypes and httpStatusByType cover exactly ErrorType', () => {
    expectTypeOf<(typeof errorTypes)[number]>().toEqualTypeOf<ErrorType>();
    expectTypeOf<keyof typeof httpStatusByType>().toEqualTypeOf<ErrorType>();
    expectTypeOf<keyof typeof codesByType>().toEqualTypeOf<ErrorType>();
  });

  test('codesByType holds exactly the codes of each type', () => {
    type Codes = { [T in ErrorTypeWithKnownCodes]: (typeof codesByType)[T][number] };
    type Want = { [T in ErrorTypeWithKnownCodes]: ErrorCodeOf<T> };
    expectTypeOf<Codes>().toEqualTypeOf<Want>();
    expectTypeOf<(typeof codesByType)['refund_error']>().toEqualTypeOf<readonly []>();
  });

  test('errorCodes holds every documented code as a constant of its own type', () => {
    expectTypeOf(errorCodes.payment_error.expired_card).toEqualTypeOf<'expired_card'>();
    type Constants = { [T in ErrorTypeWithKnownCodes]: keyof (typeof errorCodes)[T] };
    expectTypeOf<Constants>().toEqualTypeOf<{ [T in ErrorTypeWithKnownCodes]: ErrorCodeOf<T> }>();
  });

  test('the catalog has an entry for every known code, and no other', () => {
    expectTypeOf<CatalogEntry['code']>().toEqualTypeOf<KnownErrorCode>();
  });
});

describe('helpers', () => {
  test('createErrorBody compiles only with codes of the type', () => {
    expectTypeOf(createErrorBody('payment_error', 'expired_card')).toEqualTypeOf<ErrorBodyOf<'payment_error'> & { code: 'expired_card' }>();
    // @ts-expect-error expired_card is a payment_error code, not an account_error one
    createErrorBody('account_error', 'expired_card');
    // @ts-expect-error a type whose codes are open has no catalog message to fill in
    createErrorBody('refund_error', 'refund_window_closed');
    expectTypeOf(createErrorBody('refund_error', 'refund_window_closed', 'Refund window closed')).toEqualTypeOf<ErrorBodyOf<'refund_error'>>();
  });

  test('createErrorBody: a mistyped type does not compile', () => {
    // @ts-expect-error paymnt_error is no error type
    createErrorBody('paymnt_error', 'expired_card');
    expectTypeOf(createErrorBody('api_error', 'upstream_timeout', 'Upstream timed out')).toEqualTypeOf<ErrorBodyOf<'api_error'>>();
  });

  test('describeError of a documented pair is its entry; of strings, maybe undefined', () => {
    expectTypeOf(describeError('payment_error', 'restricted_card').howToFix).toEqualTypeOf<'Try the transaction with a different card.'>();
    expectTypeOf(describeError('x' as string, 'y' as string)).toEqualTypeOf<CatalogEntry | UndocumentedCode | undefined>();
    expectTypeOf(describeError('payment_error', 'y' as string)).toEqualTypeOf<CatalogEntry | undefined>();
    expectTypeOf(describeError({} as unknown, {} as unknown)).toEqualTypeOf<CatalogEntry | UndocumentedCode | undefined>();
  });

  test('describeError: a mistyped literal does not compile, a string value does', () => {
    // @ts-expect-error expird_card is no payment_error code
    describeError('payment_error', 'expird_card');
    // @ts-expect-error paymnt_error is no error type
    describeError('paymnt_error', 'expired_card');
    // @ts-expect-error expired_card is a code of payment_error, not of account_error
    describeError('account_error', 'expired_card');
    // @ts-expect-error one of the literals is mistyped
    describeError('payment_error', 'expired_card' as 'expired_card' | 'expird_card');
    const fromJson = JSON.parse('"expird_card"') as string;
    expectTypeOf(describeError('payment_error', fromJson)).toEqualTypeOf<CatalogEntry | undefined>();
  });

  test('describeError of a type whose codes are open says what is known: no message, documented false', () => {
    expectTypeOf(describeError('api_error', 'upstream_timeout')).toEqualTypeOf<UndocumentedCode<'api_error'> | undefined>();
    expectTypeOf(describeError('api_error', 'x' as string)).toEqualTypeOf<UndocumentedCode<'api_error'> | undefined>();
    expectTypeOf<NonNullable<ReturnType<typeof describeError<'api_error', 'x'>>>['httpStatus']>().toEqualTypeOf<500>();
    expectTypeOf<UndocumentedCode['documented']>().toEqualTypeOf<false>();
    // Code written for catalog entries reads no message from it...
    const entry = describeError('x' as string, 'y' as string);
    expectTypeOf(entry?.message).toEqualTypeOf<string | undefined>();
    // ...and tells the two apart by it.
    if (entry?.message !== undefined) expectTypeOf(entry).toEqualTypeOf<CatalogEntry>();
    else if (entry) expectTypeOf(entry).toEqualTypeOf<UndocumentedCode>();
    // @ts-expect-error a CatalogEntry is not an UndocumentedCode: a message is no undefined
    const wrong: CatalogEntry = {} as UndocumentedCode;
    expectTypeOf(wrong).toEqualTypeOf<CatalogEntry>();
  });

  test('describeErrorType says what is known of a type', () => {
    expectTypeOf(describeErrorType('api_error')).toEqualTypeOf<ErrorTypeDescription<'api_error'>>();
    expectTypeOf(describeErrorType('api_error').httpStatus).toEqualTypeOf<500>();
    expectTypeOf(describeErrorType('api_error').codesListed).toEqualTypeOf<false>();
    expectTypeOf(describeErrorType('api_error').codePattern).toEqualTypeOf<string>();
    expectTypeOf(describeErrorType('account_error').codesListed).toEqualTypeOf<true>();
    expectTypeOf(describeErrorType('account_error').codePattern).toEqualTypeOf<null>();
    expectTypeOf(describeErrorType('account_error').codes[0]?.code).toEqualTypeOf<ErrorCodeOf<'account_error'> | undefined>();
    expectTypeOf(describeErrorType('api_error').remarks).toEqualTypeOf<string | null>();
    expectTypeOf(describeErrorType('x' as string)).toEqualTypeOf<ErrorTypeDescription | undefined>();
    // @ts-expect-error apierror is no error type
    describeErrorType('apierror');
  });

  test('a value of any non-literal string type passes the checks of literals: a template, a branded string, a type parameter', () => {
    const template = 'payment_error' as `${string}_error`;
    const branded = 'payment_error' as string & { readonly __brand: 'ErrorType' };
    expectTypeOf(httpStatusOf(template)).toEqualTypeOf<number | undefined>();
    expectTypeOf(httpStatusOf(branded)).toEqualTypeOf<number | undefined>();
    expectTypeOf(describeErrorType(template)).toEqualTypeOf<ErrorTypeDescription | undefined>();
    expectTypeOf(describeError(template, branded)).toEqualTypeOf<CatalogEntry | UndocumentedCode | undefined>();
    expectTypeOf(describeError('payment_error', template)).toEqualTypeOf<CatalogEntry | undefined>();
    expectTypeOf(describeError('payment_error', branded)).toEqualTypeOf<CatalogEntry | undefined>();
    function statusOf<T extends string>(type: T) {
      return httpStatusOf(type);
    }
    function describeType<T extends string>(type: T) {
      return describeErrorType(type);
    }
    function describeCode<T extends string, C extends string>(type: T, code: C) {
      return describeError(type, code);
    }
    function describeKnown<T extends ErrorType>(type: T, code: string) {
      return describeError(type, code);
    }
    function statusOfAny<T>(type: T) {
      return httpStatusOf(type);
    }
    expectTypeOf(statusOf).returns.toEqualTypeOf<number | undefined>();
    expectTypeOf(statusOfAny).returns.toEqualTypeOf<number | undefined>();
    expectTypeOf(describeType).returns.toEqualTypeOf<ErrorTypeDescription | undefined>();
    expectTypeOf(describeCode).returns.toEqualTypeOf<CatalogEntry | UndocumentedCode | undefined>();
    expectTypeOf(describeKnown).returns.toEqualTypeOf<CatalogEntry | UndocumentedCode | undefined>();
  });

  test('httpStatusOf is the literal status of a type', () => {
    expectTypeOf(httpStatusOf('api_error')).toEqualTypeOf<500>();
    expectTypeOf(httpStatusOf('payment_error')).toEqualTypeOf<400>();
    expectTypeOf(httpStatusOf('x' as string)).toEqualTypeOf<number | undefined>();
    expectTypeOf(httpStatusOf({} as unknown)).toEqualTypeOf<number | undefined>();
  });

  test('httpStatusOf: a mistyped literal does not compile, a string value does', () => {
    // @ts-expect-error paymnt_error is no error type
    httpStatusOf('paymnt_error');
    // @ts-expect-error one of the literals is mistyped
    httpStatusOf('payment_error' as 'payment_error' | 'paymnt_error');
    expectTypeOf(httpStatusOf('payment_error' as 'payment_error' | 'api_error')).toEqualTypeOf<400 | 500>();
    const fromUser: string = 'paymnt_error';
    expectTypeOf(httpStatusOf(fromUser)).toEqualTypeOf<number | undefined>();
  });

  test('errorResponse is typed as createErrorBody is, and returns a Fetch Response', () => {
    expectTypeOf(errorResponse('payment_error', 'expired_card')).toExtend<Response>();
    expectTypeOf(errorResponse('refund_error', 'refund_window_closed', 'Refund window closed', { headers: { 'retry-after': '0' } })).toExtend<Response>();
    errorResponse('payment_error', 'expired_card', undefined, { headers: [['x-request-id', 'req_1']], statusText: 'Expired' });
    // @ts-expect-error expired_card is a payment_error code, not an account_error one
    errorResponse('account_error', 'expired_card');
    // @ts-expect-error a type whose codes are open has no catalog message to fill in
    errorResponse('refund_error', 'refund_window_closed');
    // @ts-expect-error the status is the type's: it cannot be set
    errorResponse('payment_error', 'expired_card', undefined, { status: 200 });
  });

  test('parseErrorBody narrows by kind', () => {
    const parsed = parseErrorBody({});
    if (parsed.kind === 'known') expectTypeOf(parsed.body).toEqualTypeOf<DocumentedErrorBody>();
    if (parsed.kind === 'unknown-code') expectTypeOf(parsed.body.code).toEqualTypeOf<string>();
    if (parsed.kind === 'invalid') expectTypeOf(parsed.reason).toEqualTypeOf<string>();
  });

  test('isErrorBody narrows unknown to ErrorBody', () => {
    const value: unknown = {};
    if (isErrorBody(value)) expectTypeOf(value).toEqualTypeOf<ErrorBody>();
  });
});

describe('errorBodySchema', () => {
  test('is a Standard Schema of ErrorBody, as @standard-schema/spec declares it', () => {
    expectTypeOf(errorBodySchema).toExtend<StandardSchemaV1<unknown, ErrorBody>>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof errorBodySchema>>().toEqualTypeOf<ErrorBody>();
    expectTypeOf<StandardSchemaV1.InferInput<typeof errorBodySchema>>().toEqualTypeOf<unknown>();
  });

  test('is a Standard JSON Schema too', () => {
    expectTypeOf(errorBodySchema).toExtend<StandardJSONSchemaV1<unknown, ErrorBody>>();
    expectTypeOf(errorBodySchema['~standard'].jsonSchema.input({ target: 'draft-07' })).toEqualTypeOf<Record<string, unknown>>();
  });

  test('validates synchronously', () => {
    const result = errorBodySchema['~standard'].validate({});
    expectTypeOf(result).toEqualTypeOf<StandardSchemaV1.Result<ErrorBody>>();
    if (!result.issues) expectTypeOf(result.value).toEqualTypeOf<ErrorBody>();
  });
});

describe('CatalogEntry', () => {
  test('howToFix reads on any entry', () => {
    const fix = (entry: CatalogEntry) => entry.howToFix;
    expectTypeOf(fix).returns.toExtend<string | undefined>();
    expectTypeOf<undefined>().toExtend<ReturnType<typeof fix>>();
  });
});
