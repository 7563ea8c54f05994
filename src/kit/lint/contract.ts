// What several rules say of the contract: the statuses it sends errors with, the shared components
// a finding suggests, which error types a body allows that its status does not send, and what a
// declaration with problems leaves unknown. Every type, code and status comes from generated data.
import { httpStatusByType, responseByStatus, schemaByType } from '../../../generated/error-catalog.ts';
import type { ReadDeclaration } from '../../runtime/declaration.ts';
import { isErrorType, statusOf } from '../../runtime/lookup.ts';
import { describe } from '../../runtime/read.ts';
import type { Tree } from '../openapi/document.ts';
import type { ErrorStatus, WalkedMedia } from '../openapi/walk.ts';
import { analyseErrorSchema, type ErrorSchema, type Variant } from '../openapi/error-schema.ts';
import { kept } from './rule.ts';

/** The statuses the contract sends errors with (400 and 500). */
export const CONTRACT_STATUSES: ReadonlySet<number> = new Set(Object.values(httpStatusByType));

export function typesSentWith(status: number): string[] {
  return Object.entries(httpStatusByType)
    .filter(([, s]) => s === status)
    .map(([type]) => type);
}

/** The shared response of a status class (400, 500), or the union schema for default (undefined). */
export function sharedResponse(statusClass: 400 | 500 | undefined): string {
  const name = statusClass === undefined ? undefined : responseByStatus[String(statusClass) as keyof typeof responseByStatus];
  return name ? `#/components/responses/${name}` : '#/components/schemas/ErrorBody';
}

/**
 * What of the contract fits an error response's status: the shared response of 400 and 500 (and
 * of 4XX and 5XX, whose errors the contract sends with them), else the schema of every error body:
 * the contract has no response for a status it sends no error with (401, 403, 422, 503, ...), nor
 * for default. Never the 400 response for a 401.
 */
export function fittingComponent(status: ErrorStatus): string {
  const { class: statusClass } = status;
  if (statusClass !== undefined && (!status.exact || Number(status.key) === statusClass)) return sharedResponse(statusClass);
  return '#/components/schemas/ErrorBody';
}

export function sharedSchema(type: string | undefined): string {
  return type !== undefined && isErrorType(type) ? `#/components/schemas/${schemaByType[type]}` : '#/components/schemas/ErrorBody';
}

/** A variant's type as a message names it: a known one as it is, anything else quoted and short. */
export function typeName(type: string | undefined): string {
  if (type === undefined) return 'error';
  return isErrorType(type) ? type : describe(type);
}

export type ErrorBodySchema = ErrorSchema & { kind: 'error-body' };

/**
 * The error types a JSON body's schema allows that are not sent with the response's status (a
 * 400 type under 500, api_error under 400); empty when it fits, or when the status is default or
 * not one the contract uses, or the schema is no error body.
 */
export function typesNotFitting(media: WalkedMedia, tree: Tree): readonly string[] {
  const { status } = media;
  if (status.class === undefined || (status.exact && !CONTRACT_STATUSES.has(Number(status.key)))) return [];
  const analysis = analyseErrorSchema(media.schema, tree);
  if (analysis.kind !== 'error-body') return [];
  const statusClass = status.class;
  return kept(kept(notFitting, analysis, () => new Map()), statusClass, () => {
    const wrong = (v: Variant) => v.type !== undefined && isErrorType(v.type) && statusOf(v.type) !== statusClass;
    return [...new Set(analysis.variants.filter(wrong).map((v) => v.type as string))];
  });
}

/** typesNotFitting of each analysis under each status class: worked out once, however many bodies share the schema. */
const notFitting = new WeakMap<ErrorBodySchema, Map<400 | 500, readonly string[]>>();

/** The error types whose part of a declaration cannot be read, or `all` when the declaration as a whole cannot. */
export type Unsure = ReadonlySet<string> | 'all';
export const NONE: Unsure = new Set();

/**
 * What a declaration with problems leaves unknown: the rules that hold an operation to its
 * declaration judge nothing there, so that a broken declaration is reported once, by the
 * declaration rule. A problem of the whole (no map, a $ref to nothing) or of a key that is no
 * error type (a misspelt type may be any) leaves everything unknown; one under a type, that type.
 */
export function unsureTypes(read: ReadDeclaration): Unsure {
  if (read.problems.length === 0) return NONE;
  const types = new Set<string>();
  for (const { path: [key] } of read.problems) {
    if (typeof key !== 'string' || !isErrorType(key)) return 'all';
    types.add(key);
  }
  return types;
}
