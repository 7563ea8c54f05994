// Telling an error body from anything else: isErrorBody (does it conform exactly?) and
// parseErrorBody (what can a client make of it?). Neither throws, whatever it is given, and
// neither runs any code of the value: each member is read as an own property descriptor. Both are
// written as straight-line code over prebuilt tables (no code generated at run time, so they run
// under a strict Content-Security-Policy): they are on every failed request's path.
import { allowsCode, documentedEntry, documentedRulesOf, isWellFormedCode, rulesOf } from './lookup.ts';
import { describe, hasNoOtherMembers, isData, notAString, UNREADABLE, valueOf, type Member } from './read.ts';
import type { CatalogEntry, DocumentedErrorBody, ErrorBody, UnknownCodeErrorBody } from './types.ts';

/** What `parseErrorBody` made of a value. */
export type ParsedErrorBody =
  | {
      /** A (type, code) pair the reference documents. */
      readonly kind: 'known';
      readonly body: DocumentedErrorBody;
      readonly httpStatus: number;
      /** What the reference says of the code: message and how to fix. */
      readonly documented: CatalogEntry;
    }
  | {
      /**
       * A known type with a well-formed code this version does not document: a code a newer server
       * added, or any code of a type whose codes the reference leaves open. Not an error.
       */
      readonly kind: 'unknown-code';
      readonly body: UnknownCodeErrorBody;
      readonly httpStatus: number;
    }
  | {
      /** Not an error body; `reason` says why, for a person. */
      readonly kind: 'invalid';
      readonly reason: string;
    };

const ownDescriptor = Object.getOwnPropertyDescriptor;
const arrayCheck = Array.isArray;

/**
 * True when `value` is exactly a standardized error body: a known type, a code of that type, a
 * non-empty message, and no other members (the verdict of generated/error-body.schema.json).
 * Reads own data properties only, never runs a getter, and does bounded work on any value.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  return conformingBody(value) !== undefined;
}

/**
 * isErrorBody's verdict, with the body it read: a fresh `{ type, code, message }` when `value`
 * conforms. Each member is read once, so a Proxy cannot answer one way for the verdict and another
 * for the copy.
 */
export function conformingBody(value: unknown): ErrorBody | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    if (arrayCheck(value)) return undefined;
    const t = ownDescriptor(value, 'type');
    // A getter is never read, let alone run: only a data property's descriptor gets past isData.
    if (t === undefined || !isData(t)) return undefined;
    const rules = rulesOf(t.value);
    if (rules === undefined) return undefined;
    const c = ownDescriptor(value, 'code');
    if (c === undefined || !isData(c) || typeof c.value !== 'string' || !allowsCode(rules, c.value)) return undefined;
    const m = ownDescriptor(value, 'message');
    if (m === undefined || !isData(m) || typeof m.value !== 'string' || m.value.length === 0) return undefined;
    if (!hasNoOtherMembers(value, (t.enumerable ? 1 : 0) + (c.enumerable ? 1 : 0) + (m.enumerable ? 1 : 0))) return undefined;
    return { type: rules.type, code: c.value, message: m.value } as ErrorBody;
  } catch {
    return undefined;
  }
}

/**
 * Reads a failed response's body for a client. Never throws. Members other than type, code and
 * message are ignored (the body returned has just those three). A documented pair is `known`; a
 * known type with any other well-formed code is `unknown-code`, not `invalid`.
 */
export function parseErrorBody(value: unknown): ParsedErrorBody {
  if (typeof value !== 'object' || value === null) return invalid(value === null ? 'the body is null, not an object' : `the body is ${describe(value)}, not an object`);
  let t: Member, c: Member, m: Member;
  try {
    if (arrayCheck(value)) return invalid('the body is an array, not an object');
    t = ownDescriptor(value, 'type');
    c = ownDescriptor(value, 'code');
    m = ownDescriptor(value, 'message');
  } catch {
    return invalid(UNREADABLE);
  }
  const type = valueOf(t);
  const code = valueOf(c);
  const message = valueOf(m);
  if (typeof type !== 'string' || typeof code !== 'string' || typeof message !== 'string') {
    return invalid(notAString('type', t) ?? notAString('code', c) ?? (notAString('message', m) as string));
  }
  const rules = documentedRulesOf(type);
  if (rules === undefined) return invalid(`\`type\` ${describe(type)} is not an error type`);
  if (message.length === 0) return invalid('`message` is empty');
  const documented = documentedEntry(rules, code);
  if (documented !== undefined) {
    return { kind: 'known', body: { type, code, message } as DocumentedErrorBody, httpStatus: rules.httpStatus, documented };
  }
  if (rules.openCode === undefined ? isWellFormedCode(code) : allowsCode(rules, code)) {
    return { kind: 'unknown-code', body: { type: rules.type, code, message }, httpStatus: rules.httpStatus };
  }
  return invalid(`\`code\` ${describe(code)} is not a well-formed code`);
}

function invalid(reason: string): ParsedErrorBody {
  return { kind: 'invalid', reason };
}
