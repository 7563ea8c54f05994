// Reads a source file (openapi/, catalog/) strictly, before any tool parses it:
// - it must be a regular file of at most MAX_SOURCE_BYTES: /dev/zero in its place (or a $ref to
//   it) is otherwise read until memory runs out, and a named pipe (FIFO) waits for ever;
// - its bytes must be UTF-8: decoded leniently, a wrong byte becomes U+FFFD and is published as
//   a "verbatim" message;
// - YAML aliases may expand only so far: tools walk the expanded tree, and a few lines of nested
//   aliases (an alias bomb) otherwise take minutes and gigabytes;
// - YAML tags may only be JSON's (!!str, !!int, ...): a spec holds JSON values, and a value such
//   as `!!binary aGVsbG8=` ends Redocly's parser with a TypeError.
// A file that fails any of these is a SourceError naming the file, the line and the problem. The
// other files of the project the pipeline reads (package.json, the release record) go through the
// same reader, without the YAML checks (readProjectText).
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, visit } from 'yaml';
import { formatProblem } from './problems.js';

/** How far the YAML aliases of one file may expand: the yaml package's maxAliasCount (and default). */
const MAX_ALIAS_COUNT = 100;
/** The largest source file read: 1 MiB, some twenty times the whole of openapi/ today. */
const MAX_SOURCE_BYTES = 1 << 20;
/** The tags a YAML source may carry: those of JSON's values. */
const JSON_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** A source file that cannot be read as it is; `problem` says where and why. */
export class SourceError extends Error {
  /**
   * @param {import('./problems.js').Problem} problem
   * @param {{ reason?: string, cause?: unknown }} [details] reason: what is wrong with the file as a whole, for a message that names it from elsewhere (a $ref)
   */
  constructor(problem, { reason, cause } = {}) {
    super(formatProblem(problem), { cause });
    this.name = 'SourceError';
    this.problem = problem;
    this.reason = reason;
  }
}

/** How a file is named in messages: relative to the project, or in full when it is outside. @param {string} root @param {string} file */
export const displayName = (root, file) => {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
};

/**
 * The text of a source file (openapi/, catalog/), or a SourceError.
 * @param {string} root the project root; the file is named relative to it
 * @param {string} file absolute path
 */
export async function readSourceText(root, file) {
  const text = await readProjectText(root, file);
  // An alias starts with *, a tag with !. Syntax errors are left to the tool's own parser, which
  // names them; aliases and tags are checked all the same, since parsers differ on what is an error.
  if (!text.includes('*') && !text.includes('!')) return text;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const fail = (/** @type {string} */ rule, /** @type {string} */ message, /** @type {number} */ offset) => {
    throw new SourceError({ severity: 'error', source: 'source', rule, message, file: displayName(root, file), ...lines.linePos(offset) });
  };
  /** @type {{ tag: string, offset: number } | undefined} */
  let tagged;
  visit(doc, {
    Node: (_key, node) => {
      if (!node.tag || JSON_TAGS.has(node.tag)) return undefined;
      tagged = { tag: node.tag, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  if (tagged) {
    const tag = tagged.tag.replace(/^tag:yaml\.org,2002:/, '!!');
    return fail('yaml-tag', `YAML tag ${tag} makes a value that is not JSON, and a spec holds JSON values only; remove the tag`, tagged.offset);
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError && error.message.startsWith('Excessive alias count'))) return text;
    /** @type {number | undefined} */
    let offset;
    visit(doc, { Alias: (_key, node) => ((offset = node.range?.[0]), visit.BREAK) });
    return fail('yaml-aliases', `YAML aliases (the first is here) expand beyond the limit of ${MAX_ALIAS_COUNT} (maxAliasCount of the yaml package); write the values out instead`, offset ?? 0);
  }
  return text;
}

/**
 * The text of a file of the project, read as a source is: a regular file of at most `maxBytes`,
 * strictly UTF-8. Otherwise a SourceError (rule `missing` when there is no such file).
 * @param {string} root @param {string} file absolute path @param {number} [maxBytes]
 */
export async function readProjectText(root, file, maxBytes = MAX_SOURCE_BYTES) {
  const bytes = await readBoundedFile(root, file, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    const at = { line: bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1, col: new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1 };
    const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new SourceError({ severity: 'error', source: 'source', rule: 'utf-8', message: `byte 0x${hex} is not UTF-8; save the file as UTF-8`, file: displayName(root, file), ...at });
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`, or a SourceError. A folder, a device or a
 * named pipe is refused before it is opened, and read no further than the limit if it was put in
 * the file's place since.
 * @param {string} root @param {string} file absolute path @param {number} maxBytes
 * @returns {Promise<Buffer>}
 */
async function readBoundedFile(root, file, maxBytes) {
  const name = displayName(root, file);
  const fail = (/** @type {string} */ rule, /** @type {string} */ reason, /** @type {unknown} */ cause = undefined) => {
    throw new SourceError({ severity: 'error', source: 'source', rule, message: `${path.basename(file)} ${reason}`, file: name, line: 1, col: 1 }, { reason, cause });
  };
  const tooLarge = (/** @type {number} */ size) => fail('too-large', `has ${size > maxBytes ? `${size} bytes` : 'more bytes'}, more than the limit of ${maxBytes} bytes (${maxBytes / (1 << 20)} MiB) for a file the pipeline reads`);
  const notAFile = (/** @type {import('node:fs').Stats} */ info) => fail('not-a-file', `is ${kindOf(info)}, not a file; a source must be a regular file`);
  /** @type {import('node:fs/promises').FileHandle} */
  let handle;
  try {
    const info = await stat(file);
    if (!info.isFile()) return notAFile(info);
    if (info.size > maxBytes) return tooLarge(info.size);
    // Non-blocking: were a named pipe put in its place since, opening it would wait for a writer.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('missing', 'is missing', error);
    return fail('unreadable', `cannot be read (${code ?? String(error)})`, error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return notAFile(info);
    /** @type {Buffer[]} */
    const chunks = [];
    let length = 0;
    for (;;) {
      // Files in /proc say they are empty, and a file may grow while it is read: read up to the limit, whatever stat said.
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(Math.min(1 << 16, maxBytes + 1 - length)), 0, undefined, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return tooLarge(length);
    }
    return Buffer.concat(chunks, length);
  } finally {
    await handle.close();
  }
}

/** @param {import('node:fs').Stats} info */
function kindOf(info) {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The offset of the first byte that is not part of well-formed UTF-8, as TextDecoder judges it
 * (the one judge: no second validator to disagree with it). Called only on bytes that fail.
 * @param {Uint8Array} bytes
 */
function firstInvalidByte(bytes) {
  const decodes = (/** @type {number} */ end, /** @type {boolean} */ stream) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream });
      return true;
    } catch {
      return false;
    }
  };
  // The shortest prefix that fails even as the start of a longer text (stream: an unfinished
  // sequence at its end is no error yet); without one, only the end of the file is unfinished.
  let low = 0;
  let high = bytes.length;
  if (decodes(high, true)) low = high;
  else {
    while (high - low > 1) {
      const middle = (low + high) >>> 1;
      if (decodes(middle, true)) low = middle;
      else high = middle;
    }
  }
  // bytes[0, low) is a valid start; what makes it fail is the sequence open at `low`, or the byte there.
  if (decodes(low, false)) return low;
  for (let i = low - 1; i >= Math.max(0, low - 3); i--) if ((bytes[i] ?? 0) >= 0xc0) return i;
  return low;
}
