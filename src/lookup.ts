// Lookup tables over the generated catalog, built once. They are Sets and Maps, so that names
// such as `__proto__` or `toString` are never taken for a type or a code.
import { codeFormat, codesByType, errorCatalog, errorTypes, httpStatusByType, openCodePatternByType } from '../generated/error-catalog.ts';
import type { CatalogEntry, ErrorType } from './types.ts';

const types: ReadonlySet<string> = /* @__PURE__ */ new Set(errorTypes);
const entries: ReadonlyMap<string, CatalogEntry> = /* @__PURE__ */ new Map(errorCatalog.map((e) => [key(e.type, e.code), e]));
const openPatterns: ReadonlyMap<string, RegExp> = /* @__PURE__ */ new Map(
  Object.entries(openCodePatternByType).map(([type, pattern]) => [type, new RegExp(pattern, 'u')]),
);
const format = /* @__PURE__ */ new RegExp(codeFormat, 'u');
const typesOfCode: ReadonlyMap<string, readonly ErrorType[]> = /* @__PURE__ */ (() => {
  const map = new Map<string, ErrorType[]>();
  for (const e of errorCatalog) map.set(e.code, [...(map.get(e.code) ?? []), e.type]);
  return map;
})();

/** No code is longer than this; longer strings are not even run through a pattern. */
const MAX_CODE_LENGTH = 64;

function key(type: string, code: string): string {
  return `${type}\u0000${code}`;
}

export function isErrorType(value: unknown): value is ErrorType {
  return typeof value === 'string' && types.has(value);
}

export function statusOf<T extends ErrorType>(type: T): (typeof httpStatusByType)[T] {
  return httpStatusByType[type];
}

export function entryOf(type: string, code: string): CatalogEntry | undefined {
  return entries.get(key(type, code));
}

/** True for a type whose codes the reference leaves open. */
export function hasOpenCodes(type: string): boolean {
  return openPatterns.has(type);
}

/** Whether `code` is a code `type` may carry: a documented one, or any well-formed one where codes are open. */
export function isCodeOf(type: string, code: string): boolean {
  const open = openPatterns.get(type);
  return open ? code.length <= MAX_CODE_LENGTH && open.test(code) : entries.has(key(type, code));
}

/** Whether `code` has the format of a code at all (a newer server may send codes this version does not know). */
export function isWellFormedCode(code: string): boolean {
  return code.length <= MAX_CODE_LENGTH && format.test(code);
}

/** The types that document this code. */
export function typesOf(code: string): readonly ErrorType[] {
  return typesOfCode.get(code) ?? [];
}

/** The documented codes of a type. */
export function codesOf(type: ErrorType): readonly string[] {
  return codesByType[type];
}
