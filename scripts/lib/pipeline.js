// The two stages every entry point shares: validate openapi/ (and the catalog), then generate
// the contents of generated/ in memory. build.js writes them; check.js compares them.
import { bundleFiles, bundleSpec } from '../bundle.js';
import { generateErrorsMarkdown } from '../generate-errors-md.js';
import { generateJsonSchema } from '../generate-json-schema.js';
import { generateRuntime } from '../generate-runtime.js';
import { generateTypes } from '../generate-types.js';
import { lintRedocly } from '../lint-redocly.js';
import { lintSpectral } from '../lint-spectral.js';
import { verifyCatalog } from '../verify-catalog.js';
import { assertNoProblems } from './problems.js';

/**
 * lint:redocly and bundle, then lint:spectral and verify:catalog on the bundle. Throws a
 * ProblemsError listing every problem; returns the bundled document when there is none.
 * @param {string} root
 * @param {(step: string, ms: number) => void} [timed] told how long each step took
 */
export async function validate(root, timed = () => {}) {
  const [lintProblems, bundled] = await Promise.all([time('lint:redocly', () => lintRedocly(root), timed), time('bundle', () => bundleSpec(root), timed)]);
  // A broken file shows up in both; the linter's report is the complete one.
  assertNoProblems('lint:redocly', lintProblems.length ? lintProblems : bundled.problems);
  const [spectralProblems, catalogProblems] = await Promise.all([
    time('lint:spectral', () => lintSpectral(root, bundled.document), timed),
    time('verify:catalog', () => verifyCatalog(root, bundled.document), timed),
  ]);
  assertNoProblems('lint:spectral and verify:catalog', [...spectralProblems, ...catalogProblems]);
  return bundled.document;
}

/**
 * Everything generated/ holds, as path -> content.
 * @param {unknown} document the bundled document
 * @param {(step: string, ms: number) => void} [timed]
 * @returns {Promise<Record<string, string>>}
 */
export async function generate(document, timed = () => {}) {
  const parts = await Promise.all([
    bundleFiles(document),
    time('generate:types', () => generateTypes(document), timed),
    generateRuntime(document),
    generateJsonSchema(document),
    generateErrorsMarkdown(document),
  ]);
  return Object.assign({}, ...parts);
}

/**
 * @template T
 * @param {string} step @param {() => Promise<T>} work @param {(step: string, ms: number) => void} timed
 * @returns {Promise<T>}
 */
export async function time(step, work, timed) {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timed(step, performance.now() - start);
  }
}
