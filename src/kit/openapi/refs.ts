// Every $ref of a document, found by one walk for every use: the files a spec's $refs lead to
// (load.ts), the $refs rewritten for a spec written to another folder (narrow's verify.ts and
// apply-text.ts) and the components a document still uses (narrow's plan.ts). It walks data as
// a parser gives it (an object reached twice, through a YAML alias or a cycle, is walked once)
// or any other tree given its shape (narrow's outline of a file's text).
import type { JsonPath } from './document.ts';

/** Places not to look into, as a tree of keys: `true` leaves out the key and everything below it. */
export type KeyTree = Map<string, KeyTree | true>;

/** The places of `paths` as a KeyTree. */
export function keyTree(paths: Iterable<JsonPath>): KeyTree {
  const tree: KeyTree = new Map();
  for (const path of paths) {
    let node = tree;
    for (const [i, segment] of path.entries()) {
      const key = String(segment);
      const next = node.get(key);
      if (next === true) break;
      if (i === path.length - 1) node.set(key, true);
      else node.set(key, next ?? new Map());
      node = node.get(key) as KeyTree;
    }
  }
  return tree;
}

/** How to read a tree of nodes: its members, and the $ref a node holds. */
export interface Shape<N> {
  /** Calls `visit` with each member that may hold a $ref below it (a callback, not a list: a spec has hundreds of thousands). */
  members(node: N, visit: (key: string, value: N) => void): void;
  /** The $ref the node holds (a Reference Object's), or undefined. */
  ref(node: N): string | undefined;
}

/** Data as a parser gives it: objects and arrays, a $ref a string member. */
export const DATA: Shape<unknown> = {
  members(node, visit) {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const value: unknown = node[i];
        if (typeof value === 'object' && value !== null) visit(String(i), value);
      }
      return;
    }
    for (const key of Object.keys(node)) {
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === 'object' && value !== null) visit(key, value);
    }
  },
  ref(node) {
    const ref = typeof node === 'object' && node !== null ? (node as { $ref?: unknown }).$ref : undefined;
    return typeof ref === 'string' ? ref : undefined;
  },
};

/**
 * Calls `visit` for each node below the starts (the starts included) that holds a $ref, each node
 * once. A start's `skip` leaves out places below it (a node reached there is not taken as seen,
 * since it may be reached again elsewhere). What `visit` returns, when it is a node, is walked
 * too: where a $ref leads, for a walk that follows them.
 */
export function forEachRef<N>(starts: ReadonlyArray<{ readonly node: N; readonly skip?: KeyTree }>, visit: (holder: N, ref: string) => N | void, shape: Shape<N>): void {
  // Two stacks side by side, the node and what to leave out below it: no pair made per node.
  const nodes: N[] = starts.map(({ node }) => node);
  const skips: Array<KeyTree | undefined> = starts.map(({ skip }) => skip);
  const seen = new Set<unknown>();
  let skipping: KeyTree | undefined;
  const below = (key: string, value: N) => {
    const skip = skipping?.get(key);
    if (skip === true) return;
    nodes.push(value);
    skips.push(skip);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    skipping = skips.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (!skipping) {
      if (seen.has(node)) continue;
      seen.add(node);
    }
    const ref = shape.ref(node);
    if (ref !== undefined) {
      const next = visit(node, ref);
      if (next !== undefined) {
        nodes.push(next);
        skips.push(undefined);
      }
    }
    shape.members(node, below);
  }
}
