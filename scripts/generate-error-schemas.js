// Step: generate generated/error-schemas.ts, the schema of each error type as plain data for
// narrowing (`payment-errors narrow`, the Redocly decorator), which writes copies of them with
// only the codes an operation declares. Each is self-contained ($refs inlined) and written in
// the words OpenAPI 3.0 and 3.1 share (`const` as a one-value `enum`), so that a copy fits a spec
// of either version.
import { GENERATED_HEADER } from './bundle.js';
import { readContract } from './lib/contract-model.js';
import { GENERATED } from './lib/layout.js';
import { runGenerator } from './lib/generator-step.js';

const SCHEMA_REF = '#/components/schemas/';

/** @param {any} document the bundled document @returns {Record<string, string>} */
export function generateErrorSchemas(document) {
  const schemas = Object.fromEntries(readContract(document).types.map((t) => [t.type, portable(document.components.schemas[t.schema], document)]));
  const lines = [
    `// ${GENERATED_HEADER}`,
    '',
    '/**',
    ' * The schema of each error type, self-contained and valid in OpenAPI 3.0 and 3.1: what a',
    ' * narrowed response copies, with only the codes its operation declares.',
    ' */',
    `export const errorTypeSchemas: { readonly [type: string]: Readonly<Record<string, unknown>> } = ${JSON.stringify(schemas, null, 2)};`,
    '',
  ];
  return { [`${GENERATED}/error-schemas.ts`]: lines.join('\n') };
}

/**
 * A schema with every local $ref inlined (members beside a $ref kept) and `const` as an enum.
 * @param {any} schema @param {any} document @returns {any}
 */
function portable(schema, document) {
  if (Array.isArray(schema)) return schema.map((s) => portable(s, document));
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $ref, const: constant, ...rest } = schema;
  /** @type {Record<string, unknown>} */
  const out = typeof $ref === 'string' && $ref.startsWith(SCHEMA_REF) ? portable(document.components.schemas[$ref.slice(SCHEMA_REF.length)], document) : {};
  for (const [key, value] of Object.entries(rest)) out[key] = key.startsWith('x-') ? value : portable(value, document);
  if (constant !== undefined) out.enum = [constant];
  return out;
}

await runGenerator(import.meta, generateErrorSchemas);
