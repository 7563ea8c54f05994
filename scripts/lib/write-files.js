// Writes a set of files all or nothing. Every new content is written to a temporary file beside
// its target first; only when all of them are written are they renamed into place (a rename
// within a directory is atomic), so a failure while writing leaves every target as it was.
// Unchanged files are not touched.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * @param {string} root
 * @param {Record<string, string>} files path relative to root -> content
 * @returns {Promise<string[]>} the files that changed
 */
export async function writeFiles(root, files) {
  const changed = [];
  for (const [file, content] of Object.entries(files)) {
    if ((await readFile(path.join(root, file), 'utf8').catch(() => undefined)) !== content) changed.push(file);
  }
  const staged = (/** @type {string} */ file) => `${path.join(root, file)}.${process.pid}.tmp`;
  try {
    for (const file of changed) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(staged(file), files[file] ?? '');
    }
  } catch (error) {
    await Promise.all(changed.map((file) => rm(staged(file), { force: true })));
    throw error;
  }
  for (const file of changed) await rename(staged(file), path.join(root, file));
  return changed;
}
