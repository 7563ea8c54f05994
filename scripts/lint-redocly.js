// Step: lint openapi/ with Redocly (the rules in redocly.yaml). Runs on the source files rather
// than the bundle so that each problem names the file and line a person edits.
import path from 'node:path';
import { lint, loadConfig } from '@redocly/openapi-core';
import { REDOCLY_CONFIG, SPEC, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';
import { redoclyProblems } from './lib/redocly-problems.js';
import { throughSources } from './lib/source-resolver.js';

/** @param {string} root @returns {Promise<import('./lib/problems.js').Problem[]>} */
export async function lintRedocly(root) {
  const config = await loadConfig({ configPath: path.join(root, REDOCLY_CONFIG) });
  const { result, problems } = await throughSources(root, (externalRefResolver) => lint({ ref: path.join(root, SPEC), config, externalRefResolver }));
  return result ? redoclyProblems(root, 'redocly', result) : problems;
}

if (isMain(import.meta)) {
  await runMain(async () => {
    assertNoProblems('lint:redocly', await lintRedocly(rootFromArgv()));
    return `lint:redocly: ${SPEC} has no problems`;
  });
}
