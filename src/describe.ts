// What the reference says of a type or a code. Unknown input gives undefined, never an exception.
import { codesOf, entryOf, isErrorType, statusOf } from './lookup.ts';
import type { CatalogEntry, CatalogEntryOf, Checked, CheckedCode, ErrorCodeOf, ErrorType, ErrorTypeWithKnownCodes, ErrorTypeWithOpenCodes } from './types.ts';
import type { httpStatusByType } from '../generated/error-catalog.ts';

/** What describeError returns for its arguments' types. */
export type DescribedError<T, C> = T extends ErrorTypeWithOpenCodes
  ? undefined
  : T extends ErrorTypeWithKnownCodes
    ? C extends ErrorCodeOf<T>
      ? CatalogEntryOf<T, C>
      : CatalogEntry | undefined
    : CatalogEntry | undefined;

/**
 * The message, how to fix and HTTP status of a documented code, e.g.
 * `describeError('payment_error', 'expired_card')`. Undefined for a pair the reference does not
 * list, which is every pair of a type whose codes it leaves open (`api_error`, ...):
 * `describeErrorType(type)` says what is known of those. A mistyped literal does not compile; a
 * `string` or `unknown` value is looked up at run time.
 */
export function describeError<const T, const C>(type: Checked<T, ErrorType>, code: CheckedCode<T, C>): DescribedError<T, C>;
export function describeError(type: unknown, code: unknown): CatalogEntry | undefined {
  if (typeof type !== 'string' || typeof code !== 'string') return undefined;
  const entry = entryOf(type, code);
  // A copy: callers cannot change the catalog other callers see.
  return entry && { ...entry };
}

/** What the reference says of an error type. */
export interface ErrorTypeDescription<T extends ErrorType = ErrorType> {
  readonly type: T;
  /** The HTTP status the type is sent with. */
  readonly httpStatus: (typeof httpStatusByType)[T];
  /**
   * False for a type whose codes the reference leaves open: any well-formed code may be sent, and
   * none has a documented message or how-to-fix.
   */
  readonly codesListed: boolean;
  /** The documented codes, in the reference's order; empty where codes are open. */
  readonly codes: readonly ErrorCodeOf<T>[];
}

/**
 * What is known of an error type, whatever the code a body carries: its HTTP status and whether
 * its codes are documented, e.g. `describeErrorType('api_error')` is
 * `{ type: 'api_error', httpStatus: 500, codesListed: false, codes: [] }`. Undefined for a string
 * that is no error type.
 */
export function describeErrorType<const T>(type: Checked<T, ErrorType>): T extends ErrorType ? ErrorTypeDescription<T> : ErrorTypeDescription | undefined;
export function describeErrorType(type: unknown): ErrorTypeDescription | undefined {
  if (!isErrorType(type)) return undefined;
  const codes = codesOf(type);
  return { type, httpStatus: statusOf(type), codesListed: codes.length > 0, codes: [...codes] as ErrorCodeOf<ErrorType>[] };
}

/** The HTTP status an error type is sent with; undefined for a string that is no error type. A mistyped literal does not compile. */
export function httpStatusOf<const T>(type: Checked<T, ErrorType>): T extends ErrorType ? (typeof httpStatusByType)[T] : number | undefined;
export function httpStatusOf(type: unknown): number | undefined {
  return isErrorType(type) ? statusOf(type) : undefined;
}
