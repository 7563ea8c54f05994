// npm run release -- <major|minor|patch>: releases the contract. Bumps the version in
// package.json (and its lockfile) and in the spec's info.version together, regenerates generated/
// with it, adds a CHANGELOG.md entry listing the classified changes, and rewrites the record of
// the last release. All of these are written or none is, even when the release is stopped
// half-way (lib/write-files.js: the next command finishes it). Running it again with nothing
// changed does nothing. The first run, with no record yet, records the current version as released.
//
// A release that changes no contract (a fix in the helpers, say) takes `--empty`.
import path from 'node:path';
import { LineCounter, isScalar, parse, parseDocument } from 'yaml';
import { readRecord } from './compat.js';
import { LEVELS, bump, compareRecords, recordOf, requiredLevel } from './lib/contract-record.js';
import { readContract } from './lib/contract-model.js';
import { CHANGELOG, RELEASED, SPEC, rootFromArgv } from './lib/layout.js';
import { UserError, isMain, runMain } from './lib/main.js';
import { generate, validate } from './lib/pipeline.js';
import { readProjectJson } from './lib/project-json.js';
import { SourceError, readProjectText, readSourceText } from './lib/source-text.js';
import { writeFiles } from './lib/write-files.js';

/** Lockfiles and changelogs grow with the project: larger than a source may be, still bounded. */
const LARGE_FILE_BYTES = 64 << 20;

const WHAT_IT_MEANS = {
  major: 'Breaking: code that handles a removed, renamed or moved code or type, or relies on a changed status, must change.',
  minor: 'New codes, types or deprecations: an exhaustive `switch` over `type` or `code` needs the new cases before it compiles again.',
  patch: 'Texts only (messages, how-to-fix, scope, remarks): code that switches on `type` and `code` is not affected.',
};

/**
 * @param {string} root
 * @param {import('./lib/contract-record.js').Level | undefined} level undefined only for the first release
 * @param {{ empty?: boolean, date?: string }} [options] date: of the changelog entry, YYYY-MM-DD (today)
 * @returns {Promise<string>} what it did
 */
export async function release(root, level, options) {
  const { files, said } = await planRelease(root, level, options);
  if (files) await writeFiles(root, files);
  return said;
}

/**
 * What a release writes (all of it, or none is written), and what to say about it.
 * @param {string} root
 * @param {import('./lib/contract-record.js').Level | undefined} level
 * @param {{ empty?: boolean, date?: string }} [options]
 * @returns {Promise<{ files?: Record<string, string>, said: string }>} no files: nothing to write
 */
