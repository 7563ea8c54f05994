// Step: bundle openapi/ (one component per file) into one document, generated/openapi.yaml and
// generated/openapi.json, with Redocly's bundler. Every later step works on this bundle.
import path from 'node:path';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { stringify } from 'yaml';
import { GENERATED, REDOCLY_CONFIG, SPEC, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';
import { redoclyProblems } from './lib/redocly-problems.js';
import { throughSources } from './lib/source-resolver.js';
import { writeGenerated } from './lib/write-generated.js';

export const GENERATED_HEADER = 'Generated from openapi/ by `npm run build`. Do not edit: change openapi/ and rebuild.';

/**
 * @param {string} root
 * @returns {Promise<{ document: any, problems: import('./lib/problems.js').Problem[] }>}
 */
export async function bundleSpec(root) {
  const config = await loadConfig({ configPath: path.join(root, REDOCLY_CONFIG) });
  const { result, problems } = await throughSources(root, (externalRefResolver) => bundle({ ref: path.join(root, SPEC), config, externalRefResolver }));
  return result ? { document: result.bundle.parsed, problems: redoclyProblems(root, 'bundle', result.problems) } : { document: undefined, problems };
}

/** The bundle, or a ProblemsError when openapi/ cannot be bundled. @param {string} root */
export async function bundleOrFail(root) {
  const { document, problems } = await bundleSpec(root);
  assertNoProblems('bundle', problems);
  return document;
}

/** The bundle as the files it is published as. @param {unknown} document @returns {Record<string, string>} */
export function bundleFiles(document) {
  return {
    [`${GENERATED}/openapi.yaml`]: `# ${GENERATED_HEADER}\n` + stringify(document, { lineWidth: 0 }),
    [`${GENERATED}/openapi.json`]: JSON.stringify(document, null, 2) + '\n',
  };
}

if (isMain(import.meta)) {
  await runMain(async () => {
    const root = rootFromArgv();
    return writeGenerated(root, bundleFiles(await bundleOrFail(root)), { prune: false });
  });
}
