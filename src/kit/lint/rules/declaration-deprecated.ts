// declaration-deprecated: a code an operation's x-payment-errors declares is not deprecated by the contract.
import { DECLARATION } from '../../../runtime/declaration.ts';
import { declarationOf } from '../../openapi/declarations.ts';
import { walkDocument } from '../../openapi/walk.ts';
import type { Reported } from '../rule.ts';
import type { Tree } from '../../openapi/document.ts';

export function* declarationDeprecated(root: object, tree: Tree): Generator<Reported> {
  for (const operation of walkDocument(root, tree).operations) {
    const read = declarationOf(operation.operation, tree);
    const value = read && tree.get(operation.operation, DECLARATION);
    for (const { path, type, code, replacement } of read?.deprecated ?? []) {
      yield {
        message: `${DECLARATION}: ${type}.${code} is deprecated${replacement ? `; declare ${replacement}, which replaces it` : ''}. A major release of the contract will remove it.`,
        path: [...operation.path, DECLARATION, ...path],
        ...(typeof value === 'object' && value !== null ? { about: value, once: `${type}.${code}` } : {}),
      };
    }
  }
}

