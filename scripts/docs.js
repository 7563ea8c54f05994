// Step: render the reference with Redocly's build-docs (Redoc) into dist/docs/index.html: one
// self-contained page (the Redoc bundle inlined) built with telemetry off, so neither the CLI nor
// the page calls home. The page is written next to its target and renamed into place, so a
// failed render leaves the previous page.
import { spawn } from 'node:child_process';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleSpec } from './bundle.js';
import { DOCS, REDOCLY_CONFIG, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';

const REDOCLY_CLI = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** @param {string} root @param {unknown} document the bundled document @returns {Promise<string>} */
export async function buildDocs(root, document) {
  const target = path.join(root, DOCS);
  const work = path.join(path.dirname(target), `.build-${process.pid}`);
  await mkdir(work, { recursive: true });
  try {
    const input = path.join(work, 'openapi.json');
    await writeFile(input, JSON.stringify(document));
    const output = path.join(work, 'index.html');
    await run(process.execPath, [REDOCLY_CLI, 'build-docs', input, '--output', output, '--inlineBundle', '--config', path.join(root, REDOCLY_CONFIG)]);
    await rename(output, target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return `docs: wrote ${DOCS}`;
}

/** Runs a command with telemetry and update checks off; fails with its output. @param {string} command @param {string[]} args */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`redocly build-docs failed (exit ${code}):\n${output}`))));
  });
}

if (isMain(import.meta)) {
  await runMain(async () => {
    const root = rootFromArgv();
    const { document, problems } = await bundleSpec(root);
    assertNoProblems('bundle', problems);
    return buildDocs(root, document);
  });
}
