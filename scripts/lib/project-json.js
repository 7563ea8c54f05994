// Reads a JSON file of the project (package.json, its lockfile, released/contract.json) through
// the pipeline's strict reader (source-text.js), and says where a file that is no JSON goes
// wrong: a merge conflict left in it, or the place JSON.parse stopped at.
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { SourceError, readProjectText } from './source-text.js';

/**
 * The parsed content of a JSON file of the project, or a SourceError naming the file, the line
 * and the problem.
 * @param {string} root
 * @param {string} file relative to root
 * @param {{ optional?: boolean, maxBytes?: number }} [options] optional: undefined when the file is missing
 * @returns {Promise<any>}
 */
export async function readProjectJson(root, file, { optional = false, maxBytes } = {}) {
  let text;
  try {
    text = await readProjectText(root, path.join(root, file), maxBytes);
  } catch (error) {
    if (optional && error instanceof SourceError && error.problem.rule === 'missing') return undefined;
    throw error;
  }
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  const fail = (/** @type {number} */ offset, /** @type {string} */ message) => {
    throw new SourceError({ severity: 'error', source: 'source', rule: 'json', message, file, ...lines.linePos(offset) });
  };
  const conflict = /^(<{7}|={7}|>{7})(?: |\r?$)/m.exec(text);
  if (conflict) return fail(conflict.index, `a merge conflict marker (${conflict[1]}) is left in the file: resolve the conflict first`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = /** @type {Error} */ (error).message;
    // V8 says where for some errors ("at position 7") and not for others: then a YAML parser,
    // which reads JSON too, may know; else the start of the file is the best place known.
    const position = /at position (\d+)/.exec(message)?.[1];
    const yamlError = position === undefined ? parseDocument(text).errors[0] : undefined;
    return fail(position !== undefined ? Number(position) : (yamlError?.pos[0] ?? 0), `not valid JSON: ${message.replace(/\s*\n\s*/g, ' ')}`);
  }
}
