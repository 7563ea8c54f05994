// What a response schema says about error bodies, held against the contract: which error types it
// allows, and how each differs from the shared schema of its type. A $ref to the package's
// document and a faithful copy of it (a bundled spec, the OpenAPI 3.0 translation) are the same
// contract. Each schema object is analysed once, however many responses use it.
import { errorTypes } from '../../../generated/error-catalog.ts';
import { codesOf, hasOpenCodes, isErrorType } from '../../runtime/lookup.ts';
import { describe } from '../../runtime/read.ts';
import { nearest } from '../../runtime/suggest.ts';
import type { ErrorType } from '../../runtime/types.ts';
import { isObject, type JsonPath, type Tree } from './document.ts';

/** One object schema of an error body: its `type` value and how it departs from the contract. */
export interface Variant {
  /** Where the variant is, relative to the schema. */
  readonly path: JsonPath;
  /** A known error type, or the first characters of another value; undefined when it is not one value. */
  readonly type: string | undefined;
  /** The values of its `code` enum, or `open` for a code of any value; undefined when `type` is no error type. */
  readonly codes: readonly unknown[] | 'open' | undefined;
  /** How it departs from the contract's schema of its type, but for its codes (see `codeDifference`). */
  readonly differences: readonly string[];
}

export type ErrorSchema =
  | { readonly kind: 'error-body'; readonly variants: readonly Variant[] }
  | { readonly kind: 'other'; readonly reason: string };

