// checkErrorResponse: the contract as an assertion for downstream services' own tests.
import { declares, ownValue, readDeclaration, type DeclarationValue } from './declaration.ts';
import { codesOf, hasOpenCodes, isCodeOf, isErrorType, statusOf, typesOf } from './lookup.ts';
import { describe, notAString, readBody, valueOf, type ReadBody } from './read.ts';
import { nearest } from './suggest.ts';
import type { ErrorType } from './types.ts';

/** One way a response breaks the contract. */
export interface ContractViolation {
  /**
   * What is wrong: the body as a whole, one of its members, extra members, the HTTP status, or a
   * (type, code) pair the operation does not declare (with `allowed`).
   */
  readonly rule: 'body' | 'type' | 'code' | 'message' | 'members' | 'status' | 'declared';
  readonly message: string;
}

export interface CheckOptions {
  /**
   * What the operation declares it may fail with: the value of its `x-payment-errors`, e.g.
   * `{ payment_error: ['expired_card'], api_error: 'all' }`. A pair it does not declare is a violation.
   */
  readonly allowed?: DeclarationValue;
}

/**
 * Every way an error response breaks the contract: the status does not fit the type, the type is
 * unknown, the code is not one of that type, the message is empty, or the body has members the
 * contract does not allow. Empty when the response is right. Never throws and never runs a getter.
 * Its work: three property reads and one listing of the body's keys (none for an array-like, whose
 * first index keys are the extra members: a 10 MB Buffer is answered as fast as `{}`); on an
 * object with a million keys the listing takes as long as Object.keys does. With `status`
 * undefined, the status is not checked.
 *
 * @example expect(checkErrorResponse(response.status, await response.json())).toEqual([])
 */
export function checkErrorResponse(status: unknown, body: unknown, options?: CheckOptions): ContractViolation[] {
  // Read once for both checks: a Proxy cannot answer one way for the one and another way for the other.
  const read = readBody(body);
  const violations = violationsOfRead(status, read, true);
  // An own data property only: a getter is not run (and `allowed` then counts as not given).
  const allowed = ownValue(options, 'allowed');
  if (allowed !== undefined) {
    const problem = undeclared(allowed, read);
    if (problem) violations.push({ rule: 'declared', message: problem });
  }
  return violations;
}

/** Why a body's (type, code) is not one a declaration allows; undefined when it is (or the body has no such pair). */
function undeclared(allowed: unknown, body: ReadBody | string): string | undefined {
  // Read at every call (a few own properties), not cached: the caller may change the object between calls.
  const read = readDeclaration(allowed);
  const [problem] = read.problems;
  if (problem) return `the declaration given as \`allowed\` is not well formed: ${problem.message}`;
  if (typeof body === 'string') return undefined;
  const type = valueOf(body.type, body.planted);
  const code = valueOf(body.code, body.planted);
  if (!isErrorType(type) || typeof code !== 'string' || !isCodeOf(type, code) || declares(read.declaration, type, code)) return undefined;
  const declared = read.declaration.get(type);
  if (declared === undefined) return `${type} is not among the error types the operation declares (${[...read.declaration.keys()].join(', ') || 'none'})`;
  return `${type}.${code} is not among the codes of ${type} the operation declares (${(declared as readonly string[]).slice(0, 6).join(', ')}${(declared as readonly string[]).length > 6 ? ', ...' : ''})`;
}

/**
 * The violations of a body already read: empty exactly when isErrorBody would be true of what was
 * read (and the status fits). With `suggest` false, an unknown code is not compared with every code
 * of its type for a "did you mean" (errorBodySchema's issues skip that work: a program reads them).
 */
export function violationsOfRead(status: unknown, read: ReadBody | string, suggest: boolean): ContractViolation[] {
  if (typeof read === 'string') return [{ rule: 'body', message: read }];
  const { planted } = read;
  const type = valueOf(read.type, planted);
  const violations: ContractViolation[] = [];
  const typeProblem = notAString('type', read.type, planted) ?? (isErrorType(type) ? undefined : `\`type\` ${describe(type)} is not an error type`);
  if (typeProblem !== undefined) violations.push({ rule: 'type', message: typeProblem });
  const codeProblem = notAString('code', read.code, planted) ?? problemOfCode(type, valueOf(read.code, planted) as string, suggest);
  if (codeProblem !== undefined) violations.push({ rule: 'code', message: codeProblem });
  const messageProblem = notAString('message', read.message, planted) ?? (valueOf(read.message, planted) === '' ? '`message` is empty' : undefined);
  if (messageProblem !== undefined) violations.push({ rule: 'message', message: messageProblem });
  const others = read.others;
  if (others === undefined) violations.push({ rule: 'members', message: 'the members of the body cannot be listed' });
  else if (others.length > 0) violations.push({ rule: 'members', message: `members the contract does not allow: ${others.map((m) => describe(m)).join(', ')}` });
  const statusProblem = problemOfStatus(status, type);
  if (statusProblem !== undefined) violations.push({ rule: 'status', message: statusProblem });
  return violations;
}

/** What is wrong with a code (a string) for the type, if the type is known. */
function problemOfCode(type: unknown, code: string, suggest: boolean): string | undefined {
  if (!isErrorType(type) || isCodeOf(type, code)) return undefined;
  if (hasOpenCodes(type)) return `\`code\` ${describe(code)} is not a well-formed code`;
  const elsewhere = typesOf(code);
  if (elsewhere.length > 0) return `\`code\` ${describe(code)} is a code of ${elsewhere.join(', ')}, not of ${type}`;
  const near = suggest ? nearest(code, codesOf(type)) : [];
  return `\`code\` ${describe(code)} is not a code of ${type}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

function problemOfStatus(status: unknown, type: unknown): string | undefined {
  if (status === undefined) return undefined;
  if (typeof status !== 'number' || !Number.isInteger(status)) return `the HTTP status is ${describe(status)}, not an integer`;
  if (isErrorType(type) && statusOf(type as ErrorType) !== status) return `HTTP ${status} does not fit ${type}, which is sent with ${statusOf(type)}`;
  return undefined;
}
