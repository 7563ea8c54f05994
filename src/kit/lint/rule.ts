// What a lint rule is, written once for every engine: a function of the whole document (read
// through a `Tree`) that yields findings. src/kit/spectral/ and src/kit/redocly/ adapt the rules
// of rules/ to their engines; runRule is what both call.
import { isObject, openApiVersion, type Finding, type Tree } from '../openapi/document.ts';

export interface Rule {
  /** The rule's name: `payment-error-<name>` in Spectral, `payment-errors/<name>` in Redocly. */
  readonly name: string;
  readonly severity: 'error' | 'warn';
  readonly description: string;
  /** `root` is an OpenAPI 3.x document (see runRule). */
  readonly check: (root: object, tree: Tree) => Iterable<Reported>;
}

/**
 * A finding, and the object it is about when that object may be reached from many places: it is
 * reported once per object and `once` (the message, unless given).
 */
export type Reported = Finding & { readonly about?: object; readonly once?: string };

/** Operations are three segments deep (paths, path, method): below that, `use` findings stay on the first $ref. */
export const OPERATION = 3;

/**
 * Runs one rule on a document. Findings about an object reached from several places (a shared
 * component of the user's) are reported once. Documents other than OpenAPI 3.x get none.
 */
export function runRule(rule: Rule, root: unknown, tree: Tree): Finding[] {
  if (!openApiVersion(root) || !isObject(root)) return [];
  const findings: Finding[] = [];
  const reported = new WeakMap<object, Set<string>>();
  for (const { about, once, ...finding } of rule.check(root, tree)) {
    if (about) {
      const keys = reported.get(about) ?? new Set();
      const key = once ?? finding.message;
      if (keys.has(key)) continue;
      reported.set(about, keys.add(key));
    }
    findings.push(finding);
  }
  return findings;
}

/**
 * What `map` keeps for `key`, worked out by `compute` the first time: the rules run over every
 * operation, and operations share schemas, examples and declarations by $ref.
 */
export function kept<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, compute: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = compute()));
  return value;
}
