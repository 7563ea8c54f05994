// Step: generate generated/error-body.schema.json, a JSON Schema 2020-12 of the error body (the
// union of every error type) for consumers in other languages. It is the document's ErrorBody
// with the schemas it refers to under $defs, and the OpenAPI-only keywords (discriminator,
// x-* extensions) left out so that any JSON Schema validator accepts it.
import { GENERATED_HEADER } from './bundle.js';
import { UNION_SCHEMA } from './lib/contract-model.js';
import { GENERATED } from './lib/layout.js';
import { runGenerator } from './lib/generator-step.js';

const SCHEMA_REF = '#/components/schemas/';

/** @param {any} document the bundled document @returns {Record<string, string>} */
export function generateJsonSchema(document) {
  const schemas = document.components.schemas;
  /** @type {Record<string, unknown>} */
  const defs = {};
  const pending = [UNION_SCHEMA];
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    if (name in defs) continue;
    defs[name] = portable(schemas[name], (ref) => {
      const target = ref.slice(SCHEMA_REF.length);
      pending.push(target);
      return `#/$defs/${target}`;
    });
  }
  const { [UNION_SCHEMA]: root, ...rest } = defs;
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:payment-error-contract:error-body',
    $comment: `${GENERATED_HEADER} Contract version ${document.info.version}.`,
    title: UNION_SCHEMA,
    ...(/** @type {object} */ (root)),
    $defs: rest,
  };
  return { [`${GENERATED}/error-body.schema.json`]: JSON.stringify(schema, null, 2) + '\n' };
}

/**
 * A copy of a schema without OpenAPI-only keywords, with each $ref rewritten.
 * @param {unknown} node @param {(ref: string) => string} rewrite @returns {unknown}
 */
function portable(node, rewrite) {
  if (Array.isArray(node)) return node.map((item) => portable(item, rewrite));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'discriminator' && !key.startsWith('x-'))
      .map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF) ? rewrite(value) : portable(value, rewrite)]),
  );
}

await runGenerator(import.meta, generateJsonSchema);
