// example-declared: the error examples of an operation that declares its errors use only (type,
// code) pairs its x-payment-errors declares.
import { DECLARATION, declares } from '../../../runtime/declaration.ts';
import { describe } from '../../../runtime/read.ts';
import { isObject, type Tree } from '../../openapi/document.ts';
import { declarationOf } from '../../openapi/declarations.ts';
import { operationName, walkDocument, type ExampleAt, type OperationAt } from '../../openapi/walk.ts';
import { unsureTypes } from '../contract.ts';
import type { Reported } from '../rule.ts';

export function* exampleDeclared(root: object, tree: Tree): Generator<Reported> {
  // An example many operations show (in a response they share) is one finding, where it is chosen.
  const found = new Map<object, Map<string | number, { example: ExampleAt; operation: OperationAt; others: Set<object> }>>();
  for (const operation of walkDocument(root, tree).operations) {
    const read = declarationOf(operation.operation, tree);
    const unsure = read ? unsureTypes(read) : 'all';
    if (!read || unsure === 'all') continue;
    for (const media of operation.bodies) {
      for (const example of media.examples()) {
        const { value } = example;
        if (!isObject(value) || typeof value['type'] !== 'string' || typeof value['code'] !== 'string') continue;
        if (unsure.has(value['type']) || declares(read.declaration, value['type'], value['code'])) continue;
        const [at, key] = example.site;
        let keys = found.get(at);
        if (!keys) found.set(at, (keys = new Map()));
        const seen = keys.get(key);
        if (!seen) keys.set(key, { example, operation, others: new Set() });
        else if (seen.operation.operation !== operation.operation) seen.others.add(operation.operation);
      }
    }
  }
  for (const keys of found.values()) {
    for (const { example: { value, label, path, chosen }, operation, others } of keys.values()) {
      const { type, code } = value as { type: string; code: string };
      const more = others.size ? `, nor do those of ${others.size} more operation${others.size === 1 ? '' : 's'} that show it` : '';
      yield {
        message: `The example ${label} (${describe(type)}, ${describe(code)}) is not one the ${DECLARATION} of ${operationName(operation)} declares${more}.`,
        path,
        // The examples of a package response or schema the user $refs whole are not the user's
        // choice: narrowing replaces them. An example the user $refs from the package is.
        written: chosen,
      };
    }
  }
}

