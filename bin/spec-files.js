// @ts-check
// The Node side of reading and writing API specs for the CLI (narrow, check --spec): files read as
// src/kit/openapi/spec-files.ts reads them for every reader of specs; a file written whole or not
// at all, never through a planted link, never over anything but a regular file.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { kindOf, nodeSpecFiles } from '../dist/src/kit/openapi/spec-files.js';

/** @returns {import('../dist/src/cli/run.js').SpecIo} */
export function specFiles() {
  return { ...nodeSpecFiles, write, rebase };
}

/**
 * Writes a file whole or not at all. The text is staged in the target's folder, in a file created
 * for it alone (O_CREAT | O_EXCL: never an existing path; O_NOFOLLOW: never through a link) under
 * a name nobody can guess and a person can read (.<name>.payment-errors-<random>.tmp), given the
 * replaced file's owner (where this process may) and mode, flushed to disk, and renamed over the
 * target; on any failure it is removed and the target is as it was. A symbolic link is written
 * through: the file it leads to is replaced, the link stays. Refused, touching nothing: anything
 * but a regular file (a folder, a named pipe, a device, a socket), a link to nothing, and a file
 * with other hard links (its other names would keep the old text).
 * @param {string} file @param {string} text
 */
async function write(file, text) {
  const { target, replaced } = await writableTarget(file);
  const folder = path.dirname(target);
  // Outside the try: when the folder cannot be made, nothing was staged.
  if (!replaced) await mkdir(folder, { recursive: true });
  const staged = path.join(folder, `.${path.basename(target).slice(0, 160)}.payment-errors-${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(staged, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
  let open_ = true;
  let renamed = false;
  try {
    await handle.writeFile(text);
    if (replaced) {
      // The owner first: a change of owner clears the set-user-ID and set-group-ID bits the mode may have.
      await handle.chown(replaced.uid, replaced.gid).catch((/** @type {NodeJS.ErrnoException} */ error) => {
        if (error.code !== 'EPERM') throw error;
      });
      await handle.chmod(replaced.mode & 0o7777);
    }
    await handle.sync();
    open_ = false;
    await handle.close();
    await rename(staged, target);
    renamed = true;
  } finally {
    if (open_) await handle.close().catch(() => {});
    if (!renamed) await rm(staged, { force: true });
  }
  await syncFolder(folder);
}

/**
 * The file to replace: `file`, or the one a symbolic link leads to; with its status when it exists.
 * @param {string} file @returns {Promise<{ target: string, replaced: import('node:fs').Stats | undefined }>}
 */
async function writableTarget(file) {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
    const link = await lstat(file).catch(() => undefined);
    if (link?.isSymbolicLink()) throw new Error(`it is a symbolic link to ${JSON.stringify(await readlink(file))}, which does not exist: narrow writes through a link only to a file that is there`);
    return { target: file, replaced: undefined };
  }
  if (!info.isFile()) throw new Error(`it is ${kindOf(info)}, not a regular file: narrow replaces only files`);
  if (info.nlink > 1) {
    throw new Error(
      `it has ${info.nlink} hard links (other names for the same file): narrow writes a new file and renames it into place, so the other names would keep the old text. Narrow to another file, or remove the other links first`,
    );
  }
  return { target: await realpath(file), replaced: info };
}

/** The rename made durable: the folder's entry flushed too, where the file system allows it. @param {string} folder */
async function syncFolder(folder) {
  try {
    const handle = await open(folder, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a folder: the file itself was flushed before the rename.
  }
}

/**
 * A relative $ref of a file, rewritten for the same file written elsewhere; undefined for a local
 * or absolute one.
 * @param {string} ref @param {string} from @param {string} to
 */
function rebase(ref, from, to) {
  const hash = ref.indexOf('#');
  const part = hash < 0 ? ref : ref.slice(0, hash);
  if (!part || /^[a-z][a-z0-9+.-]*:/i.test(part) || path.isAbsolute(part)) return undefined;
  const target = path.resolve(path.dirname(from), part);
  const relative = path.relative(path.dirname(path.resolve(to)), target).split(path.sep).join('/');
  return `${relative.startsWith('.') ? relative : `./${relative}`}${hash < 0 ? '' : ref.slice(hash)}`;
}
