// What a response schema says about error bodies, held against the contract: which error types it
// allows, and how each differs from the shared schema of its type. Works on the resolved schema,
// so a $ref to the package's document and a faithful copy of it (a bundled spec) are the same.
import { codeFormat, errorTypes, schemaByType } from '../../generated/error-catalog.ts';
import { codesOf, hasOpenCodes, isErrorType } from '../lookup.ts';
import { nearest } from '../suggest.ts';
import type { ErrorType } from '../types.ts';
import type { JsonPath } from './types.ts';

/** One object schema of an error body: its `type` value and how it departs from the contract. */
export interface Variant {
  /** Where the variant is, relative to the schema. */
  readonly path: JsonPath;
  readonly type: string | undefined;
  /** Empty when the variant is the contract's schema of its type. */
  readonly differences: readonly string[];
}

export type ErrorSchema =
  | { readonly kind: 'error-body'; readonly variants: readonly Variant[] }
  | { readonly kind: 'other'; readonly reason: string };

const cache = new WeakMap<object, ErrorSchema>();
const REQUIRED = ['type', 'code', 'message'];
/** How many codes a message names before it says "and N more". */
const LISTED = 4;

/** Analyses a (resolved) schema once per object: the same component used by many responses is one object. */
export function analyseErrorSchema(schema: unknown): ErrorSchema {
  if (!isObject(schema)) return { kind: 'other', reason: 'the body has no schema' };
  const known = cache.get(schema);
  if (known) return known;
  const result = analyse(schema, []);
  cache.set(schema, result);
  return result;
}

function analyse(schema: Record<string, unknown>, path: JsonPath): ErrorSchema {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const members = schema[keyword];
    if (Array.isArray(members)) {
      const variants: Variant[] = [];
      for (const [i, member] of members.entries()) {
        const inner = isObject(member) ? analyse(member, [...path, keyword, i]) : undefined;
        if (inner?.kind !== 'error-body') return { kind: 'other', reason: `${keyword}[${i}] is not an error body` };
        variants.push(...inner.variants);
      }
      return { kind: 'error-body', variants };
    }
  }
  const allOf = schema['allOf'];
  if (Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0])) return analyse(allOf[0], [...path, 'allOf', 0]);
  const properties = schema['properties'];
  if (!isObject(properties) || !REQUIRED.every((name) => isObject(properties[name]))) {
    return { kind: 'other', reason: 'it has no `type`, `code` and `message`' };
  }
  return { kind: 'error-body', variants: [variant(schema, properties, path)] };
}

function variant(schema: Record<string, unknown>, properties: Record<string, unknown>, path: JsonPath): Variant {
  const typeSchema = properties['type'] as Record<string, unknown>;
  const codeSchema = properties['code'] as Record<string, unknown>;
  const type = singleValue(typeSchema);
  const differences: string[] = [];
  if (type === undefined) {
    differences.push('its `type` is not one fixed value');
  } else if (!isErrorType(type)) {
    const near = nearest(type, errorTypes);
    differences.push(`"${type}" is not an error type of the contract${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
  } else {
    differences.push(...codeDifferences(type, codeSchema));
  }
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  const missing = REQUIRED.filter((name) => !required.includes(name));
  if (missing.length) differences.push(`it does not require ${missing.join(', ')}`);
  if (schema['additionalProperties'] !== false) differences.push('it allows members other than type, code and message');
  return { path, type, differences };
}

function codeDifferences(type: ErrorType, codeSchema: Record<string, unknown>): string[] {
  const values = codeSchema['enum'];
  if (hasOpenCodes(type)) {
    return Array.isArray(values) ? [`it has its own \`code\` enum, but the contract lists no codes for ${type} (any code of the form ${codeFormat})`] : [];
  }
  if (!Array.isArray(values)) return [`its \`code\` is an open string, but the contract lists the codes of ${type}`];
  const want = codesOf(type);
  const lacks = want.filter((code) => !values.includes(code));
  const adds = values.filter((code): code is unknown => !want.includes(code as string)).map(String);
  if (lacks.length === 0 && adds.length === 0) return [];
  const parts = [];
  if (lacks.length) parts.push(`lacks ${list(lacks)}`);
  if (adds.length) parts.push(`adds ${list(adds)}`);
  return [`its own \`code\` enum ${parts.join(' and ')}`];
}

/** Where the shared schema of a type is, for messages. */
export function sharedSchema(type: string | undefined): string {
  const name = type !== undefined && isErrorType(type) ? schemaByType[type] : undefined;
  return name ? `payment-error-contract/openapi.yaml#/components/schemas/${name}` : 'the schemas of payment-error-contract/openapi.yaml';
}

function singleValue(schema: Record<string, unknown>): string | undefined {
  if (typeof schema['const'] === 'string') return schema['const'];
  const values = schema['enum'];
  return Array.isArray(values) && values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).join(', ');
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
