// Telling an error body from anything else: isErrorBody (does it conform exactly?) and
// parseErrorBody (what can a client make of it?). Neither throws, whatever it is given, and
// neither runs any code of the value: each member is read as an own property descriptor. Both are
// written as straight-line code over prebuilt tables (no code generated at run time, so they run
// under a strict Content-Security-Policy): they are on every failed request's path.
import { allowsCode, documentedEntry, documentedRulesOf, isWellFormedCode, rulesOf, type TypeRules } from './lookup.ts';
import { describe, isArray, isMember, notAnObject, notAString, otherMembers, planted, UNREADABLE, valueOf, type Member } from './read.ts';
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
 * non-empty message, and no other members (the verdict of generated/error-body.schema.json on the
 * value's JSON). Reads own enumerable data properties only and never runs a getter. Its work: three
 * property reads, and one listing of the value's keys (none when its first index key shows an
 * array-like), which on an object with a million keys takes as long as Object.keys does.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (arrayCheck(value)) return false;
    const exact = planted();
    // Each member is read only when the ones before it are right: most invalid bodies cost one read.
    const rules = typeOfMember(ownDescriptor(value, 'type'), exact);
    if (rules === undefined || !isCodeMember(rules, ownDescriptor(value, 'code'), exact) || !isMessageMember(ownDescriptor(value, 'message'), exact)) return false;
    // All three are own enumerable keys: any fourth is a member the contract does not allow.
    return otherMembers(value, 3, 1)?.length === 0;
  } catch {
    return false;
  }
}

/**
 * The rules of the error type a `type` member names: undefined unless it is an own enumerable data
 * property (a getter is never read, let alone run) whose value is an error type.
 */
export function typeOfMember(member: Member, planted: boolean): TypeRules | undefined {
  return member !== undefined && isMember(member, planted) ? rulesOf(member.value) : undefined;
}

/** Whether a `code` member is an own enumerable data property holding a code of the type. */
export function isCodeMember(rules: TypeRules, member: Member, planted: boolean): member is PropertyDescriptor & { value: string } {
  return member !== undefined && isMember(member, planted) && typeof member.value === 'string' && allowsCode(rules, member.value);
}

/** Whether a `message` member is an own enumerable data property holding a string that is not empty. */
export function isMessageMember(member: Member, planted: boolean): member is PropertyDescriptor & { value: string } {
  return member !== undefined && isMember(member, planted) && typeof member.value === 'string' && member.value.length > 0;
}

/**
 * Reads a failed response's body for a client. Never throws, never runs a getter, and never lists
 * the value's keys: three property reads. Members other than type, code and message are ignored
 * (the body returned has just those three). A documented pair is `known`; a
 * known type with any other well-formed code is `unknown-code`, not `invalid`.
 */
export function parseErrorBody(value: unknown): ParsedErrorBody {
  if (typeof value !== 'object' || value === null || isArray(value)) return invalid(notAnObject(value) as string);
  // Read here rather than through readMembers: this is on every failed request's path, and a
  // Members object per call is measurable.
  const exact = planted();
  let t: Member, c: Member, m: Member;
  try {
    t = ownDescriptor(value, 'type');
    c = ownDescriptor(value, 'code');
    m = ownDescriptor(value, 'message');
  } catch {
    return invalid(UNREADABLE);
  }
  const type = valueOf(t, exact);
  const code = valueOf(c, exact);
  const message = valueOf(m, exact);
  if (typeof type !== 'string' || typeof code !== 'string' || typeof message !== 'string') {
    return invalid(notAString('type', t, exact) ?? notAString('code', c, exact) ?? (notAString('message', m, exact) as string));
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
