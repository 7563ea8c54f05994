// npm run compat: what changed in the contract since the last release (released/contract.json),
// each change classified major / minor / patch, and whether the version in package.json is bumped
// at least as far as the changes require. Exits 1 when it is not, saying what to run.
import { bundleSpec } from './bundle.js';
import { bump, compareRecords, compareVersions, recordOf, recordProblem, requiredLevel } from './lib/contract-record.js';
import { readContract } from './lib/contract-model.js';
import { RELEASED, SPEC, rootFromArgv } from './lib/layout.js';
import { UserError, isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';
import { readProjectJson } from './lib/project-json.js';
import { SourceError } from './lib/source-text.js';

/**
 * @param {string} root
 * @returns {Promise<{ released: string | undefined, version: string, differences: import('./lib/contract-record.js').Difference[], required: import('./lib/contract-record.js').Level | undefined, failures: string[] }>}
 */
export async function checkCompatibility(root) {
  const { document, problems } = await bundleSpec(root);
  assertNoProblems('bundle', problems);
  const current = recordOf(readContract(document));
  const released = await readRecord(root);
  const version = await readPackageVersion(root);
  const differences = released ? compareRecords(released, current) : [];
  const required = requiredLevel(differences);
  const failures = [];
  if (!released) failures.push(`${RELEASED} is missing: record the first release with \`npm run release\`.`);
  if (version !== current.version) {
    failures.push(`package.json says ${version} but ${SPEC} says info.version ${current.version}: they must agree (\`npm run release\` sets both).`);
  }
  if (released && compareVersions(version, released.version) < 0) failures.push(`package.json says ${version}, below the last release ${released.version}.`);
  if (released && required) {
    const needed = bump(released.version, required);
    if (compareVersions(version, needed) < 0) {
      failures.push(`These changes need a ${required} release, version ${needed} at least; package.json says ${version}. Run \`npm run release -- ${required}\` and commit what it writes.`);
    }
  }
  return { released: released?.version, version, differences, required, failures };
}

/**
 * The record of the last release, or undefined before the first (no such file). A record that
 * cannot be read or is no record is a SourceError: taken for "no release yet", it would make the
 * next release a first one.
 * @param {string} root @returns {Promise<import('./lib/contract-record.js').ContractRecord | undefined>}
 */
export async function readRecord(root) {
  const record = await readProjectJson(root, RELEASED, { optional: true });
  const problem = record === undefined ? undefined : recordProblem(record);
  if (problem) {
    throw new SourceError({ severity: 'error', source: 'source', rule: 'release-record', message: `${problem}; this file is written by \`npm run release\` only: take it from the commit of the last release`, file: RELEASED, line: 1, col: 1 });
  }
  return record;
}

/** The version package.json says. @param {string} root @returns {Promise<string>} */
async function readPackageVersion(root) {
  const manifest = await readProjectJson(root, 'package.json');
  if (typeof manifest?.version !== 'string') throw new SourceError({ severity: 'error', source: 'source', rule: 'package-json', message: 'package.json must say the version ("version": "1.2.3")', file: 'package.json', line: 1, col: 1 });
  return manifest.version;
}

if (isMain(import.meta)) {
  await runMain(async () => {
    const result = await checkCompatibility(rootFromArgv());
    const lines = result.differences.length
      ? [`compat: ${result.differences.length} change(s) since ${result.released}, the last release; they need a ${result.required} release:`, ...result.differences.map((d) => `  ${d.message}`)]
      : [`compat: no contract change since ${result.released ?? 'the start'}.`];
    if (result.failures.length) throw new UserError([...lines, ...result.failures.map((f) => `compat: ${f}`)].join('\n'));
    return [...lines, `compat: version ${result.version} is enough.`].join('\n');
  });
}
