// Writes a set of files (or swaps in folders) all or nothing, even when the process is killed
// half-way:
//   1. what is new is written to a stage, a fresh folder .pipeline/stage-<pid>-*/ that mirrors
//      the project (on the same file system, so a rename moves it);
//   2. the stage's journal is written under a temporary name and renamed: from then on the write
//      is decided. For each target it records a fingerprint of what the target held before and
//      of what is staged for it;
//   3. the staged files and folders are renamed onto their targets, then the stage is removed. A
//      folder cannot be renamed onto a folder that has files, so every old folder is first moved
//      into the stage, then every new one in: killed in between, a folder is missing until the
//      next command (loud), never an old one beside a new one (silently mixed).
// Killed before 2, no target was touched; killed after it, the journal says what is left to do.
//
// recoverWrites() runs under the lock of the tree (lib/main.js: every command runs it first), so
// every stage it finds that this process did not make was left by a stopped command, whatever
// its pid says (pids are reused). A stage with a complete journal is finished only when every
// target still holds what the journal expects: what it held before (not written yet), or what was
// staged (written already). Anything else means the files changed after the stage was made, and
// finishing it would put older content over newer: it is removed and nothing is written. A stage
// without a complete journal is removed.
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WORK } from './layout.js';
import { isRunning, readHolderFile } from './lock.js';

const JOURNAL = 'journal.json';
/** Where a folder's old content goes in the stage, beside the new: <stage>/<target>.replaced */
const REPLACED = '.replaced';

/**
 * @typedef {{ path: string, before: string | null, staged: string }} JournalEntry
 *   path relative to root (and to the stage); before: fingerprint of the target before (null: absent)
 */

/** The stages this process made and has not finished or removed: every other one is a stopped command's. */
const ownStages = new Set();

/**
 * Writes every changed file or none; unchanged files are not touched.
 * @param {string} root
 * @param {Record<string, string>} files path relative to root -> content
 * @returns {Promise<string[]>} the files that changed
 */
export async function writeFiles(root, files) {
  const changed = [];
  for (const [file, content] of Object.entries(files)) {
    const now = await readFile(path.join(root, file)).catch(() => undefined);
    if (!now?.equals(Buffer.from(content))) changed.push(file);
  }
  if (changed.length === 0) return changed;
  const stage = await createStage(root);
  try {
    for (const folder of new Set(changed.map((file) => path.dirname(path.join(stage, file))))) await mkdir(folder, { recursive: true });
    for (const file of changed) await writeFile(path.join(stage, file), files[file] ?? '');
  } catch (error) {
    await removeStage(stage);
    throw error;
  }
  await commitStage(root, stage, changed);
  return changed;
}

/** A fresh, empty stage. @param {string} root @returns {Promise<string>} its path */
export async function createStage(root) {
  await mkdir(path.join(root, WORK), { recursive: true });
  const stage = await mkdtemp(path.join(root, WORK, `stage-${process.pid}-`));
  ownStages.add(stage);
  return stage;
}

/** Removes a stage of this process, written or not. @param {string} stage */
export async function removeStage(stage) {
  await rm(stage, { recursive: true, force: true });
  ownStages.delete(stage);
}

/**
 * Moves what the stage holds onto the targets, decided by its journal first.
 * @param {string} root @param {string} stage
 * @param {string[]} targets paths relative to root (and to the stage): files, or folders swapped whole
 */
export async function commitStage(root, stage, targets) {
  /** @type {JournalEntry[]} */
  const entries = [];
  for (const target of targets) entries.push({ path: target, before: await fingerprint(path.join(root, target)), staged: String(await fingerprint(path.join(stage, target))) });
  const journal = path.join(stage, JOURNAL);
  await writeFile(`${journal}.tmp`, JSON.stringify({ version: 2, targets: entries }));
  await rename(`${journal}.tmp`, journal);
  await moveIn(root, stage, entries);
  await removeStage(stage);
}

/** Renames whatever is still staged onto its target; safe to repeat. @param {string} root @param {string} stage @param {JournalEntry[]} entries */
async function moveIn(root, stage, entries) {
  for (const folder of new Set(entries.map((e) => path.dirname(path.join(root, e.path))))) await mkdir(folder, { recursive: true });
  // Old folders out first, all of them; then everything in.
  for (const { path: target } of entries) {
    const from = path.join(stage, target);
    const to = path.join(root, target);
    if ((await lstat(from).catch(() => undefined))?.isDirectory() && (await lstat(to).catch(() => undefined))) await rename(to, from + REPLACED);
  }
  for (const { path: target } of entries) {
    const from = path.join(stage, target);
    if (await lstat(from).catch(() => undefined)) await rename(from, path.join(root, target));
  }
}

