// payment-error-contract: the types, data and helpers of the payment API's error contract.
export type {
  BadRequestErrorBody,
  CatalogEntry,
  CatalogEntryOf,
  CreatedErrorBody,
  Deprecation,
  DocumentedErrorBody,
  ErrorBody,
  ErrorBodyOf,
  ErrorCodeOf,
  ErrorType,
  ErrorTypeWithKnownCodes,
  ErrorTypeWithOpenCodes,
  KnownErrorCode,
  MessageFor,
  UnknownCodeErrorBody,
} from './types.ts';
export { codeFormat, codesByType, contractVersion, errorCatalog, errorCodes, errorTypes, httpStatusByType } from './data.ts';
export { isErrorBody, parseErrorBody, type ParsedErrorBody } from './parse.ts';
export { describeError, describeErrorType, httpStatusOf, type DescribedError, type ErrorTypeDescription, type UndocumentedCode } from './describe.ts';
export { createErrorBody, INVALID_ERROR_BODY_CODE } from './create.ts';
export { errorResponse, type ErrorResponseArgs, type ErrorResponseInit, type FetchHeadersInit, type FetchResponse, type MinimalResponse } from './response.ts';
export { errorBodySchema, type ErrorBodySchema, type ErrorBodySchemaProps } from './schema.ts';
// The Standard Schema types errorBodySchema is declared with, so that a library that emits declarations can name them.
export type { StandardJSONSchemaV1, StandardSchemaV1, StandardTypedV1 } from './standard-schema.ts';
export { checkErrorResponse, type CheckOptions, type ContractViolation } from './check.ts';
export { DECLARATION, type DeclarationValue } from './declaration.ts';
export { isErrorType } from './lookup.ts';
