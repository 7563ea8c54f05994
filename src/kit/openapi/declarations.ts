// An operation's x-payment-errors as the tooling reads it: through a `Tree`, so that a declaration
// shared by $ref is followed the way the engine (or the CLI's reader) resolves it. Read once per
// operation, and once per declaration operations share by $ref: the lint rules, narrowing and the
// CLI all ask. What a declaration says is read by src/runtime/declaration.ts, the one reader.
import { operationDeclaration, readDeclaration, type Get, type ReadDeclaration } from '../../runtime/declaration.ts';
import type { Tree } from './document.ts';

interface Read {
  readonly operations: WeakMap<object, ReadDeclaration | null>;
  readonly values: WeakMap<object, ReadDeclaration>;
}

/** Per tree: the same object may be read through another engine's tree, which resolves $refs its own way. */
const reads = new WeakMap<Tree, Read>();

/**
 * The operation's declaration, read; undefined when it has none. A $ref to a declaration that is
 * not there is its one problem (at the declaration itself).
 */
export function declarationOf(operation: object, tree: Tree): ReadDeclaration | undefined {
  let read = reads.get(tree);
  if (!read) reads.set(tree, (read = { operations: new WeakMap(), values: new WeakMap() }));
  const { operations, values } = read;
  let found = operations.get(operation);
  if (found === undefined) {
    const byValue = (value: unknown, get: Get): ReadDeclaration => {
      if (typeof value !== 'object' || value === null) return readDeclaration(value, get);
      let one = values.get(value);
      if (!one) values.set(value, (one = readDeclaration(value, get)));
      return one;
    };
    found = operationDeclaration(operation, (node, key) => tree.get(node, key), byValue) ?? null;
    operations.set(operation, found);
  }
  return found ?? undefined;
}
