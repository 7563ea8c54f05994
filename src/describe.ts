// What the reference says of a type or a code. Unknown input gives undefined, never an exception.
import { entryOf, isErrorType, statusOf } from './lookup.ts';
import type { CatalogEntry, CatalogEntryOf, ErrorCodeOf, ErrorType, ErrorTypeWithKnownCodes } from './types.ts';
import type { httpStatusByType } from '../generated/error-catalog.ts';

/**
 * The message, how to fix and HTTP status of a documented code, e.g.
 * `describeError('payment_error', 'expired_card')`. Undefined for a pair the reference does not list.
 */
export function describeError<T extends ErrorTypeWithKnownCodes, C extends ErrorCodeOf<T>>(type: T, code: C): CatalogEntryOf<T, C>;
export function describeError(type: unknown, code: unknown): CatalogEntry | undefined;
export function describeError(type: unknown, code: unknown): CatalogEntry | undefined {
  if (typeof type !== 'string' || typeof code !== 'string') return undefined;
  const entry = entryOf(type, code);
  // A copy: callers cannot change the catalog other callers see.
  return entry && { ...entry };
}

/** The HTTP status an error type is sent with; undefined for a string that is no error type. */
export function httpStatusOf<T extends ErrorType>(type: T): (typeof httpStatusByType)[T];
export function httpStatusOf(type: unknown): number | undefined;
export function httpStatusOf(type: unknown): number | undefined {
  return isErrorType(type) ? statusOf(type) : undefined;
}
