// example: error examples use a known type, a code of that type and a message, under the status
// of their type.
import { checkErrorResponse } from '../../../runtime/check.ts';
import { walkDocument } from '../../openapi/walk.ts';
import { typesNotFitting } from '../contract.ts';
import { kept, OPERATION, type Reported } from '../rule.ts';
import type { Tree } from '../../openapi/document.ts';

export function* example(root: object, tree: Tree): Generator<Reported> {
  for (const { media } of walkDocument(root, tree).bodies) {
    // Under a schema that does not fit the status, status-fits-type reports the cause once.
    const status = typesNotFitting(media, tree).length ? undefined : media.status.class;
    for (const { value, path, label, holder } of media.examples()) {
      for (const violation of violationsOf(status, value)) {
        const message = `The error example ${label} breaks the contract: ${violation.message}.`;
        // A wrong status is this use of the example; anything else is wrong wherever it is used.
        yield violation.rule === 'status' ? { message, path, use: OPERATION } : { message, path, about: holder };
      }
    }
  }
}

/** An example's violations under a status, worked out once per example object and status: operations share examples. */
const violations = new WeakMap<object, Map<number | undefined, ReturnType<typeof checkErrorResponse>>>();

function violationsOf(status: 400 | 500 | undefined, value: unknown): ReturnType<typeof checkErrorResponse> {
  if (typeof value !== 'object' || value === null) return checkErrorResponse(status, value);
  return kept(kept(violations, value, () => new Map()), status, () => checkErrorResponse(status, value));
}

