// Telling an error body from anything else: isErrorBody (does it conform exactly?) and
// parseErrorBody (what can a client make of it?). Neither throws, whatever it is given.
import { entryOf, hasOpenCodes, isCodeOf, isErrorType, isWellFormedCode, statusOf } from './lookup.ts';
import { describe, notAString, otherMembers, readMembers, valueOf, type Member } from './read.ts';
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

/**
 * True when `value` is exactly a standardized error body: a known type, a code of that type, a
 * non-empty message, and no other members (the verdict of generated/error-body.schema.json).
 * Reads own data properties only and never runs a getter.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  const members = readMembers(value);
  if (typeof members === 'string') return false;
  const type = valueOf(members.type);
  const code = valueOf(members.code);
  const message = valueOf(members.message);
  return (
    isErrorType(type) &&
    typeof code === 'string' &&
    isCodeOf(type, code) &&
    typeof message === 'string' &&
    message.length > 0 &&
    otherMembers(value as object, 1)?.length === 0
  );
}

/**
 * Reads a failed response's body for a client. Never throws. Members other than type, code and
 * message are ignored (the body returned has just those three). A documented pair is `known`; a
 * known type with any other well-formed code is `unknown-code`, not `invalid`.
 */
export function parseErrorBody(value: unknown): ParsedErrorBody {
  const members = readMembers(value);
  if (typeof members === 'string') return invalid(members);
  const type = text('type', members.type);
  if (typeof type !== 'string') return type;
  const code = text('code', members.code);
  if (typeof code !== 'string') return code;
  const message = text('message', members.message);
  if (typeof message !== 'string') return message;
  if (!isErrorType(type)) return invalid(`\`type\` ${describe(type)} is not an error type`);
  if (message.length === 0) return invalid('`message` is empty');
  const httpStatus = statusOf(type);
  const documented = entryOf(type, code);
  if (documented) return { kind: 'known', body: { type, code, message } as DocumentedErrorBody, httpStatus, documented };
  const wellFormed = hasOpenCodes(type) ? isCodeOf(type, code) : isWellFormedCode(code);
  if (wellFormed) return { kind: 'unknown-code', body: { type, code, message }, httpStatus };
  return invalid(`\`code\` ${describe(code)} is not a well-formed code`);
}

/** A member's string value, or why it has none. */
function text(name: string, member: Member): string | ParsedErrorBody {
  const problem = notAString(name, member);
  return problem === undefined ? (valueOf(member) as string) : invalid(problem);
}

function invalid(reason: string): ParsedErrorBody {
  return { kind: 'invalid', reason };
}
