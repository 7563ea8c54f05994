// Lookup tables over the generated catalog, built once. They are Sets and Maps, so that names
// such as `__proto__` or `toString` are never taken for a type or a code. Each is marked pure, so
// that a bundler drops the ones an import does not reach (isErrorType alone carries no message).
import { codeFormat, codesByType, errorCatalog, errorTypes, httpStatusByType, openCodePatternByType } from '../../generated/error-catalog.ts';
import type { CatalogEntry, ErrorType } from './types.ts';

/** What one error type allows, found with one lookup by the validators. */
export interface TypeRules {
  readonly type: ErrorType;
  readonly httpStatus: number;
  /** The documented codes; empty for a type whose codes the reference leaves open. */
  readonly codes: ReadonlySet<string>;
  /** The format of any code of a type whose codes are open; undefined where codes are listed. */
  readonly openCode: RegExp | undefined;
}

const types: ReadonlySet<string> = /* @__PURE__ */ new Set(errorTypes);
// Built from the codes, not the catalog: a validator that never reads a message does not carry them.
const rulesByType: ReadonlyMap<string, TypeRules> = /* @__PURE__ */ (() => {
  const open: Readonly<Record<string, string>> = openCodePatternByType;
  return new Map(
    errorTypes.map((type) => {
      const pattern = open[type];
      const openCode = pattern === undefined ? undefined : new RegExp(pattern, 'u');
      return [type, { type, httpStatus: httpStatusByType[type], codes: new Set<string>(codesByType[type]), openCode }];
    }),
  );
})();
/** The rules with the catalog entries of the documented codes, for parseErrorBody: one lookup finds both. */
export interface DocumentedTypeRules extends TypeRules {
  readonly entries: ReadonlyMap<string, CatalogEntry>;
}
const documentedRulesByType: ReadonlyMap<string, DocumentedTypeRules> = /* @__PURE__ */ (() => {
  const map = new Map<string, DocumentedTypeRules>();
  for (const [type, rules] of rulesByType) {
    map.set(type, { ...rules, entries: new Map(errorCatalog.filter((e) => e.type === type).map((e) => [e.code, e])) });
  }
  return map;
})();
const format = /* @__PURE__ */ new RegExp(codeFormat, 'u');
// From the codes too: errorBodySchema's issues name the type a code belongs to, never a message.
const typesOfCode: ReadonlyMap<string, readonly ErrorType[]> = /* @__PURE__ */ (() => {
  const map = new Map<string, ErrorType[]>();
  for (const type of errorTypes) for (const code of codesByType[type]) map.set(code, [...(map.get(code) ?? []), type]);
  return map;
})();

/**
 * No type or code is longer than this (tests/runtime/lookup.test.ts holds the data to it); longer
 * strings are not even run through a pattern or hashed for a lookup, so a huge string costs nothing.
 */
export const MAX_NAME_LENGTH = 64;

export function isErrorType(value: unknown): value is ErrorType {
  return typeof value === 'string' && types.has(value);
}

/** The rules of an error type; undefined for anything that is not one (a Map never answers for `__proto__`). */
export function rulesOf(type: unknown): TypeRules | undefined {
  return typeof type === 'string' && type.length <= MAX_NAME_LENGTH ? rulesByType.get(type) : undefined;
}

/** Whether a string is a code the type may carry: a documented one, or any well-formed one where codes are open. */
export function allowsCode(rules: TypeRules, code: string): boolean {
  if (code.length > MAX_NAME_LENGTH) return false;
  return rules.openCode === undefined ? rules.codes.has(code) : rules.openCode.test(code);
}

/** rulesOf, with the catalog entries. */
export function documentedRulesOf(type: unknown): DocumentedTypeRules | undefined {
  return typeof type === 'string' && type.length <= MAX_NAME_LENGTH ? documentedRulesByType.get(type) : undefined;
}

/** The catalog entry of a documented code of the type. */
export function documentedEntry(rules: DocumentedTypeRules, code: string): CatalogEntry | undefined {
  return code.length > MAX_NAME_LENGTH ? undefined : rules.entries.get(code);
}

export function statusOf<T extends ErrorType>(type: T): (typeof httpStatusByType)[T] {
  return httpStatusByType[type];
}

export function entryOf(type: string, code: string): CatalogEntry | undefined {
  const rules = documentedRulesOf(type);
  return rules && documentedEntry(rules, code);
}

/** True for a type whose codes the reference leaves open. */
export function hasOpenCodes(type: string): boolean {
  return rulesOf(type)?.openCode !== undefined;
}

/** Whether `code` is a code `type` may carry: a documented one, or any well-formed one where codes are open. */
export function isCodeOf(type: string, code: string): boolean {
  const rules = rulesOf(type);
  return rules !== undefined && allowsCode(rules, code);
}

/** Whether `code` has the format of a code at all (a newer server may send codes this version does not know). */
export function isWellFormedCode(code: string): boolean {
  return code.length <= MAX_NAME_LENGTH && format.test(code);
}

/** The types that document this code. */
export function typesOf(code: string): readonly ErrorType[] {
  return (code.length <= MAX_NAME_LENGTH && typesOfCode.get(code)) || [];
}

/** The documented codes of a type. */
export function codesOf(type: ErrorType): readonly string[] {
  return codesByType[type];
}
