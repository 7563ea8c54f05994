// npm run build: the whole pipeline.
//   validate   lint:redocly ∥ bundle, then lint:spectral ∥ verify:catalog
//   generate   bundle, types (openapi-typescript), runtime data, JSON Schema -> generated/,
//              all files or none
//   then       docs (redocly build-docs) ∥ compile (type-check, emit dist/)
import { buildDocs } from './docs.js';
import { compile } from './compile.js';
import { rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { generate, time, validate } from './lib/pipeline.js';
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
  const document = await validate(root, timed);
  const files = await generate(document, timed);
  log(`generate: ${await writeGenerated(root, files)}`);
  const last = await Promise.all([
    docs ? time('docs', () => buildDocs(root, document), timed) : undefined,
    compiles ? time('compile', () => compile(root), timed) : undefined,
  ]);
  for (const line of last) if (line) log(line);
  const steps = timings.map(([step, ms]) => `${step} ${Math.round(ms)} ms`).join(', ');
  log(`build: done in ${Math.round(performance.now() - started)} ms (${steps})`);
  return timings;
}

if (isMain(import.meta)) {
  await runMain(async () => {
    await build(rootFromArgv());
  });
}
