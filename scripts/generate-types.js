// Step: generate TypeScript from the bundle with openapi-typescript: generated/openapi.ts holds a
// type per schema (SchemaPaymentError, ...) and a const array of the values of every enum.
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
import { bundleSpec } from './bundle.js';
import { GENERATED, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';
import { writeGenerated } from './lib/write-generated.js';

/** @param {any} document the bundled document @returns {Promise<Record<string, string>>} */
export async function generateTypes(document) {
  // openapi-typescript mutates what it is given; hand it a copy.
  const ast = await openapiTS(structuredClone(document), { rootTypes: true, enumValues: true, silent: true });
  return { [`${GENERATED}/openapi.ts`]: COMMENT_HEADER + astToString(ast) };
}

if (isMain(import.meta)) {
  await runMain(async () => {
    const root = rootFromArgv();
    const { document, problems } = await bundleSpec(root);
    assertNoProblems('bundle', problems);
    return writeGenerated(root, await generateTypes(document), { prune: false });
  });
}
