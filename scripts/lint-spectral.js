// Step: lint the bundled document with Spectral and the rules in .spectral.js. Spectral reports
// false errors on split multi-file 3.1 documents, so it sees the bundle; each finding is mapped
// back to the file in openapi/ it came from.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { bundleFiles, bundleOrFail } from './bundle.js';
import { GENERATED, SPEC, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';
import { createSourceLocator } from './lib/source-location.js';

const { Document, Spectral } = spectralCore;

/**
 * @param {string} root
 * @param {unknown} document the bundled document
 * @returns {Promise<import('./lib/problems.js').Problem[]>}
 */
export async function lintSpectral(root, document) {
  const { default: ruleset } = await import(pathToFileURL(path.join(root, '.spectral.js')).href);
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const text = bundleFiles(document)[`${GENERATED}/openapi.yaml`] ?? '';
  const results = await spectral.run(new Document(text, spectralParsers.Yaml, `${GENERATED}/openapi.yaml`));
  const locate = createSourceLocator(root, SPEC);
  return results.map((r) => ({
    severity: r.severity === 0 ? 'error' : 'warning',
    source: 'spectral',
    rule: String(r.code),
    message: r.message,
    ...locate(r.path),
  }));
}

if (isMain(import.meta)) {
  await runMain(async () => {
    const root = rootFromArgv();
    assertNoProblems('lint:spectral', await lintSpectral(root, await bundleOrFail(root)));
    return `lint:spectral: the bundle of ${SPEC} has no problems`;
  });
}
