// checkErrorResponse: the contract as an assertion for downstream services' own tests.
import { declares, readDeclaration, type DeclarationValue } from './declaration.ts';
import { codesOf, hasOpenCodes, isCodeOf, isErrorType, statusOf, typesOf } from './lookup.ts';
import { describe, notAString, otherMembers, readMembers, valueOf } from './read.ts';
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
 * contract does not allow. Empty when the response is right. Never throws, and does bounded work
 * whatever the body (a 10 MB Buffer is answered as fast as `{}`). With `status` undefined, the
 * status is not checked.
 *
 * @example expect(checkErrorResponse(response.status, await response.json())).toEqual([])
 */
export function checkErrorResponse(status: unknown, body: unknown, options?: CheckOptions): ContractViolation[] {
  const violations = violationsOf(status, body, true);
  const allowed = options?.allowed;
  if (allowed !== undefined) {
    const problem = undeclared(allowed, body);
    if (problem) violations.push({ rule: 'declared', message: problem });
  }
  return violations;
}

/** Declarations read once per object: a service's tests pass the same one many times. */
const declarations = new WeakMap<object, ReturnType<typeof readDeclaration>>();

/** Why a body's (type, code) is not one a declaration allows; undefined when it is (or the body has no such pair). */
function undeclared(allowed: unknown, body: unknown): string | undefined {
  const read = typeof allowed === 'object' && allowed !== null ? (declarations.get(allowed) ?? readDeclaration(allowed)) : readDeclaration(allowed);
  if (typeof allowed === 'object' && allowed !== null) declarations.set(allowed, read);
  const [problem] = read.problems;
  if (problem) return `the declaration given as \`allowed\` is not well formed: ${problem.message}`;
  const members = readMembers(body);
  if (typeof members === 'string') return undefined;
  const type = valueOf(members.type);
  const code = valueOf(members.code);
  if (!isErrorType(type) || typeof code !== 'string' || !isCodeOf(type, code) || declares(read.declaration, type, code)) return undefined;
  const declared = read.declaration.get(type);
  if (declared === undefined) return `${type} is not among the error types the operation declares (${[...read.declaration.keys()].join(', ') || 'none'})`;
  return `${type}.${code} is not among the codes of ${type} the operation declares (${(declared as readonly string[]).slice(0, 6).join(', ')}${(declared as readonly string[]).length > 6 ? ', ...' : ''})`;
}

/**
 * checkErrorResponse's violations; with `suggest` false, an unknown code is not compared with every
 * code of its type for a "did you mean" (errorBodySchema's issues skip that work: a program reads them).
 */
export function violationsOf(status: unknown, body: unknown, suggest: boolean): ContractViolation[] {
  const members = readMembers(body);
  if (typeof members === 'string') return [{ rule: 'body', message: members }];
  const type = valueOf(members.type);
  const violations: ContractViolation[] = [];
  const add = (rule: ContractViolation['rule'], message: string | undefined) => {
    if (message !== undefined) violations.push({ rule, message });
  };
  add('type', notAString('type', members.type) ?? (isErrorType(type) ? undefined : `\`type\` ${describe(type)} is not an error type`));
  add('code', notAString('code', members.code) ?? codeProblem(type, valueOf(members.code) as string, suggest));
  add('message', notAString('message', members.message) ?? (valueOf(members.message) === '' ? '`message` is empty' : undefined));
  add('members', membersProblem(body as object));
  add('status', statusProblem(status, type));
  return violations;
}

/** What is wrong with a code (a string) for the type, if the type is known. */
function codeProblem(type: unknown, code: string, suggest: boolean): string | undefined {
  if (!isErrorType(type) || isCodeOf(type, code)) return undefined;
  if (hasOpenCodes(type)) return `\`code\` ${describe(code)} is not a well-formed code`;
  const elsewhere = typesOf(code);
  if (elsewhere.length > 0) return `\`code\` ${describe(code)} is a code of ${elsewhere.join(', ')}, not of ${type}`;
  const near = suggest ? nearest(code, codesOf(type)) : [];
  return `\`code\` ${describe(code)} is not a code of ${type}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

function membersProblem(body: object): string | undefined {
  const others = otherMembers(body);
  if (others === undefined) return 'the members of the body cannot be listed';
  return others.length > 0 ? `members the contract does not allow: ${others.map((m) => describe(m)).join(', ')}` : undefined;
}

function statusProblem(status: unknown, type: unknown): string | undefined {
  if (status === undefined) return undefined;
  if (typeof status !== 'number' || !Number.isInteger(status)) return `the HTTP status is ${describe(status)}, not an integer`;
  if (isErrorType(type) && statusOf(type as ErrorType) !== status) return `HTTP ${status} does not fit ${type}, which is sent with ${statusOf(type)}`;
  return undefined;
}
