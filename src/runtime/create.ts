// Building error bodies, for servers. The types let only codes of the given type compile; the
// catalog message is filled in. It never throws: from JavaScript, a pair the contract does not
// know yields an `api_error` body that says so, which is what a server bug is.
import { allowsCode, documentedEntry, documentedRulesOf } from './lookup.ts';
import { describe } from './read.ts';
import type { CreatedErrorBody, ErrorBody, ErrorCodeOf, ErrorType, MessageFor } from './types.ts';

/** The code of the body createErrorBody returns when it is given a type and code the contract does not know. */
export const INVALID_ERROR_BODY_CODE = 'invalid_error_body';

/**
 * `createErrorBody('payment_error', 'expired_card')` is
 * `{ type: 'payment_error', code: 'expired_card', message: 'Expired card' }`. For a type whose
 * codes the reference leaves open there is no catalog message, so `message` is required.
 */
export function createErrorBody<const T extends ErrorType, const C extends ErrorCodeOf<T>>(type: T, code: C, ...message: MessageFor<T>): CreatedErrorBody<T, C>;
export function createErrorBody(type: unknown, code: unknown, message?: unknown): ErrorBody {
  // One lookup finds the type's rules and its catalog entries.
  const rules = documentedRulesOf(type);
  if (rules === undefined || typeof code !== 'string' || !allowsCode(rules, code)) {
    return {
      type: 'api_error',
      code: INVALID_ERROR_BODY_CODE,
      message: `The server built an error body the contract does not know (type ${describe(type)}, code ${describe(code)}). Contact technical support.`,
    };
  }
  const text = typeof message === 'string' && message.length > 0 ? message : (documentedEntry(rules, code)?.message ?? `${rules.type}: ${code}`);
  return { type: rules.type, code, message: text } as ErrorBody;
}
