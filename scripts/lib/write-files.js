// Writes a set of files (or swaps in folders) all or nothing, even when the process is killed
// half-way:
//   1. what is new is written to a stage, a fresh folder .pipeline/stage-<pid>-*/ that mirrors
//      the project (on the same file system, so a rename moves it);
//   2. the stage's journal, the list of what goes where, is written under a temporary name and
//      renamed: from then on the write is decided;
//   3. each staged file or folder is renamed onto its target, then the stage is removed.
// Killed before 2, no target was touched; killed after it, the journal says what is left to do.
// recoverWrites() finishes every decided write of a process that is gone and removes the rest of
// what it left; every entry point runs it first (lib/main.js).
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WORK } from './layout.js';
import { isRunning } from './lock.js';

const JOURNAL = 'journal.json';

/**
 * Writes every changed file or none; unchanged files are not touched.
 * @param {string} root
 * @param {Record<string, string>} files path relative to root -> content
 * @returns {Promise<string[]>} the files that changed
 */
export async function writeFiles(root, files) {
  const changed = [];
  for (const [file, content] of Object.entries(files)) {
    if ((await readFile(path.join(root, file), 'utf8').catch(() => undefined)) !== content) changed.push(file);
  }
  if (changed.length === 0) return changed;
  const stage = await createStage(root);
  try {
    for (const folder of new Set(changed.map((file) => path.dirname(path.join(stage, file))))) await mkdir(folder, { recursive: true });
    for (const file of changed) await writeFile(path.join(stage, file), files[file] ?? '');
  } catch (error) {
    await rm(stage, { recursive: true, force: true });
    throw error;
  }
  await commitStage(root, stage, changed);
  return changed;
}

/** A fresh, empty stage. @param {string} root @returns {Promise<string>} its path */
export async function createStage(root) {
  await mkdir(path.join(root, WORK), { recursive: true });
  return mkdtemp(path.join(root, WORK, `stage-${process.pid}-`));
}

/**
 * Moves what the stage holds onto the targets, decided by its journal first.
 * @param {string} root @param {string} stage
 * @param {string[]} targets paths relative to root (and to the stage): files, or folders swapped whole
 */
export async function commitStage(root, stage, targets) {
  const journal = path.join(stage, JOURNAL);
  await writeFile(`${journal}.tmp`, JSON.stringify({ targets }));
  await rename(`${journal}.tmp`, journal);
  await finish(root, stage, targets);
}

/** Renames whatever is still staged onto its target; safe to repeat. @param {string} root @param {string} stage @param {string[]} targets */
async function finish(root, stage, targets) {
  for (const folder of new Set(targets.map((target) => path.dirname(path.join(root, target))))) await mkdir(folder, { recursive: true });
  for (const target of targets) {
    const from = path.join(stage, target);
    const to = path.join(root, target);
    const staged = await stat(from).catch(() => undefined);
    if (!staged) continue;
    // A rename replaces a file at once, but not a folder that has files: the old folder goes
    // into the stage first.
    if (staged.isDirectory() && (await stat(to).catch(() => undefined))) await rename(to, `${from}.replaced`);
    await rename(from, to);
  }
  await rm(stage, { recursive: true, force: true });
}

/**
 * Finishes the decided writes of processes that are gone and removes what else they left in
 * .pipeline/ (undecided stages, lock candidates) and in dist/docs/ (render folders of older builds).
 * Run with the lock held.
 * @param {string} root
 * @returns {Promise<string[]>} what it did, one line each
 */
export async function recoverWrites(root) {
  const said = [];
  const work = path.join(root, WORK);
  for (const name of await readdir(work).catch(() => [])) {
    const pid = Number(/^(?:stage|lock)-(\d+)-/.exec(name)?.[1]);
    if (!pid || isRunning(pid)) continue;
    const dir = path.join(work, name);
    const journal = await readFile(path.join(dir, JOURNAL), 'utf8').catch(() => undefined);
    if (journal === undefined) {
      await rm(dir, { recursive: true, force: true });
      if (name.startsWith('stage-')) said.push(`recovered: process ${pid} was stopped before it wrote what it had staged; removed that`);
      continue;
    }
    const { targets } = JSON.parse(journal);
    await finish(root, dir, targets);
    said.push(`recovered: process ${pid} was stopped while writing ${targets.join(', ')}; finished writing them`);
  }
  const docs = path.join(root, 'dist/docs');
  for (const name of await readdir(docs).catch(() => [])) {
    const pid = Number(/^\.build-(\d+)$/.exec(name)?.[1]);
    if (!pid || isRunning(pid)) continue;
    await rm(path.join(docs, name), { recursive: true, force: true });
    said.push(`recovered: removed dist/docs/${name}, left by a stopped build`);
  }
  return said;
}
