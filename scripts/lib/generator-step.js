// Lets a generator run alone (`node scripts/generate-<x>.js`): bundle openapi/, generate, write.
import { bundleOrFail } from '../bundle.js';
import { rootFromArgv } from './layout.js';
import { isMain, runMain } from './main.js';
import { writeGenerated } from './write-generated.js';

/**
 * Runs the generator when its module is the script node was started with.
 * @param {ImportMeta} meta the generator module's import.meta
 * @param {(document: any) => Record<string, string> | Promise<Record<string, string>>} generateFiles
 */
export async function runGenerator(meta, generateFiles) {
  if (!isMain(meta)) return;
  await runMain(async () => {
    const root = rootFromArgv();
    return writeGenerated(root, await generateFiles(await bundleOrFail(root)), { prune: false });
  });
}
