// document-version: a spec $refs the package's document of its own OpenAPI version: a 3.0 spec
// the 3.0 translation (openapi-3.0.yaml), a 3.1 spec the 3.1 document (openapi.yaml). The 3.1
// document in a 3.0 spec passes every other rule and the engines' resolvers, while its 3.1
// keywords (`const`, lists of `examples`) are not 3.0: Redocly's struct rule reports them inside
// node_modules, where nothing can be changed. Reported on each $ref of the user's that leads there.
import { openApiVersion, type JsonPath, type Tree } from '../../openapi/document.ts';
import { packageDocumentVersion } from '../package-ref.ts';
import type { Reported } from '../rule.ts';

export function* documentVersion(root: object, tree: Tree): Generator<Reported> {
  const version = openApiVersion(root);
  if (version === undefined || tree.origin === undefined) return;
  // Nothing to look for when the spec reads no document of the package of the other version.
  const files = tree.files?.();
  if (files && ![...files].some((file) => { const of = packageDocumentVersion(file); return of !== undefined && of !== version; })) return;
  const other = version === '3.0' ? '3.1' : '3.0';
  // Every object of the user's files once, depth first; nothing inside an installed package.
  const seen = new Set<object>([root]);
  const stack: Array<{ node: object; path: JsonPath }> = [{ node: root, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, path } = next;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    const below: Array<{ node: object; path: JsonPath }> = [];
    for (const key of keys) {
      const value = tree.get(node, key);
      if (typeof value !== 'object' || value === null) continue;
      const origin = tree.origin(value, [...path, key]);
      if (origin?.installed) {
        if (packageDocumentVersion(origin.file) !== other) continue;
        const written = origin.file.replace(/^.*[\\/]/, '');
        yield {
          message:
            version === '3.0'
              ? `This $ref leads into the package's OpenAPI 3.1 document (${written}), whose 3.1 keywords (\`const\`, lists of \`examples\`) an OpenAPI 3.0 spec does not have: $ref {ref}, its 3.0 translation.`
              : `This $ref leads into the package's OpenAPI 3.0 translation (${written}); an OpenAPI 3.1 spec uses the 3.1 document: $ref {ref}.`,
          path: [...path, key],
          suggest: `#${origin.pointer}`,
          about: node,
          once: String(key),
        };
        continue;
      }
      if (seen.has(value)) continue;
      seen.add(value);
      below.push({ node: value, path: [...path, key] });
    }
    // In the order written: the first member's objects are looked at first.
    stack.push(...below.reverse());
  }
}