const REQUIRED = ['type', 'code', 'message'] as const;
/** How many codes a message names before it says "and N more". */
const LISTED = 4;
/** Deeper nesting than this is not an error body anyone wrote by hand; it stops runaway schemas. */
const MAX_DEPTH = 16;
/** More variants than this is no error body (the contract has seven types): unions of unions stop here, in bounded work. */
const MAX_VARIANTS = 64;
/** Keywords that only annotate: an allOf member made of these adds no constraint. */
const ANNOTATIONS = new Set(['description', 'title', 'summary', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', '$comment']);

/** Each schema object's analysis, its variants' paths relative to it: a schema shared by many is analysed once. */
const cache = new WeakMap<object, ErrorSchema>();

/** Analyses a (resolved) schema; the same object is analysed once. */
export function analyseErrorSchema(schema: unknown, tree: Tree): ErrorSchema {
  if (!isObject(schema)) return { kind: 'other', reason: 'the body has no schema' };
  return analyse(schema, tree, new Set());
}

function analyse(schema: Record<string, unknown>, tree: Tree, within: Set<object>): ErrorSchema {
  const known = cache.get(schema);
  if (known) return known;
  if (within.has(schema)) return { kind: 'other', reason: 'it refers to itself' };
  if (within.size >= MAX_DEPTH) return { kind: 'other', reason: `it is nested more than ${MAX_DEPTH} schemas deep` };
  within.add(schema);
  const result = analyseOnce(schema, tree, within);
  within.delete(schema);
  // A result reached through a cycle depends on where the walk began: only the others are kept.
  if (within.size === 0 || result.kind === 'error-body') cache.set(schema, result);
  return result;
}

function analyseOnce(schema: Record<string, unknown>, tree: Tree, within: Set<object>): ErrorSchema {
  const type = schema['type'];
  if (type !== undefined && type !== 'object' && !(Array.isArray(type) && type.includes('object'))) return { kind: 'other', reason: `it is ${describe(type)}, not an object` };
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const members = tree.get(schema, keyword);
    if (!Array.isArray(members)) continue;
    if (members.length > MAX_VARIANTS) return { kind: 'other', reason: `its ${keyword} has more than ${MAX_VARIANTS} members` };
    if (members.length === 0) return { kind: 'other', reason: `its ${keyword} is empty` };
    const variants: Variant[] = [];
    for (let i = 0; i < members.length; i++) {
      const member = tree.get(members, i);
      const inner = isObject(member) ? analyse(member, tree, within) : undefined;
      if (inner?.kind !== 'error-body') return { kind: 'other', reason: `${keyword}[${i}] is not an error body` };
      if (variants.length + inner.variants.length > MAX_VARIANTS) return { kind: 'other', reason: `it is a union of more than ${MAX_VARIANTS} schemas` };
      for (const v of inner.variants) variants.push({ ...v, path: [keyword, i, ...v.path] });
    }
    return { kind: 'error-body', variants };
  }
  // A member that is the schema itself, through a cycle, adds nothing: S = X and S is X. So an
  // engine that resolves the cycle (Redocly) reads what one that leaves it unresolved reads (Spectral).
  const allOf = allOfMembers(schema, tree).filter((member) => !within.has(member.schema));
  if (allOf.length === 1) return relative(analyse(allOf[0]!.schema, tree, within), ['allOf', allOf[0]!.index]);
  for (const member of allOf) {
    // The contract's schema with more added to it: a body with other members.
    const inner = analyse(member.schema, tree, within);
    if (inner.kind === 'error-body') {
      const only = inner.variants.length === 1 ? inner.variants[0]?.type : undefined;
      return { kind: 'error-body', variants: [{ path: [], type: only, codes: undefined, differences: ['it adds other schemas to the shared one with `allOf` (the body has exactly type, code and message)'] }] };
    }
  }
  const properties = tree.get(schema, 'properties');
  const members = REQUIRED.map((name) => tree.get(properties, name));
  if (!members.every(isObject)) return { kind: 'other', reason: 'it has no `type`, `code` and `message`' };
  const [typeMember, code, message] = members as Array<Record<string, unknown>>;
  return { kind: 'error-body', variants: [variant(schema, { type: typeMember!, code: code!, message: message! }, tree)] };
}

/** An analysis with its variants' paths under `prefix`. */
function relative(result: ErrorSchema, prefix: JsonPath): ErrorSchema {
  return result.kind === 'error-body' ? { kind: 'error-body', variants: result.variants.map((v) => ({ ...v, path: [...prefix, ...v.path] })) } : result;
}

/** The members of `allOf` that constrain (members that only annotate, such as a description, are left out). */
function allOfMembers(schema: Record<string, unknown>, tree: Tree): Array<{ schema: Record<string, unknown>; index: number }> {
  const allOf = tree.get(schema, 'allOf');
  if (!Array.isArray(allOf)) return [];
  const members = [];
  for (let index = 0; index < allOf.length; index++) {
    const member = tree.get(allOf, index);
    if (isObject(member) && !Object.keys(member).every((k) => ANNOTATIONS.has(k) || k.startsWith('x-'))) members.push({ schema: member, index });
  }
  return members;
}

type Members = Record<(typeof REQUIRED)[number], Record<string, unknown>>;

function variant(schema: Record<string, unknown>, members: Members, tree: Tree): Variant {
  const typeSchema = unwrap(members.type, tree);
  const type = singleValue(typeSchema);
  const differences: string[] = [];
  let codes: Variant['codes'];
  if (type === undefined) {
    differences.push('its `type` is not one fixed value');
  } else if (!isErrorType(type)) {
    const near = nearest(type, errorTypes);
    differences.push(`${describe(type)} is not an error type of the contract${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
  } else {
    const values = unwrap(members.code, tree)['enum'];
    codes = Array.isArray(values) ? values : 'open';
  }
  const code = unwrap(members.code, tree);
  const notStrings = (['code', 'message'] as const).filter((name) => !onlyStrings(name === 'code' ? code : unwrap(members[name], tree)));
  if (notStrings.length) differences.push(`its ${notStrings.map((n) => `\`${n}\``).join(' and ')} may be other than a string`);
  const nullable = REQUIRED.filter((name) => allowsNull(unwrap(members[name], tree)));
  if (allowsNull(schema)) differences.push('it may be null');
  if (nullable.length) differences.push(`its ${nullable.map((n) => `\`${n}\``).join(', ')} may be null`);
  const required = tree.get(schema, 'required');
  const missing = REQUIRED.filter((name) => !(Array.isArray(required) && required.includes(name)));
  if (missing.length) differences.push(`it does not require ${missing.join(', ')}`);
  if (tree.get(schema, 'additionalProperties') !== false) differences.push('it allows members other than type, code and message');
  return { path: [], type: type === undefined ? undefined : type.slice(0, 64), codes, differences };
}

/** The codes the contract gives a type: its list, or `open` where the reference lists none. */
export function contractCodes(type: ErrorType): readonly string[] | 'open' {
  return hasOpenCodes(type) ? 'open' : codesOf(type);
}

/** How a `code` enum differs from a list of codes, in words ("lacks a, b and adds c"); undefined when they are the same. */
export function listDifference(codes: readonly unknown[], want: readonly string[]): string | undefined {
  const given = new Set(codes);
  const lacks = want.filter((code) => !given.has(code));
  const adds = codes.filter((code) => typeof code !== 'string' || !want.includes(code)).map(codeName);
  if (lacks.length === 0 && adds.length === 0) return undefined;
  const parts = [];
  if (lacks.length) parts.push(`lacks ${list(lacks)}`);
  if (adds.length) parts.push(`adds ${list(adds)}`);
  return parts.join(' and ');
}

/** A code as a message names it: short, whatever the spec holds. */
function codeName(value: unknown): string {
  if (typeof value !== 'string') return describe(value);
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}

/** A schema through `allOf: [X]` (how OpenAPI 3.0 writes a $ref with a description beside it). */
function unwrap(schema: Record<string, unknown>, tree: Tree): Record<string, unknown> {
  let current = schema;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const members = allOfMembers(current, tree);
    if (members.length !== 1) break;
    current = members[0]!.schema;
  }
  return current;
}

/** `const: x`, or an enum of one value (OpenAPI 3.0 has no const). */
function singleValue(schema: Record<string, unknown>): string | undefined {
  if (typeof schema['const'] === 'string') return schema['const'];
  const values = schema['enum'];
  return Array.isArray(values) && values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
}

/** A schema that allows strings only: `type: string`, or an enum of strings. */
function onlyStrings(schema: Record<string, unknown>): boolean {
  const values = schema['enum'];
  return schema['type'] === 'string' || (Array.isArray(schema['type']) && schema['type'].every((t) => t === 'string' || t === 'null')) || (Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string'));
}

/** `nullable: true` (OpenAPI 3.0), or a `type` list with null (3.1). */
function allowsNull(schema: Record<string, unknown>): boolean {
  const type = schema['type'];
  return schema['nullable'] === true || (Array.isArray(type) && type.includes('null'));
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).join(', ');
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}
