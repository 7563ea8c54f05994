// Lets each step module run alone from the command line (`node scripts/<step>.js`) while the
// pipeline imports the same module and calls its function. Every command holds the lock of its
// project tree, and first finishes (or removes) what a stopped command left half-written.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPEC, rootFromArgv } from './layout.js';
import { withLock } from './lock.js';
import { ProblemsError } from './problems.js';
import { SourceError } from './source-text.js';
import { recoverWrites } from './write-files.js';

/** A failure a person fixes by doing what its message says (no stack trace). */
export class UserError extends Error {}

/** True when the module with this import.meta is the script node was started with. @param {ImportMeta} meta */
export const isMain = (meta) => !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(meta.url);

/**
 * Runs a step and reports it: what it says on stdout, problems on stderr with exit code 1.
 * @param {() => Promise<string | void>} step
 */
export async function runMain(step) {
  try {
    const root = await projectRoot(process.argv.slice(2));
    const said = await withLock(root, async () => {
      for (const line of await recoverWrites(root)) console.error(line);
      return step();
    });
    if (said) console.log(said);
  } catch (error) {
    // A problem found in the input is said plainly; anything else is a bug, with its stack.
    const plain = error instanceof ProblemsError || error instanceof UserError || error instanceof SourceError;
    console.error(plain ? error.message : error instanceof Error ? error.stack : String(error));
    process.exitCode = 1;
  }
}

/**
 * The project a command works on (`--root <dir>`, else this repository), once it is known to be
 * one: nothing is written into a folder that is not.
 * @param {string[]} argv
 */
async function projectRoot(argv) {
  const at = argv.indexOf('--root');
  if (at >= 0 && !argv[at + 1]) throw new UserError('--root needs the folder of a project: --root <folder>');
  const root = rootFromArgv(argv);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new UserError(`${root}: ${info ? 'not a folder' : 'no such folder'}; --root names the folder of a project (the one with package.json and ${path.dirname(SPEC)}/)`);
  const missing = [];
  if (!(await stat(path.join(root, 'package.json')).catch(() => undefined))?.isFile()) missing.push('package.json');
  if (!(await stat(path.join(root, path.dirname(SPEC))).catch(() => undefined))?.isDirectory()) missing.push(`${path.dirname(SPEC)}/`);
  if (missing.length) throw new UserError(`${root} is not the folder of a project: it has no ${missing.join(' and no ')}`);
  return root;
}
