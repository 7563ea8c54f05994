// Benchmark: what a browser app pays for the package. esbuild bundles the compiled package (dist/,
// what ships) for one import at a time and for the whole entry, minified; the figures are gzipped
// bytes. tests/runtime/bundle.test.ts uses bundleOf to show that an import carries only what it needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { REPO_ROOT } from '../scripts/lib/layout.js';

/** The module `import ... from 'payment-error-contract'` loads, as package.json's exports say. */
export const ENTRY = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).exports['.'].default;

/**
 * The minified browser bundle of `import { <names> } from 'payment-error-contract'` (every export
 * when `names` is '*'), the imports kept alive by a use of each.
 * @param {readonly string[] | '*'} names
 * @param {string} [entry] another module of the package to bundle in place of the entry
 * @returns {Promise<{ text: string, bytes: number, gzip: number, inputs: string[] }>} `inputs`: the
 *   files of the package the bundle holds, relative to the project
 */
export async function bundleOf(names, entry = ENTRY) {
  const contents = names === '*' ? `export * from '${entry}';` : `import { ${names.join(', ')} } from '${entry}';\nconsole.log(${names.join(', ')});`;
  const result = await build({
    stdin: { contents, resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const text = result.outputFiles[0]?.text ?? '';
  const inputs = Object.keys(result.metafile.inputs).filter((file) => file !== '<stdin>');
  return { text, bytes: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, inputs };
}

/** @returns {Promise<import('./run.js').Figure[]>} */
export async function benchBundle() {
  /** @type {Array<[string, readonly string[] | '*', import('./run.js').Figure['target']]>} */
  const cases = [
    ['`import { parseErrorBody }` alone', ['parseErrorBody'], { max: 4096 }],
    ['`import { isErrorBody }` alone', ['isErrorBody'], {}],
    ['`import { errorBodySchema }` alone', ['errorBodySchema'], {}],
    ['`import { errorResponse }` alone', ['errorResponse'], {}],
    ['`import { isErrorType }` alone', ['isErrorType'], {}],
    ['the whole entry', '*', {}],
  ];
  const sizes = await Promise.all(cases.map(([, names]) => bundleOf(names)));
  return cases.map(([what, , target], i) => ({
    figure: `Bundle: ${what}, esbuild minified, gzipped`,
    unit: 'B',
    ours: sizes[i]?.gzip ?? 0,
    alternative: undefined,
    target,
  }));
}
