// Per-operation error contracts: the `x-payment-errors` declaration of an operation, mapping each
// error type it may fail with to `all` or to a list of that type's codes. Read here once for
// every use: the lint rules, narrowing, the runtime check and the CLI. Reading never throws: what
// is wrong is listed as problems, and the valid part is the declaration.
import { contractVersion, errorTypes } from '../../generated/error-catalog.ts';
import { codesOf, entryOf, hasOpenCodes, isCodeOf, isErrorType, typesOf } from './lookup.ts';
import { describe, isArray } from './read.ts';
import { nearest } from './suggest.ts';
import type { ErrorType } from './types.ts';

/** The extension that carries a declaration, on an operation. */
export const DECLARATION = 'x-payment-errors';

/** What an operation declares of one type: every code of it, or these. */
export type DeclaredCodes = 'all' | readonly string[];

/** Each error type an operation may fail with, in the order of the contract, and its codes. */
export type Declaration = ReadonlyMap<ErrorType, DeclaredCodes>;

/** The value of a declaration as written: `{ payment_error: ['expired_card'], api_error: 'all' }`. */
export type DeclarationValue = { readonly [T in ErrorType]?: 'all' | readonly string[] };

export interface DeclarationProblem {
  /** Relative to the declaration. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

export interface DeprecatedDeclaration {
  readonly path: ReadonlyArray<string | number>;
  readonly type: ErrorType;
  readonly code: string;
  readonly replacement: string | null;
}

export interface ReadDeclaration {
  /** The valid part; empty when nothing of it is valid. */
  readonly declaration: Declaration;
  readonly problems: readonly DeclarationProblem[];
  /** Declared codes the contract deprecates. */
  readonly deprecated: readonly DeprecatedDeclaration[];
}

/** Past this many problems in one declaration, the rest are counted, not listed. */
const MAX_PROBLEMS = 20;

/** A member of a node. */
export type Get = (node: unknown, key: string | number) => unknown;

/** A member of a node that is an own data property; undefined for a getter, and never throws. */
export const ownValue: Get = (node, key) => {
  if (typeof node !== 'object' || node === null) return undefined;
  try {
    const d = Object.getOwnPropertyDescriptor(node, key);
    // Own `value`, not `in`: a `value` planted on Object.prototype would pass a getter's descriptor (see read.ts isMember).
    return d && Object.hasOwn(d, 'value') ? d.value : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Reads a declaration. `get` reads a member (an engine's, to follow $refs); by default own data
 * properties only, so that a hostile value runs none of its code.
 */
export function readDeclaration(value: unknown, get: Get = ownValue): ReadDeclaration {
  const problems: DeclarationProblem[] = [];
  const deprecated: DeprecatedDeclaration[] = [];
  let dropped = 0;
  // A message is worked out (a "did you mean" costs) only for the problems that are listed.
  const problem = (path: ReadonlyArray<string | number>, message: () => string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message: message() });
    else dropped++;
  };
  const declared = new Map<ErrorType, DeclaredCodes>();
  const keys = keysOf(value);
  if (keys === undefined) {
    problem([], () => `${DECLARATION} maps error types to \`all\` or to a list of their codes; this is ${kind(value)}`);
  } else if (keys.length === 0) {
    // Not "fails with nothing": any request may fail with an api_error. An empty map is a mistake.
    problem([], () => `${DECLARATION} declares no error type, and any request may fail with an api_error at least: declare the types the operation may fail with, or leave ${DECLARATION} out`);
  }
  for (const key of keys ?? []) {
    if (!isErrorType(key)) {
      problem([key], () => {
        const near = nearest(key, errorTypes);
        return `${describe(key)} is not an error type${near.length ? ` (did you mean ${near.join(', ')}?)` : ` (the types: ${errorTypes.join(', ')})`}`;
      });
      continue;
    }
    const codes = get(value, key);
    if (codes === 'all') {
      declared.set(key, 'all');
      continue;
    }
    const length = isArray(codes) ? ownValue(codes, 'length') : undefined;
    if (typeof length !== 'number') {
      const ref = codes === undefined ? refOf(ownValue(value, key)) : undefined;
      problem([key], () => (ref === undefined ? `${key} maps to \`all\` or to a list of its codes, not ${kind(codes)}` : `the $ref ${describe(ref)} of ${key} does not resolve`));
      continue;
    }
    if (length === 0) problem([key], () => `${key} lists no codes: leave the type out, or declare \`all\``);
    const valid: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < length; i++) {
      const code = get(codes, i);
      if (typeof code !== 'string') {
        problem([key, i], () => `a code is a string, not ${kind(code)}`);
      } else if (seen.has(code)) {
        problem([key, i], () => `${key}.${short(code)} is declared twice`);
      } else if (!isCodeOf(key, code)) {
        seen.add(code);
        problem([key, i], () => unknownCode(key, code));
      } else {
        seen.add(code);
        valid.push(code);
        const replacement = entryOf(key, code)?.deprecated;
        if (replacement) deprecated.push({ path: [key, i], type: key, code, replacement: replacement.replacement });
      }
    }
    if (valid.length > 0) declared.set(key, valid);
  }
  if (dropped > 0) problems.push({ path: [], message: `and ${dropped} more problems in this ${DECLARATION}` });
  // In the order of the contract, whatever the order of the declaration.
  const declaration = new Map(errorTypes.flatMap((t) => (declared.has(t) ? [[t, declared.get(t)!] as const] : [])));
  return { declaration, problems, deprecated };
}

