// Writes generated/ all or nothing (see write-files.js), and removes files the pipeline no longer
// produces.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { GENERATED } from './layout.js';
import { writeFiles } from './write-files.js';

/**
 * @param {string} root
 * @param {Record<string, string>} files path relative to root -> content
 * @param {{ prune?: boolean }} [options] prune: remove files in generated/ that are not in `files`
 * @returns {Promise<string>} what was written, for the log
 */
export async function writeGenerated(root, files, { prune = true } = {}) {
  const changed = await writeFiles(root, files);
  const removed = prune ? (await listGenerated(root)).filter((file) => !(file in files)) : [];
  await Promise.all(removed.map((file) => rm(path.join(root, file))));
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
