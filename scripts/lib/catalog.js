// Loads catalog/error-codes.yaml, the transcription of the Error Code Reference, and checks that
// it is well formed: every problem names the line and the entry (types[4].codes[12].message).
import path from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import { CATALOG } from './layout.js';
import { SourceError, readSourceText } from './source-text.js';

/**
 * @typedef {object} CatalogType
 * @property {string} type
 * @property {number} httpStatus
 * @property {string[]} scope
 * @property {string} [remarks]
 * @property {import('./contract-model.js').ErrorCode[]} codes
 *
 * @typedef {object} Catalog
 * @property {CatalogType[]} types
 * @property {(place: ReadonlyArray<string | number>) => { line: number, col: number }} locate
 */

const TYPE_KEYS = ['type', 'httpStatus', 'scope', 'remarks', 'codes'];
const CODE_KEYS = ['code', 'message', 'howToFix'];
const NAME = /^[a-z][a-z0-9_]*$/;
const CODE = /^[A-Za-z0-9_]{1,64}$/;

/**
 * @param {string} root
 * @returns {Promise<{ catalog: Catalog, problems: import('./problems.js').Problem[] }>}
 */
export async function loadCatalog(root) {
  const lines = new LineCounter();
  /** @type {import('./problems.js').Problem[]} */
  const problems = [];
  let text;
  try {
    text = await readSourceText(root, path.join(root, CATALOG));
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { catalog: { types: [], locate: () => ({ line: 1, col: 1 }) }, problems: [error.problem] };
  }
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const locate = (/** @type {ReadonlyArray<string | number>} */ place) => {
    for (let n = place.length; n >= 0; n--) {
      const node = place.length === 0 ? doc.contents : doc.getIn(place.slice(0, n), true);
      const range = /** @type {{ range?: number[] } | null | undefined} */ (node)?.range;
      if (range?.[0] !== undefined) return lines.linePos(range[0]);
    }
    return { line: 1, col: 1 };
  };
  const report = (/** @type {ReadonlyArray<string | number>} */ place, /** @type {string} */ message) =>
    problems.push({ severity: 'error', source: 'catalog', rule: 'catalog-entry', message: `${describePlace(place)}: ${message}`, file: CATALOG, ...locate(place) });

  for (const error of [...doc.errors, ...doc.warnings]) {
    const at = error.linePos?.[0] ?? { line: 1, col: 1 };
    problems.push({ severity: 'error', source: 'catalog', rule: 'yaml', message: error.message.split('\n')[0] ?? error.message, file: CATALOG, ...at });
  }
  if (doc.errors.length > 0) return { catalog: { types: [], locate }, problems };

  const data = doc.toJS();
  const types = data?.types;
  if (!isMap(doc.contents) || !isSeq(doc.getIn(['types'], true)) || !Array.isArray(types)) {
    report([], 'the catalog must be a map with a `types` list');
    return { catalog: { types: [], locate }, problems };
  }

  const seenTypes = new Set();
  types.forEach((entry, t) => {
    const at = ['types', t];
    if (!isPlainObject(entry)) return report(at, 'must be a map with type, httpStatus, scope, codes');
    for (const key of Object.keys(entry)) if (!TYPE_KEYS.includes(key)) report([...at, key], `unknown key "${key}" (allowed: ${TYPE_KEYS.join(', ')})`);
    if (typeof entry.type !== 'string' || !NAME.test(entry.type)) report([...at, 'type'], 'type must be a snake_case name');
    else if (seenTypes.has(entry.type)) report([...at, 'type'], `duplicate type "${entry.type}"`);
    seenTypes.add(entry.type);
    if (!Number.isInteger(entry.httpStatus) || entry.httpStatus < 400 || entry.httpStatus > 599) {
      report([...at, 'httpStatus'], `httpStatus must be an HTTP error status from 400 to 599, not ${JSON.stringify(entry.httpStatus)}`);
    }
    if (!Array.isArray(entry.scope) || !entry.scope.every(isText)) report([...at, 'scope'], 'scope must be a list of non-empty texts');
    if ('remarks' in entry && !isText(entry.remarks)) report([...at, 'remarks'], 'remarks must be a non-empty text when present');
    if (!Array.isArray(entry.codes)) return report([...at, 'codes'], 'codes must be a list (empty when the reference lists none)');
    const seenCodes = new Set();
    entry.codes.forEach((/** @type {unknown} */ code, /** @type {number} */ c) => {
      const place = [...at, 'codes', c];
      if (!isPlainObject(code)) return report(place, 'must be a map with code, message and optionally howToFix');
      for (const key of Object.keys(code)) if (!CODE_KEYS.includes(key)) report([...place, key], `unknown key "${key}" (allowed: ${CODE_KEYS.join(', ')})`);
      if (typeof code.code !== 'string' || !CODE.test(code.code)) report([...place, 'code'], `code must match ${CODE.source}`);
      else if (seenCodes.has(code.code)) report([...place, 'code'], `duplicate code "${code.code}" in ${String(entry.type)}`);
      seenCodes.add(code.code);
      if (!isText(code.message)) report([...place, 'message'], 'message must be a non-empty text');
      if ('howToFix' in code && !isText(code.howToFix)) report([...place, 'howToFix'], 'howToFix must be a non-empty text when present');
    });
  });
  return { catalog: { types: problems.length ? [] : types, locate }, problems };
}

/** @param {unknown} v @returns {v is Record<string, any>} */
const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v */
const isText = (v) => typeof v === 'string' && v.trim() !== '';
/** types[4].codes[12].message @param {ReadonlyArray<string | number>} place */
const describePlace = (place) =>
  place.reduce((/** @type {string} */ out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '') || 'catalog';
