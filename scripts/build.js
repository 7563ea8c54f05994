// npm run build: the whole pipeline.
//   bundle     openapi/ (read strictly: lib/source-resolver.js) -> one document; the docs start
//              rendering from it at once, in a process of their own (redocly build-docs), while
//              the rest runs here
//   validate   lint:redocly, then lint:spectral ∥ verify:catalog on the bundle
//   generate   bundle (3.1, and its OpenAPI 3.0 translation), types (openapi-typescript), runtime
//              data, JSON Schema, ERRORS.md -> generated/, all files or none
//   compile    type-check and emit dist/; then the rendered docs are put in place
// Nothing is written when a step fails (and the docs render is stopped); each write is all or
// nothing even when the build is killed (lib/write-files.js). From the command line it holds the
// lock of the project, and first recovers what a killed command left (lib/main.js).
import { bundleSpec } from './bundle.js';
import { renderDocs } from './docs.js';
import { rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { time } from './lib/time.js';
import { writeGenerated } from './lib/write-generated.js';

/**
 * @param {string} root
 * @param {{ docs?: boolean, compile?: boolean, log?: (line: string) => void }} [options]
 *   docs, compile: run those steps (default true); tests that only need generated/ turn them off
 */
export async function build(root, { docs = true, compile: compiles = true, log = console.log } = {}) {
  /** @type {Array<[string, number]>} */
  const timings = [];
  const timed = (/** @type {string} */ step, /** @type {number} */ ms) => timings.push([step, ms]);
  const started = performance.now();
  const bundled = await time('bundle', () => bundleSpec(root), timed);
  const stop = new AbortController();
  const rendering = docs && bundled.problems.length === 0 ? time('docs', () => renderDocs(root, bundled.document, { signal: stop.signal }), timed) : undefined;
  // Kept from crashing the process if the build fails before it is awaited.
  rendering?.catch(() => {});
  try {
    // The linters and generators load while the docs render.
    const { generate, validate } = await import('./lib/pipeline.js');
    const document = await validate(root, timed, bundled);
    const files = await generate(document, timed);
    log(`generate: ${await writeGenerated(root, files)}`);
    if (compiles) {
      // Loaded here, not at start: TypeScript is loaded by then (openapi-typescript uses it).
      const { compile } = await import('./compile.js');
      log(await time('compile', () => compile(root), timed));
    }
    const rendered = await rendering;
    if (rendered) log(await rendered.publish());
  } catch (error) {
    stop.abort();
    await rendering?.then((r) => r.discard(), () => {});
    throw error;
  }
  const steps = timings.map(([step, ms]) => `${step} ${Math.round(ms)} ms`).join(', ');
  log(`build: done in ${Math.round(performance.now() - started)} ms (${steps})`);
  return timings;
}

if (isMain(import.meta)) {
  await runMain(async () => {
    await build(rootFromArgv());
  });
}
