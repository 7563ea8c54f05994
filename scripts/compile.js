// Step: type-check src/ and generated/ (tsconfig.json) and, when there is no error at all,
// compile them to dist/ with declarations. Uses the TypeScript API in this process. The output is
// written to a fresh stage and swapped in whole (dist/src, dist/generated), so that dist/ is never
// half old, half new, and holds nothing from sources that are gone.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';
import { commitStage, createStage, removeStage } from './lib/write-files.js';

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
  const outDir = path.relative(root, config.options.outDir ?? root);
  // Each folder the output goes to is replaced whole: never the project's own folders.
  if (!outDir || outDir.startsWith('..')) throw new Error(`tsconfig.json must set outDir to a folder inside the project, e.g. "dist"`);
  const stage = await createStage(root);
  /** @type {Set<string>} the entries of outDir written to, e.g. dist/src */
  const written = new Set();
  let files = 0;
  try {
    const result = program.emit(undefined, (file, text) => {
      const relative = path.relative(root, file);
      written.add(path.join(outDir, path.relative(outDir, relative).split(path.sep)[0] ?? ''));
      mkdirSync(path.dirname(path.join(stage, relative)), { recursive: true });
      writeFileSync(path.join(stage, relative), text);
      files++;
    });
    assertNoProblems('compile', result.diagnostics.map((d) => toProblem(root, d)));
  } catch (error) {
    await removeStage(stage);
    throw error;
  }
  await commitStage(root, stage, [...written].sort());
  return `compile: type-checked ${config.fileNames.length} files, wrote ${files} files to ${outDir}/`;
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