/**
 * An operation's declaration, read: undefined when it has none. A $ref to a declaration that is
 * not there is its one problem. `read` reads the value (readDeclaration; the tooling's keeps what
 * it read of a declaration operations share).
 */
export function operationDeclaration(operation: object, get: Get = ownValue, read: (value: unknown, get: Get) => ReadDeclaration = readDeclaration): ReadDeclaration | undefined {
  if (!(DECLARATION in operation)) return undefined;
  const value = get(operation, DECLARATION);
  if (value !== undefined) return read(value, get);
  const ref = refOf(ownValue(operation, DECLARATION));
  const message = ref === undefined ? `${DECLARATION} cannot be read` : `its $ref ${describe(ref)} does not resolve`;
  return { declaration: new Map(), problems: [{ path: [], message }], deprecated: [] };
}

/** Whether an operation with this declaration may send (type, code). */
export function declares(declaration: Declaration, type: string, code: string): boolean {
  if (!isErrorType(type)) return false;
  const codes = declaration.get(type);
  if (codes === undefined) return false;
  return codes === 'all' ? isCodeOf(type, code) : codes.includes(code);
}

/** The codes a declaration gives a type: the contract's for `all` (none listed for a type whose codes are open). */
export function codesDeclared(declaration: Declaration, type: ErrorType): readonly string[] | 'open' | undefined {
  const codes = declaration.get(type);
  if (codes === undefined) return undefined;
  if (codes !== 'all') return codes;
  return hasOpenCodes(type) ? 'open' : codesOf(type);
}

/** The declaration as it is written in a spec (and given to checkErrorResponse's `allowed`). */
export function declarationValue(declaration: Declaration): DeclarationValue {
  return Object.fromEntries(declaration);
}

function unknownCode(type: ErrorType, code: string): string {
  if (hasOpenCodes(type)) return `${describe(code)} is not a well-formed code (letters, digits and underscores, at most 64)`;
  const elsewhere = typesOf(code);
  if (elsewhere.length > 0) return `${code} is a code of ${elsewhere.join(', ')}, not of ${type}`;
  const near = nearest(code, codesOf(type));
  return `${describe(code)} is not a code of ${type} in contract ${contractVersion}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

/** The target of a Reference Object as written ({ $ref: "..." }), or undefined. */
function refOf(value: unknown): string | undefined {
  const ref = ownValue(value, '$ref');
  return typeof ref === 'string' ? ref : undefined;
}

/** The own keys of a plain object, or undefined for anything else. */
function keysOf(value: unknown): string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    if (isArray(value)) return undefined;
    return Object.keys(value);
  } catch {
    return undefined;
  }
}

function kind(value: unknown): string {
  if (isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a map';
  return describe(value);
}

function short(code: string): string {
  return code.length > 64 ? `${code.slice(0, 64)}…` : code;
}
