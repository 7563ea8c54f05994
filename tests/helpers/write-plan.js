// `node write-plan.js <plan.json> --root <dir>`: writes a plan with the pipeline's all-or-nothing
// writer, for tests that stop it at each of its writes (kill-at-write.js). A plan maps a path to
// the content of a file (as planRelease returns them: writeFiles), or to a folder's files, name ->
// content (folders swapped in whole, as compile does: createStage and commitStage).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rootFromArgv } from '../../scripts/lib/layout.js';
import { commitStage, createStage, writeFiles } from '../../scripts/lib/write-files.js';

const root = rootFromArgv();
/** @type {Record<string, string | Record<string, string>>} */
const plan = JSON.parse(await readFile(process.argv[2] ?? '', 'utf8'));
const folders = Object.entries(plan).filter((entry) => typeof entry[1] !== 'string');
if (folders.length === 0) {
  await writeFiles(root, /** @type {Record<string, string>} */ (plan));
} else {
  const stage = await createStage(root);
  for (const [folder, files] of folders) {
    await mkdir(path.join(stage, folder), { recursive: true });
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(stage, folder, name), content);
  }
  await commitStage(root, stage, folders.map(([folder]) => folder));
}
