// Maps a path in the bundled document back to the file, line and column it was written at in
// openapi/, following the $refs the bundler inlined. Linters that see only the bundle (Spectral,
// the catalog comparison) use it so that every message names the file a person has to edit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** @typedef {{ file: string, line: number, col: number, pointer: string }} SourceLocation */

/**
 * @param {string} root the project root; reported file names are relative to it
 * @param {string} rootFile the root document, relative to root
 * @returns {(segments: ReadonlyArray<string | number>) => SourceLocation}
 */
export function createSourceLocator(root, rootFile) {
  /** @type {Map<string, { doc: import('yaml').Document, lines: LineCounter }>} */
  const files = new Map();
  const load = (/** @type {string} */ file) => {
    let entry = files.get(file);
    if (!entry) {
      const lines = new LineCounter();
      const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, keepSourceTokens: false });
      entry = { doc, lines };
      files.set(file, entry);
    }
    return entry;
  };

  return (segments) => {
    let file = path.resolve(root, rootFile);
    /** @type {unknown} */
    let node;
    /** @type {string[]} */
    let pointer = [];
    try {
      node = load(file).doc.contents;
      for (const segment of segments) {
        // Follow a $ref to another file, as the bundler did.
        for (let hops = 0; isMap(node) && hops < 16; hops++) {
          const ref = node.get('$ref', true);
          if (!isScalar(ref) || typeof ref.value !== 'string' || ref.value.startsWith('#')) break;
          const [target = '', fragment = ''] = ref.value.split('#');
          file = path.resolve(path.dirname(file), target);
          pointer = fragment.split('/').filter(Boolean).map(unescapePointer);
          node = load(file).doc.contents;
          for (const part of pointer) node = child(node, part);
        }
        const next = child(node, segment);
        if (next === undefined) break;
        node = next;
        pointer.push(String(segment));
      }
    } catch {
      // An unreadable file still gets named; line 1 is the best place we know.
    }
    const range = /** @type {{ range?: [number, number, number] } | undefined} */ (node)?.range;
    const at = range && files.has(file) ? files.get(file)?.lines.linePos(range[0]) : undefined;
    return {
      file: path.relative(root, file),
      line: at?.line ?? 1,
      col: at?.col ?? 1,
      pointer: '#/' + pointer.map(escapePointer).join('/'),
    };
  };
}

/** @param {unknown} node @param {string | number} key */
function child(node, key) {
  if (isMap(node)) return node.get(String(key), true) ?? undefined;
  if (isSeq(node)) return node.get(Number(key), true) ?? undefined;
  return undefined;
}

/** @param {string} part */
const unescapePointer = (part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~');
/** @param {string} part */
const escapePointer = (part) => part.replaceAll('~', '~0').replaceAll('/', '~1');
