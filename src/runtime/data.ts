// The generated data, exported with the types a consumer reads it by.
import { errorCatalog as entries } from '../../generated/error-catalog.ts';
import type { CatalogEntry } from './types.ts';

export { codeFormat, codesByType, contractVersion, errorCodes, errorTypes, httpStatusByType } from '../../generated/error-catalog.ts';

/** Every documented code with its type, HTTP status, message and how to fix, in the order of the reference. */
export const errorCatalog: readonly CatalogEntry[] = entries;