export async function planRelease(root, level, { empty = false, date = new Date().toISOString().slice(0, 10) } = {}) {
  const document = await validate(root);
  const current = recordOf(readContract(document));
  const released = await readRecord(root);
  const manifest = await readProjectJson(root, 'package.json');

  if (!released) {
    if (manifest.version !== current.version) throw new UserError(`package.json says ${manifest.version} but info.version says ${current.version}: make them agree for the first release.`);
    const codes = current.types.reduce((n, t) => n + t.codes.length, 0);
    const entry = `## ${current.version} (${date})\n\nFirst release of the contract: ${current.types.length} error types, ${codes} codes.\n`;
    return { files: { [RELEASED]: recordFile(current), [CHANGELOG]: await changelogWith(root, entry) }, said: `release: recorded ${current.version} as the first release` };
  }

  const differences = compareRecords(released, current);
  if (differences.length === 0 && !empty) {
    return {
      said:
        manifest.version === released.version
          ? `release: nothing to release; the contract is ${released.version}, as released`
          : `release: the contract has not changed since ${released.version}; package.json says ${manifest.version}. Use --empty for a release without contract changes.`,
    };
  }
  if (level === undefined || !LEVELS.includes(level)) throw new UserError('release: say which: npm run release -- major|minor|patch');
  const required = requiredLevel(differences);
  if (required && LEVELS.indexOf(level) < LEVELS.indexOf(required)) {
    throw new UserError(
      [`release: the changes since ${released.version} need a ${required} release, not ${level}:`, ...differences.map((d) => `  ${d.message}`), `Run \`npm run release -- ${required}\`.`].join('\n'),
    );
  }

  const version = bump(released.version, level);
  const newSpec = withVersion(await readSourceText(root, path.join(root, SPEC)), version);
  const lock = await readProjectJson(root, 'package-lock.json', { optional: true, maxBytes: LARGE_FILE_BYTES });
  if (lock) {
    lock.version = version;
    if (lock.packages?.['']) lock.packages[''].version = version;
  }
  const versioned = { ...structuredClone(document), info: { ...document.info, version } };
  const entry = [
    `## ${version} (${date})`,
    '',
    differences.length ? WHAT_IT_MEANS[required ?? level] : 'No contract changes.',
    '',
    ...differences.map((d) => `- ${d.message}`),
    '',
  ].join('\n');

  const files = {
    [RELEASED]: recordFile({ ...current, version }),
    'package.json': JSON.stringify({ ...manifest, version }, null, 2) + '\n',
    ...(lock ? { 'package-lock.json': JSON.stringify(lock, null, 2) + '\n' } : {}),
    [SPEC]: newSpec,
    ...(await generate(versioned)),
    [CHANGELOG]: await changelogWith(root, entry),
  };
  return { files, said: `release: ${released.version} -> ${version} (${level}); wrote ${RELEASED}, package.json, ${SPEC}, generated/, ${CHANGELOG}. Commit them together.` };
}

/** @param {import('./lib/contract-record.js').ContractRecord} record */
function recordFile(record) {
  return JSON.stringify(record, null, 2) + '\n';
}

/**
 * The spec's text with info.version set: the value is replaced where it is written, and every
 * other byte (line ends, quotes, comments) stays as it was.
 * @param {string} text @param {string} version
 */
function withVersion(text, version) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const info = doc.getIn(['info'], true);
  const node = doc.getIn(['info', 'version'], true);
  const at = /** @type {{ range?: number[] } | undefined} */ (isScalar(node) ? node : info)?.range?.[0] ?? 0;
  const fail = (/** @type {string} */ message) => {
    throw new SourceError({ severity: 'error', source: 'release', rule: 'info-version', message, file: SPEC, ...lines.linePos(at) });
  };
  if (!isScalar(node) || !node.range) return fail(`found no info.version to set to ${version}; write it as \`version: 1.2.3\` under \`info:\``);
  const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : node.type === 'PLAIN' ? '' : undefined;
  if (quote === undefined) return fail(`info.version is written as a block text; write it on one line (\`version: 1.2.3\`) so that it can be set to ${version}`);
  const next = `${text.slice(0, node.range[0])}${quote}${version}${quote}${text.slice(node.range[1])}`;
  if (parse(next)?.info?.version !== version) return fail(`could not set info.version to ${version} here`);
  return next;
}

/** CHANGELOG.md with a new entry on top. @param {string} root @param {string} entry */
async function changelogWith(root, entry) {
  const header = '# Changelog\n\nEvery release of the contract, newest first, written by `npm run release`.\n';
  const text = await readProjectText(root, path.join(root, CHANGELOG), LARGE_FILE_BYTES).catch((error) => {
    if (error instanceof SourceError && error.problem.rule === 'missing') return header;
    throw error;
  });
  const at = text.indexOf('\n## ');
  return at < 0 ? `${text.trimEnd()}\n\n${entry}` : `${text.slice(0, at + 1)}${entry}\n${text.slice(at + 1)}`;
}

if (isMain(import.meta)) {
  await runMain(async () => {
    const args = process.argv.slice(2);
    const level = /** @type {any} */ (args.find((a) => /** @type {readonly string[]} */ (LEVELS).includes(a)));
    return release(rootFromArgv(), level, { empty: args.includes('--empty') });
  });
}
