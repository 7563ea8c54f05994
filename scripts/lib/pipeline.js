// The two stages every entry point shares: validate openapi/ (and the catalog), then generate
// the contents of generated/ in memory. build.js writes them; check.js compares them.
import { bundleFiles, bundleSpec } from '../bundle.js';
import { generateErrorSchemas } from '../generate-error-schemas.js';
import { generateErrorsMarkdown } from '../generate-errors-md.js';
import { generateJsonSchema } from '../generate-json-schema.js';
import { generateOpenApi30 } from '../generate-openapi-3.0.js';
import { generateRuntime } from '../generate-runtime.js';
import { lintRedocly } from '../lint-redocly.js';
import { lintSpectral } from '../lint-spectral.js';
import { verifyCatalog } from '../verify-catalog.js';
import { assertNoProblems } from './problems.js';
import { time } from './time.js';

/**
 * lint:redocly and bundle, then lint:spectral and verify:catalog on the bundle. Throws a
 * ProblemsError listing every problem; returns the bundled document when there is none.
 * @param {string} root
 * @param {(step: string, ms: number) => void} [timed] told how long each step took
 * @param {Awaited<ReturnType<typeof bundleSpec>>} [bundled] the bundle, when the caller made it already
 */
export async function validate(root, timed = () => {}, bundled) {
  const [lintProblems, bundle] = await Promise.all([
    time('lint:redocly', () => lintRedocly(root), timed),
    bundled ?? time('bundle', () => bundleSpec(root), timed),
  ]);
  // A broken file shows up in both; the linter's report is the complete one.
  assertNoProblems('lint:redocly', lintProblems.length ? lintProblems : bundle.problems);
  const [spectralProblems, catalogProblems] = await Promise.all([
    time('lint:spectral', () => lintSpectral(root, bundle.document), timed),
    time('verify:catalog', () => verifyCatalog(root, bundle.document), timed),
  ]);
  assertNoProblems('lint:spectral and verify:catalog', [...spectralProblems, ...catalogProblems]);
  return bundle.document;
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
    generateOpenApi30(document),
    time('generate:types', () => generateTypes(document), timed),
    generateRuntime(document),
    generateErrorSchemas(document),
    generateJsonSchema(document),
    generateErrorsMarkdown(document),
  ]);
  return Object.assign({}, ...parts);
}

/** openapi-typescript (and TypeScript with it) loaded only once the spec is valid. @param {unknown} document */
async function generateTypes(document) {
  const types = await import('../generate-types.js');
  return types.generateTypes(document);
}
