// Step: generate TypeScript from the bundle with openapi-typescript: generated/openapi.ts holds a
// type per schema (SchemaPaymentError, ...) and a const array of the values of every code enum.
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
import { GENERATED } from './lib/layout.js';
import { runGenerator } from './lib/generator-step.js';

/** @param {any} document the bundled document @returns {Promise<Record<string, string>>} */
export async function generateTypes(document) {
  const ast = await openapiTS(withoutDiscriminators(document), { rootTypes: true, enumValues: true, silent: true });
  return { [`${GENERATED}/openapi.ts`]: COMMENT_HEADER + astToString(ast) };
}

/**
 * A copy of the document (openapi-typescript mutates what it is given) without `discriminator`.
 * With one, openapi-typescript replaces each variant's `type` by an enum of its own making, whose
 * doc comment reads "(enum property replaced by openapi-typescript)" where the spec's description
 * should be. Without it, `type` is the variant's `const`: the same literal type, so `switch` still
 * narrows (tests/runtime/types.test-d.ts), under the spec's own description.
 * @param {unknown} node @param {boolean} [names] whether the keys of `node` are names (of properties), not keywords
 * @returns {any}
 */
function withoutDiscriminators(node, names = false) {
  if (Array.isArray(node)) return node.map((item) => withoutDiscriminators(item));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => names || key !== 'discriminator')
      .map(([key, value]) => [key, withoutDiscriminators(value, !names && key === 'properties')]),
  );
}

await runGenerator(import.meta, generateTypes);
