// One shape for everything a pipeline step finds wrong, so that every message names the file,
// the place in it and the problem the same way, whichever tool found it.

/**
 * @typedef {object} Problem
 * @property {'error' | 'warning'} severity
 * @property {string} source the tool or check that found it: redocly, spectral, catalog, ...
 * @property {string} rule
 * @property {string} message
 * @property {string} file relative to the project root
 * @property {number} line
 * @property {number} col
 * @property {string} [pointer] JSON pointer inside the file
 */

/** @param {Problem} p */
export function formatProblem(p) {
  const where = p.pointer && p.pointer !== '#/' ? ` (at ${p.pointer})` : '';
  return `${p.file}:${p.line}:${p.col} ${p.severity} ${p.source}/${p.rule}: ${p.message}${where}`;
}

/** A step failed for reasons a person has to fix; the message lists them all. */
export class ProblemsError extends Error {
  /** @param {string} step @param {Problem[]} problems */
  constructor(step, problems) {
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
    const errors = sorted.filter((p) => p.severity === 'error').length;
    const summary = `${step}: ${errors} error(s), ${sorted.length - errors} warning(s)`;
    super([summary, ...sorted.map((p) => '  ' + formatProblem(p))].join('\n'));
    this.name = 'ProblemsError';
    this.problems = sorted;
  }
}

/** Throws when there is anything at all: this project keeps zero errors and zero warnings. @param {string} step @param {Problem[]} problems */
export function assertNoProblems(step, problems) {
  if (problems.length > 0) throw new ProblemsError(step, problems);
}
