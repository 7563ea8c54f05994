// @ts-check
// The Node side of reading and writing API specs for the CLI (narrow, check --spec): files read
// strictly as UTF-8 and up to a size, $refs resolved as paths, YAML through the optional js-yaml
// package, a file written whole or not at all. src/kit/ does the rest, free of Node.
import { createReadStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bytePlace, decodeUtf8 } from '../dist/src/cli/text.js';

/** The largest spec file the CLI reads: far above any real spec, far below what would exhaust memory. */
const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/** @returns {import('../dist/src/cli/commands.js').SpecIo} */
export function specFiles() {
  return { read, resolve, yaml, jsonTwin, write, rebase };
}

/** A file's text: at most MAX_SPEC_BYTES, UTF-8 or an error naming the first byte that is not; a byte order mark is kept (narrow writes it back). @param {string} file */
async function read(file) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    size += chunk.length;
    if (size > MAX_SPEC_BYTES) throw new Error(`it is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MiB, more than a spec file has`);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Where: the byte to look at (read again only now, on the way out).
    const decoded = decodeUtf8(bytes);
    const at = 'invalidAt' in decoded ? decoded.invalidAt : undefined;
    throw new Error(`it is not UTF-8 text${at === undefined ? '' : ` (byte 0x${bytes[at]?.toString(16).toUpperCase().padStart(2, '0')} at ${bytePlace(bytes, at)})`}`);
  }
}

/** @param {string} fromFile @param {string} relative */
function resolve(fromFile, relative) {
  return path.resolve(path.dirname(fromFile), relative);
}

/** The js-yaml package, when it is installed (an optional peer dependency). */
async function yaml() {
  try {
    return /** @type {any} */ (await import('js-yaml'));
  } catch {
    return undefined;
  }
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

/** Staged beside its target, then renamed into place: a failure leaves the target as it was. @param {string} file @param {string} text */
async function write(file, text) {
  const staged = `${file}.${process.pid}.tmp`;
  // Outside the try: when the folder cannot be made, nothing was staged, and removing it would
  // fail too (ENOTDIR), hiding why.
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(staged, text);
    await rename(staged, file);
  } catch (error) {
    await rm(staged, { force: true });
    throw error;
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
