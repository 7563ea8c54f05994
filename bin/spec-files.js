// @ts-check
// The Node side of reading and writing API specs for the CLI (narrow, check --spec): only regular
// files read, each once, strictly as UTF-8 and up to a size; $refs resolved as paths; a file
// written whole or not at all, never through a planted link, never over anything but a regular
// file. src/kit/ does the rest, free of Node.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, open, readFile, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { bytePlace, decodeUtf8 } from '../dist/src/cli/text.js';

/** @returns {import('../dist/src/cli/commands.js').SpecIo} */
export function specFiles() {
  return { identify, read, resolve, jsonTwin, write, rebase };
}

/** What a file that is not a regular one is, for messages. @param {import('node:fs').Stats} info */
function kindOf(info) {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The same for every name (symbolic or hard link) of one file. @param {string} file */
async function identify(file) {
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`it is ${kindOf(info)}, not a file`);
  return `${info.dev}:${info.ino}`;
}

/**
 * A regular file's text and size, or undefined past `maxBytes`: UTF-8 or an error naming the first
 * byte that is not; a byte order mark is kept (narrow writes it back). A named pipe, a device or a
 * socket is never read: opened without waiting (O_NONBLOCK), and refused by what it is.
 * @param {string} file @param {number} maxBytes
 */
async function read(file, maxBytes) {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(async (/** @type {NodeJS.ErrnoException} */ error) => {
    // A socket cannot be opened at all (ENXIO): say what it is.
    const info = error.code === 'ENXIO' ? await stat(file).catch(() => undefined) : undefined;
    throw info ? new Error(`it is ${kindOf(info)}, not a file`) : error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`it is ${kindOf(info)}, not a file`);
    /** @type {Buffer[]} */
    const chunks = [];
    let bytes = 0;
    // At most one byte past the limit is read: "too large" is told without holding more.
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(info.size + 1 - bytes, 64 * 1024), maxBytes + 1 - bytes));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      bytes += bytesRead;
      if (bytes > maxBytes) return undefined;
    }
    return { text: decoded(chunks.length === 1 ? /** @type {Buffer} */ (chunks[0]) : Buffer.concat(chunks)), bytes };
  } finally {
    await handle.close();
  }
}

/** @param {Buffer} bytes */
function decoded(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Where: the byte to look at (read again only now, on the way out).
    const result = decodeUtf8(bytes);
    const at = 'invalidAt' in result ? result.invalidAt : undefined;
    throw new Error(`it is not UTF-8 text${at === undefined ? '' : ` (byte 0x${bytes[at]?.toString(16).toUpperCase().padStart(2, '0')} at ${bytePlace(bytes, at)})`}`);
  }
}

/** @param {string} fromFile @param {string} relative */
function resolve(fromFile, relative) {
  return path.resolve(path.dirname(fromFile), relative);
}

/**
 * generated/openapi.json for generated/openapi.yaml (and the 3.0 pair) of an installed copy of
 * this package (its package.json says so), when it is there; undefined for any other file.
 * @param {string} file
 */
async function jsonTwin(file) {
  const match = /^(.*)[\\/]generated[\\/](openapi(?:-3\.0)?)\.ya?ml$/.exec(file);
  if (!match) return undefined;
  const [, root = '', name = ''] = match;
  try {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    if (manifest?.name !== 'payment-error-contract') return undefined;
    const twin = path.join(root, 'generated', `${name}.json`);
    await access(twin);
    return twin;
  } catch {
    return undefined;
  }
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
