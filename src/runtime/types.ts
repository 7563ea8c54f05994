// Friendly names for the types generated from openapi/. Everything here is derived from
// generated/openapi.ts and generated/error-catalog.ts: no type or code is written twice.
import type { components } from '../../generated/openapi.ts';
import type { errorCatalog } from '../../generated/error-catalog.ts';

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

/** What the reference says of one documented code. */
export interface CatalogEntry {
  readonly type: ErrorTypeWithKnownCodes;
  readonly code: KnownErrorCode;
  readonly httpStatus: number;
  /** The message the API sends, verbatim. */
  readonly message: string;
  readonly howToFix?: string;
  readonly deprecated?: Deprecation;
}

/** The catalog entry of one (type, code) pair, with its texts as literal types. */
export type CatalogEntryOf<T extends ErrorType, C extends string> = Extract<(typeof errorCatalog)[number], { type: T; code: C }>;

/** An error body whose type this version knows but whose code it does not (a newer server may add codes). */
export type UnknownCodeErrorBody = { [T in ErrorType]: { type: T; code: string; message: string } }[ErrorType];

/** Whether a string type is made of literals only (`'a' | 'b'`), rather than `string`, a template (`${string}_error`) or a branded string. */
type IsLiteral<S> = {} extends Record<S & string, never> ? false : true;

/** The string literals of `S` that are not among `Known` (never when there are none, or `S` holds no literal). */
type Mistyped<S, Known> = S extends string ? (IsLiteral<S> extends true ? (S extends Known ? never : S) : never) : never;

/**
 * An argument that names a type or a code, checked where the compiler can: a string literal must be
 * one of `Known` (a typo does not compile), while any other value (typed `string`, a template
 * literal type, a branded string, a type parameter, `unknown`) passes as it is and is checked at
 * run time. `S` is inferred from the argument only when it is a literal (through the template
 * below, into which nothing else infers): otherwise it is `never`, and the argument is `unknown`,
 * which is how a generic `T extends string` gets through a signature that checks literals.
 */
export type Checked<S, Known extends string> = [S] extends [never] ? unknown : [Mistyped<S, Known>] extends [never] ? `${S & string}` : Known;

/** The codes a code literal is held to: those of `T` when it is a literal type whose codes the reference lists; any otherwise. */
type CodesToCheck<T> = [T] extends [never] ? string : [T] extends [ErrorTypeWithKnownCodes] ? ErrorCodeOf<T> : string;

/** The code argument for a type argument `T`: a literal must be a code of `T` when `T` is a literal type whose codes the reference lists. */
export type CheckedCode<T, C> = Checked<C, CodesToCheck<T>>;

/**
 * The message argument of createErrorBody and errorResponse: optional where the catalog has the
 * message, required for a type whose codes are open (there is none to fill in).
 */
export type MessageFor<T extends ErrorType> = T extends ErrorTypeWithOpenCodes ? [message: string] : [message?: string | undefined];

/** The body createErrorBody builds: for a documented code, its `code` is the literal given. */
export type CreatedErrorBody<T extends ErrorType, C extends string> = T extends ErrorTypeWithOpenCodes ? ErrorBodyOf<T> : ErrorBodyOf<T> & { code: C };
