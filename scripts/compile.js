// Step: type-check src/ and generated/ (tsconfig.json) and, when there is no error at all,
// compile them to dist/ with declarations. Uses the TypeScript API in this process.
import path from 'node:path';
import ts from 'typescript';
import { rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';

/** @param {string} root @returns {Promise<string>} what it wrote */
export async function compile(root) {
  /** @type {ts.Diagnostic[]} */
  const configErrors = [];
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
  });
  const program = config && ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const diagnostics = [...configErrors, ...(config?.errors ?? []), ...(program ? ts.getPreEmitDiagnostics(program) : [])];
  assertNoProblems('compile', diagnostics.map((d) => toProblem(root, d)));
  if (!program || !config) throw new Error('tsconfig.json could not be read');
  let written = 0;
  const result = program.emit(undefined, (file, text) => {
    ts.sys.writeFile(file, text);
    written++;
  });
  assertNoProblems('compile', result.diagnostics.map((d) => toProblem(root, d)));
  return `compile: type-checked ${config.fileNames.length} files, wrote ${written} files to ${path.relative(root, config.options.outDir ?? '.')}/`;
}

/** @param {string} root @param {ts.Diagnostic} d @returns {import('./lib/problems.js').Problem} */
function toProblem(root, d) {
  const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  return {
    severity: d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
    source: 'tsc',
    rule: `TS${d.code}`,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    file: d.file ? path.relative(root, d.file.fileName) : 'tsconfig.json',
    line: at.line + 1,
    col: at.character + 1,
  };
}

if (isMain(import.meta)) {
  await runMain(() => compile(rootFromArgv()));
}
