// npm run compat: what changed in the contract since the last release (released/contract.json),
// each change classified major / minor / patch, and whether the version in package.json is bumped
// at least as far as the changes require. Exits 1 when it is not, saying what to run.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleSpec } from './bundle.js';
import { bump, compareRecords, compareVersions, recordOf, requiredLevel } from './lib/contract-record.js';
import { readContract } from './lib/contract-model.js';
import { RELEASED, SPEC, rootFromArgv } from './lib/layout.js';
import { UserError, isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';

/**
 * @param {string} root
 * @returns {Promise<{ released: string | undefined, version: string, differences: import('./lib/contract-record.js').Difference[], required: import('./lib/contract-record.js').Level | undefined, failures: string[] }>}
 */
export async function checkCompatibility(root) {
  const { document, problems } = await bundleSpec(root);
  assertNoProblems('bundle', problems);
  const current = recordOf(readContract(document));
  const released = await readRecord(root);
  const version = String(JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).version);
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

/** The record of the last release, or undefined before the first. @param {string} root @returns {Promise<import('./lib/contract-record.js').ContractRecord | undefined>} */
export async function readRecord(root) {
  const text = await readFile(path.join(root, RELEASED), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : JSON.parse(text);
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
