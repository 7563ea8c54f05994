// Friendly names for the types openapi-typescript generates from openapi/. Everything here is
// derived from generated/openapi.ts: no type or code is written twice.
import type { components } from '../generated/openapi.ts';

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

/** Every documented code of every type. */
export type KnownErrorCode = ErrorCodeOf<ErrorTypeWithKnownCodes>;
