// responses-declared: every operation declares the 400 and 500 responses any request may get.
import { isObject, type Tree } from '../../openapi/document.ts';
import { errorStatus, walkDocument } from '../../openapi/walk.ts';
import { CONTRACT_STATUSES, sharedResponse, typesSentWith } from '../contract.ts';
import { OPERATION, type Reported } from '../rule.ts';

export function* responsesDeclared(root: object, tree: Tree): Generator<Reported> {
  for (const { operation, path } of walkDocument(root, tree).operations) {
    // A webhook is answered by the client's server, which need not speak the contract.
    if (path[0] === 'webhooks') continue;
    const responses = tree.get(operation, 'responses');
    const classes = new Set(Object.keys(isObject(responses) ? responses : {}).flatMap((key) => {
      const status = errorStatus(key);
      return status ? [status.class ?? 'default'] : [];
    }));
    if (classes.has('default')) continue;
    for (const status of CONTRACT_STATUSES) {
      if (classes.has(status as 400 | 500)) continue;
      yield {
        message: `Declare the ${status} response: any request may fail with ${typesSentWith(status).join(', ')}. $ref {ref}.`,
        path: isObject(responses) ? [...path, 'responses'] : path,
        use: OPERATION,
        suggest: sharedResponse(status as 400 | 500),
      };
    }
  }
}

