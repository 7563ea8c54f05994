// declaration: an operation's x-payment-errors maps error types of the contract to `all` or to a
// list of their codes, each once, and is written where it is read (on operations under paths and
// webhooks).
import { DECLARATION } from '../../../runtime/declaration.ts';
import { declarationOf } from '../../openapi/declarations.ts';
import { misplacedDeclarations, operationName, walkDocument } from '../../openapi/walk.ts';
import { OPERATION, type Reported } from '../rule.ts';
import type { Tree } from '../../openapi/document.ts';

export function* declaration(root: object, tree: Tree): Generator<Reported> {
  for (const operation of walkDocument(root, tree).operations) {
    const read = declarationOf(operation.operation, tree);
    if (!read) continue;
    const value = tree.get(operation.operation, DECLARATION);
    const at = [...operation.path, DECLARATION];
    for (const problem of read.problems) {
      // A $ref to nothing: the problem is this operation's use of it.
      if (value === undefined) yield { message: `The ${DECLARATION} of ${operationName(operation)} cannot be read: ${problem.message}.`, path: at, use: OPERATION };
      // A declaration shared by $ref is written once: its problems are reported once, where it is.
      else yield { message: `${DECLARATION}: ${problem.message}.`, path: [...at, ...problem.path], ...(typeof value === 'object' && value !== null ? { about: value, once: `${problem.path.join('/')} ${problem.message}` } : {}) };
    }
  }
  for (const { path, node, message } of misplacedDeclarations(root, tree)) yield { message: `${message}.`, path, about: node, once: 'misplaced' };
}

