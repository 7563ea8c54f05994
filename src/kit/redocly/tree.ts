// How the Redocly adapters read a document: Redocly hands a visitor the document as written, and
// a $ref is resolved from the file it is in, through Redocly's own resolver.
import { isRef, type Origin, type Tree } from '../openapi/document.ts';
import { pointerToken, resolvePointer } from '../openapi/pointer.ts';
import { isInstalledFile } from '../lint/package-ref.ts';
import type { VisitorContext } from './types.ts';

/** The document as written: a $ref is resolved from the file it is in. */
export function redoclyTree(ctx: VisitorContext): Tree {
  const rootFile = ctx.location.source.absoluteRef;
  // Where each object read from a file other than the root's is: a $ref in it resolves from there.
  const origins = new WeakMap<object, Origin>();
  // Where each $ref object leads, resolved once: it is in one file, however often it is read.
  const targets = new WeakMap<object, unknown>();
  return {
    get(node, key) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
      const value = (node as Record<string | number, unknown>)[key];
      if (!isRef(value)) {
        const from = typeof value === 'object' && value !== null ? origins.get(node) : undefined;
        if (from !== undefined && !origins.has(value as object)) origins.set(value as object, { ...from, pointer: `${from.pointer}/${pointerToken(key)}` });
        return value;
      }
      if (targets.has(value)) return targets.get(value);
      const resolved = ctx.resolve(value, origins.get(node)?.file ?? rootFile);
      const target = resolved.location ? resolved.node : undefined;
      const file = resolved.location?.source.absoluteRef;
      if (typeof target === 'object' && target !== null && file !== rootFile && file !== undefined && !origins.has(target)) {
        origins.set(target, { file, pointer: (resolved.location?.pointer ?? '').replace(/^#/, ''), installed: isInstalledFile(file, rootFile) });
      }
      targets.set(value, target);
      return target;
    },
    origin: (node) => origins.get(node),
  };
}

/** One tree per document, shared by the rules: what one rule resolved and walked, the others reuse. */
const trees = new WeakMap<object, Tree>();

export function treeOf(root: object, ctx: VisitorContext): Tree {
  let tree = trees.get(root);
  if (!tree) trees.set(root, (tree = redoclyTree(ctx)));
  return tree;
}

/** A bundle read through local $refs (pointers into itself), and Redocly's resolver for the rest. */
export function bundleTree(root: object, ctx: VisitorContext): Tree {
  const outside = redoclyTree(ctx);
  return {
    get(node, key) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
      let value = (node as Record<string | number, unknown>)[key];
      for (let hops = 0; isRef(value) && value.$ref.startsWith('#/') && hops < 32; hops++) value = resolvePointer(root, value.$ref.slice(1));
      return isRef(value) ? outside.get(node, key) : value;
    },
  };
}
