// payment-error-contract: the types, data and helpers of the payment API's error contract.
export type {
  BadRequestErrorBody,
  CatalogEntry,
  CatalogEntryOf,
  Deprecation,
  DocumentedErrorBody,
  ErrorBody,
  ErrorBodyOf,
  ErrorCodeOf,
  ErrorType,
  ErrorTypeWithKnownCodes,
  ErrorTypeWithOpenCodes,
  KnownErrorCode,
  UnknownCodeErrorBody,
} from './types.ts';
export { codeFormat, codesByType, contractVersion, errorCatalog, errorCodes, errorTypes, httpStatusByType } from './data.ts';
export { isErrorBody, parseErrorBody, type ParsedErrorBody } from './parse.ts';
export { describeError, describeErrorType, httpStatusOf, type ErrorTypeDescription } from './describe.ts';
export { createErrorBody, INVALID_ERROR_BODY_CODE } from './create.ts';
export { errorResponse, type ErrorResponseInit } from './response.ts';
export { errorBodySchema, type ErrorBodySchema } from './schema.ts';
export { checkErrorResponse, type CheckOptions, type ContractViolation } from './check.ts';
export { DECLARATION, type DeclarationValue } from './declaration.ts';
export { isErrorType } from './lookup.ts';
