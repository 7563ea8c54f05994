// npm run check: is generated/ what openapi/ produces? Validates openapi/, regenerates everything
// in memory and compares it with generated/ on disk, naming each stale, missing or extra file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATED, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { generate, validate } from './lib/pipeline.js';
import { assertNoProblems } from './lib/problems.js';
import { listGenerated } from './lib/write-generated.js';

/**
 * @param {string} root
 * @returns {Promise<Array<{ file: string, problem: 'stale' | 'missing' | 'not generated' }>>} empty when in sync
 */
export async function findStaleFiles(root) {
  const files = await generate(await validate(root));
  const stale = [];
  for (const [file, content] of Object.entries(files)) {
    const onDisk = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (onDisk === undefined) stale.push({ file, problem: /** @type {const} */ ('missing') });
    else if (onDisk !== content) stale.push({ file, problem: /** @type {const} */ ('stale') });
  }
  for (const file of await listGenerated(root)) {
    if (!(file in files)) stale.push({ file, problem: /** @type {const} */ ('not generated') });
  }
  return stale;
}

const EXPLAIN = {
  stale: 'differs from what openapi/ produces',
  missing: 'is missing',
  'not generated': 'is not produced by the pipeline any more',
};

if (isMain(import.meta)) {
  await runMain(async () => {
    const stale = await findStaleFiles(rootFromArgv());
    assertNoProblems(
      `check: ${GENERATED}/ is out of date; run \`npm run build\` and commit the result`,
      stale.map(({ file, problem }) => ({ severity: 'error', source: 'check', rule: problem.replace(' ', '-'), message: EXPLAIN[problem], file, line: 1, col: 1 })),
    );
    return `check: ${GENERATED}/ is up to date`;
  });
}
