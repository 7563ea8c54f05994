// checkErrorResponse: the contract as an assertion for downstream services' own tests.
import { codesOf, hasOpenCodes, isCodeOf, isErrorType, statusOf, typesOf } from './lookup.ts';
import { describe, notAString, otherMembers, readMembers, valueOf } from './read.ts';
import { nearest } from './suggest.ts';
import type { ErrorType } from './types.ts';

/** One way a response breaks the contract. */
export interface ContractViolation {
  /** What is wrong: the body as a whole, one of its members, extra members, or the HTTP status. */
  readonly rule: 'body' | 'type' | 'code' | 'message' | 'members' | 'status';
  readonly message: string;
}

/**
 * Every way an error response breaks the contract: the status does not fit the type, the type is
 * unknown, the code is not one of that type, the message is empty, or the body has members the
 * contract does not allow. Empty when the response is right. Never throws. With `status`
 * undefined, the status is not checked.
 *
 * @example expect(checkErrorResponse(response.status, await response.json())).toEqual([])
 */
export function checkErrorResponse(status: unknown, body: unknown): ContractViolation[] {
  const members = readMembers(body);
  if (typeof members === 'string') return [{ rule: 'body', message: members }];
  const violations: ContractViolation[] = [];
  const type = valueOf(members.type);
  const code = valueOf(members.code);

  const typeProblem = notAString('type', members.type);
  if (typeProblem) violations.push({ rule: 'type', message: typeProblem });
  else if (!isErrorType(type)) violations.push({ rule: 'type', message: `\`type\` ${describe(type)} is not an error type` });

  const codeProblem = notAString('code', members.code);
  if (codeProblem) violations.push({ rule: 'code', message: codeProblem });
  else if (isErrorType(type) && typeof code === 'string' && !isCodeOf(type, code)) {
    violations.push({ rule: 'code', message: codeMessage(type, code) });
  }

  const messageProblem = notAString('message', members.message);
  if (messageProblem) violations.push({ rule: 'message', message: messageProblem });
  else if (valueOf(members.message) === '') violations.push({ rule: 'message', message: '`message` is empty' });

  const others = otherMembers(body as object);
  if (others === undefined) violations.push({ rule: 'members', message: 'the members of the body cannot be listed' });
  else if (others.length > 0) {
    violations.push({ rule: 'members', message: `members the contract does not allow: ${others.map((m) => describe(m)).join(', ')}` });
  }

  if (status === undefined) return violations;
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    violations.push({ rule: 'status', message: `the HTTP status is ${describe(status)}, not an integer` });
  } else if (isErrorType(type) && statusOf(type) !== status) {
    violations.push({ rule: 'status', message: `HTTP ${status} does not fit ${type}, which is sent with ${statusOf(type)}` });
  }
  return violations;
}

function codeMessage(type: ErrorType, code: string): string {
  if (hasOpenCodes(type)) return `\`code\` ${describe(code)} is not a well-formed code`;
  const elsewhere = typesOf(code);
  if (elsewhere.length > 0) return `\`code\` ${describe(code)} is a code of ${elsewhere.join(', ')}, not of ${type}`;
  const near = nearest(code, codesOf(type));
  return `\`code\` ${describe(code)} is not a code of ${type}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}
