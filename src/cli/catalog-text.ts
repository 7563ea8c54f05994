// How the CLI shows the catalog: the stable JSON forms of an entry and a type (--json), and the
// texts of a type's scope, remarks and open codes, for list and explain.
import { codeFormat, codesByType, httpStatusByType, openCodePatternByType, remarksByType, scopeByType } from '../../generated/error-catalog.ts';
import type { CatalogEntry, ErrorType } from '../runtime/types.ts';

/** The format of any code of a type whose codes the reference leaves open; undefined for the others. */
export function openPattern(type: ErrorType): string | undefined {
  return (openCodePatternByType as Readonly<Partial<Record<string, string>>>)[type];
}

/** The stable JSON form of a catalog entry: every key always present. */
export function entryJson(entry: CatalogEntry) {
  return {
    type: entry.type,
    code: entry.code,
    httpStatus: entry.httpStatus,
    message: entry.message,
    howToFix: entry.howToFix ?? null,
    deprecated: entry.deprecated ? { replacement: entry.deprecated.replacement } : null,
  };
}

export function typeJson(type: ErrorType) {
  return {
    type,
    httpStatus: httpStatusByType[type],
    codesListed: codesByType[type].length > 0,
    scope: [...scopeByType[type]],
    remarks: remarksByType[type] || null,
    codePattern: openPattern(type) ?? null,
  };
}

export function scopeText(type: ErrorType): string {
  return scopeByType[type].length ? scopeByType[type].join('; ') : 'not stated in the reference';
}

export function typeNotes(type: ErrorType): string {
  return `Scope: ${scopeText(type)}.${remarksByType[type] ? ` Remarks: ${remarksByType[type]}` : ''}`;
}

export function openCodesText(type: ErrorType): string {
  return `none listed yet: any code of the form ${openPattern(type) ?? codeFormat} may be sent`;
}

