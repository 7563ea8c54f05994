// Writes generated files all or nothing: every file goes to a temporary file beside its target
// first and is renamed into place only when all of them were written, so a failure leaves
// generated/ as it was. Unchanged files are not touched.
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATED } from './layout.js';

/**
 * @param {string} root
 * @param {Record<string, string>} files path relative to root -> content
 * @param {{ prune?: boolean }} [options] prune: remove files in generated/ that are not in `files`
 * @returns {Promise<string>} what was written, for the log
 */
export async function writeGenerated(root, files, { prune = true } = {}) {
  const changed = [];
  for (const [file, content] of Object.entries(files)) {
    if ((await readFile(path.join(root, file), 'utf8').catch(() => undefined)) !== content) changed.push(file);
  }
  const staged = [];
  try {
    for (const file of changed) {
      const target = path.join(root, file);
      const temp = `${target}.${process.pid}.tmp`;
      await mkdir(path.dirname(target), { recursive: true });
      staged.push(temp);
      await writeFile(temp, files[file] ?? '');
    }
  } catch (error) {
    await Promise.all(staged.map((temp) => rm(temp, { force: true })));
    throw error;
  }
  for (const file of changed) {
    const target = path.join(root, file);
    await rename(`${target}.${process.pid}.tmp`, target);
  }
  const removed = prune ? await removeOthers(root, new Set(Object.keys(files))) : [];
  const parts = [`wrote ${changed.length ? changed.join(', ') : 'nothing (all up to date)'}`];
  if (removed.length) parts.push(`removed ${removed.join(', ')}`);
  return parts.join('; ');
}

/** Lists every file under generated/, relative to root. @param {string} root */
export async function listGenerated(root) {
  const entries = await readdir(path.join(root, GENERATED), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** @param {string} root @param {Set<string>} keep */
async function removeOthers(root, keep) {
  const removed = (await listGenerated(root)).filter((file) => !keep.has(file));
  await Promise.all(removed.map((file) => rm(path.join(root, file))));
  return removed;
}
