// Lets each step module run alone from the command line (`node scripts/<step>.js`) while the
// pipeline imports the same module and calls its function. Every command holds the lock of its
// project tree, and first finishes (or removes) what a stopped command left half-written.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rootFromArgv } from './layout.js';
import { withLock } from './lock.js';
import { ProblemsError } from './problems.js';
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
  const root = rootFromArgv();
  try {
    const said = await withLock(root, async () => {
      for (const line of await recoverWrites(root)) console.error(line);
      return step();
    });
    if (said) console.log(said);
  } catch (error) {
    // A problem found in the input is said plainly; anything else is a bug, with its stack.
    console.error(error instanceof ProblemsError || error instanceof UserError ? error.message : error instanceof Error ? error.stack : String(error));
    process.exitCode = 1;
  }
}
