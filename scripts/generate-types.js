// Step: generate TypeScript from the bundle with openapi-typescript: generated/openapi.ts holds a
// type per schema (SchemaPaymentError, ...) and a const array of the values of every enum.
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
import { GENERATED } from './lib/layout.js';
import { runGenerator } from './lib/generator-step.js';

/** @param {any} document the bundled document @returns {Promise<Record<string, string>>} */
export async function generateTypes(document) {
  // openapi-typescript mutates what it is given; hand it a copy.
  const ast = await openapiTS(structuredClone(document), { rootTypes: true, enumValues: true, silent: true });
  return { [`${GENERATED}/openapi.ts`]: COMMENT_HEADER + astToString(ast) };
}

await runGenerator(import.meta, generateTypes);
