// declaration-sendable: an operation can send each error type its x-payment-errors declares: a
// response of the type's status (or its range, or default) carries it.
import { DECLARATION } from '../../../runtime/declaration.ts';
import { isErrorType, statusOf } from '../../../runtime/lookup.ts';
import { declarationOf } from '../../openapi/declarations.ts';
import { operationName, walkDocument } from '../../openapi/walk.ts';
import { sharedResponse } from '../contract.ts';
import { analyseErrorSchema } from '../../openapi/error-schema.ts';
import { OPERATION, type Reported } from '../rule.ts';
import type { Tree } from '../../openapi/document.ts';

export function* declarationSendable(root: object, tree: Tree): Generator<Reported> {
  for (const operation of walkDocument(root, tree).operations) {
    const declared = declarationOf(operation.operation, tree)?.declaration;
    if (!declared || declared.size === 0) continue;
    const carried = new Set<string>();
    for (const media of operation.bodies) {
      const analysis = analyseErrorSchema(media.schema, tree);
      if (analysis.kind !== 'error-body') continue;
      for (const variant of analysis.variants) {
        if (variant.type === undefined || !isErrorType(variant.type)) continue;
        const status = statusOf(variant.type);
        if (media.status.class === undefined || (media.status.class === status && (!media.status.exact || Number(media.status.key) === status))) carried.add(variant.type);
      }
    }
    for (const type of declared.keys()) {
      if (carried.has(type)) continue;
      const status = statusOf(type);
      yield {
        message: `${operationName(operation)} declares ${type}, sent with ${status}, but no ${status}, ${String(status)[0]}XX or default response of it carries it: $ref {ref}.`,
        path: [...operation.path, DECLARATION, type],
        use: OPERATION,
        suggest: sharedResponse(status),
      };
    }
  }
}

