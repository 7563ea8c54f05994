// Turns what Redocly's lint and bundler report into this project's Problem shape.
import path from 'node:path';
import { getLineColLocation } from '@redocly/openapi-core';
import { SPEC } from './layout.js';

/**
 * @param {string} root
 * @param {string} source 'redocly' for lint, 'bundle' for the bundler
 * @param {ReadonlyArray<import('@redocly/openapi-core').NormalizedProblem>} results
 * @returns {import('./problems.js').Problem[]}
 */
export function redoclyProblems(root, source, results) {
  /** @type {Map<string, import('./problems.js').Problem>} */
  const problems = new Map();
  for (const result of results) {
    if (result.ignored) continue;
    const location = result.location[0];
    const at = location ? getLineColLocation(location).start : { line: 1, col: 1 };
    /** @type {import('./problems.js').Problem} */
    const problem = {
      severity: result.severity === 'error' ? 'error' : 'warning',
      source,
      rule: result.ruleId,
      // Paths in messages relative to the project, like the file names.
      message: result.message.replaceAll(root + path.sep, ''),
      file: location ? path.relative(root, location.source.absoluteRef) : SPEC,
      line: at.line,
      col: at.col,
      pointer: location?.pointer ?? '',
    };
    // Redocly repeats a broken file once per $ref to it: keep one of each.
    problems.set(`${problem.file}:${problem.line}:${problem.col}:${problem.message}`, problem);
  }
  return [...problems.values()];
}
