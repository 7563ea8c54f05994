// Friendly names for the types generated from openapi/. Everything here is derived from
// generated/openapi.ts and generated/error-catalog.ts: no type or code is written twice.
import type { components } from '../generated/openapi.ts';
import type { errorCatalog } from '../generated/error-catalog.ts';

type Schemas = components['schemas'];

/** The body of every failed response: one of the error types, told apart by `type`. */
export type ErrorBody = Schemas['ErrorBody'];

/** The body of a 400 response: every error type sent with HTTP 400. */
export type BadRequestErrorBody = Schemas['BadRequestErrorBody'];

/** An error type, e.g. `payment_error`. */
export type ErrorType = ErrorBody['type'];

/** The body of one error type. */
export type ErrorBodyOf<T extends ErrorType> = Extract<ErrorBody, { type: T }>;

/**
 * The codes of one error type, e.g. `ErrorCodeOf<'payment_error'>`. For a type whose codes the
 * reference does not list yet, this is `string`.
 */
export type ErrorCodeOf<T extends ErrorType> = ErrorBodyOf<T>['code'];

/** The error types whose codes the reference lists. */
export type ErrorTypeWithKnownCodes = {
  [T in ErrorType]: string extends ErrorCodeOf<T> ? never : T;
}[ErrorType];

/** The error types whose codes the reference leaves open: any well-formed code. */
export type ErrorTypeWithOpenCodes = Exclude<ErrorType, ErrorTypeWithKnownCodes>;

/** The body of a type whose codes the reference lists. */
export type DocumentedErrorBody = ErrorBodyOf<ErrorTypeWithKnownCodes>;

/** Every documented code of every type. */
export type KnownErrorCode = ErrorCodeOf<ErrorTypeWithKnownCodes>;

/** Whether a code is deprecated, and the code to use instead. */
export interface Deprecation {
  readonly replacement: string | null;
}

/**
 * Every entry reads the same way: one without a how-to-fix has `howToFix?: undefined`, and any may
 * carry a deprecation (a later version of the data may deprecate any code).
 */
type Normalized<E> = E extends unknown
  ? E & (E extends { howToFix: string } ? unknown : { readonly howToFix?: undefined }) & (E extends { deprecated: Deprecation } ? unknown : { readonly deprecated?: Deprecation })
  : never;

/** What the reference says of one documented code: `{ type, code, httpStatus, message, howToFix?, deprecated? }`. */
export type CatalogEntry = Normalized<(typeof errorCatalog)[number]>;

/** The catalog entry of one (type, code) pair. */
export type CatalogEntryOf<T extends ErrorType, C extends string> = Extract<CatalogEntry, { type: T; code: C }>;

/** An error body whose type this version knows but whose code it does not (a newer server may add codes). */
export type UnknownCodeErrorBody = { [T in ErrorType]: { type: T; code: string; message: string } }[ErrorType];