/**
 * Finishes the decided writes of stopped commands, when the files are still as they left them,
 * and removes what else they left in .pipeline/ (undecided stages, lock candidates of processes
 * that are gone) and in dist/docs/ (render folders of older versions' builds). Run with the lock
 * held: a stage that this process did not make is then a stopped command's, whatever its pid.
 * @param {string} root
 * @returns {Promise<string[]>} what it did, one line each
 */
export async function recoverWrites(root) {
  const said = [];
  const work = path.join(root, WORK);
  for (const name of await readdir(work).catch(() => [])) {
    const dir = path.join(work, name);
    if (name.startsWith('lock-')) {
      // A candidate for the lock: a process waiting for it makes one now and then.
      const [file] = await readdir(dir).catch(() => []);
      const maker = file === undefined ? { pid: Number(/^lock-(\d+)-/.exec(name)?.[1]) } : await readHolderFile(path.join(dir, file));
      if (maker.pid === process.pid || !isRunning(maker)) await rm(dir, { recursive: true, force: true });
      continue;
    }
    if (!name.startsWith('stage-') || ownStages.has(dir)) continue;
    const who = `process ${/^stage-(\d+)-/.exec(name)?.[1] ?? '?'}`;
    const text = await readFile(path.join(dir, JOURNAL), 'utf8').catch(() => undefined);
    const entries = text === undefined ? undefined : journalEntries(text);
    if (text === undefined) {
      said.push(`recovered: ${who} was stopped before it wrote what it had staged; removed that`);
    } else if (!entries) {
      said.push(`recovered: ${who} left ${path.relative(root, dir)} with a journal this version cannot check (an older version's?); removed it and wrote nothing`);
    } else {
      const targets = entries.map((e) => e.path).join(', ');
      const changed = await changedSince(root, dir, entries);
      if (changed.length === 0) {
        await moveIn(root, dir, entries);
        said.push(`recovered: ${who} was stopped while writing ${targets}; finished writing them`);
      } else {
        said.push(`recovered: ${who} was stopped while writing ${targets}, but ${changed.join(', ')} changed since; left the files as they are and removed what it had staged (it is older)`);
      }
    }
    await rm(dir, { recursive: true, force: true });
  }
  const docs = path.join(root, 'dist/docs');
  for (const name of await readdir(docs).catch(() => [])) {
    if (!/^\.build-\d+$/.test(name)) continue;
    await rm(path.join(docs, name), { recursive: true, force: true });
    said.push(`recovered: removed dist/docs/${name}, left by a stopped build`);
  }
  return said;
}

/** The entries of a journal this version wrote, or undefined. @param {string} text @returns {JournalEntry[] | undefined} */
function journalEntries(text) {
  /** @type {any} */
  let journal;
  try {
    journal = JSON.parse(text);
  } catch {
    return undefined;
  }
  const targets = journal?.version === 2 && Array.isArray(journal.targets) ? journal.targets : [];
  const valid = targets.every(
    (/** @type {any} */ e) =>
      typeof e?.path === 'string' &&
      // Inside the project: a journal never moves anything elsewhere.
      e.path !== '' &&
      !path.isAbsolute(e.path) &&
      !e.path.split(/[\\/]/).includes('..') &&
      (e.before === null || typeof e.before === 'string') &&
      typeof e.staged === 'string',
  );
  return targets.length > 0 && valid ? targets : undefined;
}

/**
 * The targets that hold neither what the journal expects: what they held before (while still
 * staged; a folder may have been moved into the stage already) or what was staged (once moved in).
 * @param {string} root @param {string} stage @param {JournalEntry[]} entries
 */
async function changedSince(root, stage, entries) {
  const changed = [];
  for (const entry of entries) {
    const from = path.join(stage, entry.path);
    const now = await fingerprint(path.join(root, entry.path));
    if (!(await lstat(from).catch(() => undefined))) {
      if (now !== entry.staged) changed.push(entry.path);
    } else if (now !== entry.before && !(now === null && (await fingerprint(from + REPLACED)) === entry.before)) {
      changed.push(entry.path);
    }
  }
  return changed;
}

/**
 * What a file or folder holds, as one string: equal strings, equal contents. null when absent.
 * @param {string} file @returns {Promise<string | null>}
 */
async function fingerprint(file) {
  const info = await lstat(file).catch(() => undefined);
  if (!info) return null;
  const sha256 = (/** @type {string | Uint8Array} */ data) => createHash('sha256').update(data).digest('hex');
  if (info.isFile()) return `file:${sha256(await readFile(file))}`;
  if (info.isSymbolicLink()) return `link:${await readlink(file)}`;
  if (!info.isDirectory()) return `other:${info.mode}`;
  const parts = [];
  for (const name of (await readdir(file)).sort()) parts.push(`${name}\0${await fingerprint(path.join(file, name))}`);
  return `folder:${sha256(parts.join('\n'))}`;
}
