// Reads a source file (openapi/, catalog/) strictly, before any tool parses it:
// - its bytes must be UTF-8: decoded leniently, a wrong byte becomes U+FFFD and is published as
//   a "verbatim" message;
// - YAML aliases may expand only so far: tools walk the expanded tree, and a few lines of nested
//   aliases (an alias bomb) otherwise take minutes and gigabytes.
// A file that fails either is a SourceError naming the file, the line and the problem.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, visit } from 'yaml';
import { formatProblem } from './problems.js';

/** How far the YAML aliases of one file may expand: the yaml package's maxAliasCount (and default). */
export const MAX_ALIAS_COUNT = 100;

/** A source file that cannot be read as it is; `problem` says where and why. */
export class SourceError extends Error {
  /** @param {import('./problems.js').Problem} problem */
  constructor(problem) {
    super(formatProblem(problem));
    this.name = 'SourceError';
    this.problem = problem;
  }
}

/**
 * The text of a source file, or a SourceError.
 * @param {string} root the project root; the file is named relative to it
 * @param {string} file absolute path
 */
export async function readSourceText(root, file) {
  const bytes = await readFile(file);
  const fail = (/** @type {string} */ rule, /** @type {string} */ message, /** @type {{ line: number, col: number }} */ at) => {
    throw new SourceError({ severity: 'error', source: 'source', rule, message, file: path.relative(root, file), ...at });
  };
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    const at = { line: bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1, col: new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1 };
    const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return fail('utf-8', `byte 0x${hex} is not UTF-8; save the file as UTF-8`, at);
  }
  // An alias starts with *. Syntax errors are left to the tool's own parser, which names them;
  // the expansion is counted all the same, since parsers differ on what is an error.
  if (text.includes('*')) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError && error.message.startsWith('Excessive alias count'))) return text;
      /** @type {number | undefined} */
      let offset;
      visit(doc, { Alias: (_key, node) => ((offset = node.range?.[0]), visit.BREAK) });
      return fail('yaml-aliases', `YAML aliases (the first is here) expand beyond the limit of ${MAX_ALIAS_COUNT} (maxAliasCount of the yaml package); write the values out instead`, lines.linePos(offset ?? 0));
    }
  }
  return text;
}

/** The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or the length. @param {Uint8Array} bytes */
function firstInvalidByte(bytes) {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
