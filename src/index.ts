// The package's entry point.
export type {
  BadRequestErrorBody,
  ErrorBody,
  ErrorBodyOf,
  ErrorCodeOf,
  ErrorType,
  ErrorTypeWithKnownCodes,
  KnownErrorCode,
} from './types.ts';
