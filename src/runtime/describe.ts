// What the reference says of a type or a code. Unknown input gives undefined, never an exception.
import { allowsCode, documentedEntry, documentedRulesOf, isErrorType, statusOf } from './lookup.ts';
import type { CatalogEntry, CatalogEntryOf, Checked, CheckedCode, ErrorCodeOf, ErrorType, ErrorTypeWithKnownCodes, ErrorTypeWithOpenCodes } from './types.ts';
import { openCodePatternByType, remarksByType, scopeByType, type httpStatusByType } from '../../generated/error-catalog.ts';

/**
 * What describeError says of a well-formed code of a type whose codes the reference leaves open
 * (`api_error`, ...): what is known, and that nothing more is. Not a CatalogEntry: it has no
 * `message` or `howToFix` (both read as undefined), and `documented` is false.
 */
export interface UndocumentedCode<T extends ErrorTypeWithOpenCodes = ErrorTypeWithOpenCodes> {
  readonly type: T;
  readonly code: string;
  /** The HTTP status the type is sent with. */
  readonly httpStatus: (typeof httpStatusByType)[T];
  /** False: the reference lists no codes for the type, so no code of it has a documented message or how to fix. */
  readonly documented: false;
  readonly message?: undefined;
  readonly howToFix?: undefined;
  readonly deprecated?: undefined;
}

/** What describeError returns for its arguments' types (`T` is never when the type argument is no literal). */
export type DescribedError<T, C> = [T] extends [never]
  ? CatalogEntry | UndocumentedCode | undefined
  : [T] extends [ErrorTypeWithOpenCodes]
    ? UndocumentedCode<T> | undefined
    : [T] extends [ErrorTypeWithKnownCodes]
      ? [C] extends [never]
        ? CatalogEntry | undefined
        : [C] extends [ErrorCodeOf<T>]
          ? CatalogEntryOf<T, C>
          : CatalogEntry | undefined
      : CatalogEntry | UndocumentedCode | undefined;

/**
 * What the reference says of a code: for a documented one, its catalog entry (message, how to fix,
 * HTTP status), e.g. `describeError('payment_error', 'expired_card')`; for a well-formed code of a
 * type whose codes the reference leaves open, what is known of it,
 * `describeError('api_error', 'upstream_timeout')` is
 * `{ type: 'api_error', code: 'upstream_timeout', httpStatus: 500, documented: false }`. Undefined
 * for anything else (a code the type does not list, a type that is none). A mistyped literal does
 * not compile; any other value (a `string`, `unknown`) is looked up at run time. The entries are the
 * catalog's own, frozen.
 */
export function describeError<const T, const C>(type: Checked<T, ErrorType>, code: CheckedCode<T, C>): DescribedError<T, C>;
export function describeError(type: unknown, code: unknown): CatalogEntry | UndocumentedCode | undefined {
  if (typeof type !== 'string' || typeof code !== 'string') return undefined;
  const rules = documentedRulesOf(type);
  if (rules === undefined) return undefined;
  if (rules.openCode === undefined) return documentedEntry(rules, code);
  return allowsCode(rules, code) ? { type: rules.type as ErrorTypeWithOpenCodes, code, httpStatus: rules.httpStatus as 500, documented: false } : undefined;
}

/** What the reference says of an error type: what `payment-errors explain <type> --json` prints. */
export interface ErrorTypeDescription<T extends ErrorType = ErrorType> {
  readonly type: T;
  /** The HTTP status the type is sent with. */
  readonly httpStatus: (typeof httpStatusByType)[T];
  /**
   * False for a type whose codes the reference leaves open: any well-formed code may be sent, and
   * none has a documented message or how-to-fix.
   */
  readonly codesListed: T extends ErrorTypeWithOpenCodes ? false : true;
  /** What the reference states as the type's scope; empty when it states none. */
  readonly scope: readonly string[];
  /** The reference's remarks on the type (`api_error`: "Contact technical support."); null when it has none. */
  readonly remarks: string | null;
  /** The format of any code of a type whose codes are open; null where codes are listed. */
  readonly codePattern: T extends ErrorTypeWithOpenCodes ? string : null;
  /** The catalog entries of its documented codes, in the reference's order; empty where codes are open. */
  readonly codes: readonly CatalogEntryOf<T, ErrorCodeOf<T>>[];
}

/**
 * What is known of an error type, whatever the code a body carries: e.g. `describeErrorType('api_error')` is
 * `{ type: 'api_error', httpStatus: 500, codesListed: false, scope: ['any internal unexpected error'], remarks: 'Contact technical support.', codePattern: '^[A-Za-z0-9_]{1,64}$', codes: [] }`.
 * Undefined for a string that is no error type; a mistyped literal does not compile.
 */
export function describeErrorType<const T>(type: Checked<T, ErrorType>): [T] extends [never] ? ErrorTypeDescription | undefined : [T] extends [ErrorType] ? ErrorTypeDescription<T> : ErrorTypeDescription | undefined;
export function describeErrorType(type: unknown): ErrorTypeDescription | undefined {
  const rules = documentedRulesOf(type);
  if (rules === undefined) return undefined;
  const t = rules.type;
  const pattern: string | undefined = (openCodePatternByType as Readonly<Record<string, string>>)[t];
  return {
    type: t,
    httpStatus: rules.httpStatus as (typeof httpStatusByType)[ErrorType],
    codesListed: rules.openCode === undefined,
    scope: [...scopeByType[t]],
    remarks: remarksByType[t] || null,
    codePattern: pattern ?? null,
    codes: [...rules.entries.values()],
  } as ErrorTypeDescription;
}

/** The HTTP status an error type is sent with; undefined for a string that is no error type. A mistyped literal does not compile. */
export function httpStatusOf<const T>(type: Checked<T, ErrorType>): [T] extends [never] ? number | undefined : [T] extends [ErrorType] ? (typeof httpStatusByType)[T] : number | undefined;
export function httpStatusOf(type: unknown): number | undefined {
  return isErrorType(type) ? statusOf(type) : undefined;
}
