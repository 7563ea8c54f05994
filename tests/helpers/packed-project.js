// A temporary project that installs this package from its packed tarball, as a consumer would.
// Used by the tests of the package and by the benchmarks. The install is offline (its one
// dependency, js-yaml, comes from npm's cache, where `npm ci` put it); a tool a test needs beside it (@stoplight/spectral-cli) is linked from
// this repository's node_modules, which `npm ci` installed as the lockfile pins it: no network.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

const exec = promisify(execFile);

/** Under vitest's testTimeout (60 s), so that a test that hangs names the command; tsc over a generated client takes ~15 s on a loaded machine. */
const RUN_TIMEOUT_MS = 55_000;

/**
 * @typedef {object} PackedProject
 * @property {string} tarball the tarball `npm pack` made
 * @property {string} dir the consumer project it is installed in
 * @property {string} installed where the package is installed
 * @property {(command: string, args: string[], input?: string, env?: Record<string, string>) => Promise<{ code: number, stdout: string, stderr: string }>} run
 *   runs a command in the project (with these environment variables too); resolves to its exit
 *   code and output, whatever the code; rejects if it hangs or a signal ends it
 * @property {(file: string) => Promise<string>} read the text of a file of the project
 * @property {() => Promise<void>} remove
 */

/** The environment variable that names a tarball packed once for a whole test run (pack-once.js). */
export const TARBALL_VARIABLE = 'PAYMENT_ERROR_CONTRACT_TARBALL';

/** `npm pack` of this repository into a directory; resolves to the tarball. @param {string} directory @param {string} [from] */
export async function pack(directory, from = REPO_ROOT) {
  const packed = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', directory], { cwd: from });
  return path.join(directory, JSON.parse(packed.stdout)[0].filename);
}

/**
 * @param {Array<{ name: string, bin?: [string, string] }>} [alsoLink] packages of this repository's
 *   node_modules to put beside it, with the command each brings ([name, path in the package])
 * @returns {Promise<PackedProject>}
 */
export async function packedProject(alsoLink = []) {
  if (!existsSync(path.join(REPO_ROOT, 'dist/src/runtime/index.js'))) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
  const work = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-pack-'));
  // Packed once for the run when the suite's setup did it (the build does not change meanwhile).
  const tarball = process.env[TARBALL_VARIABLE] || (await pack(work));
  const dir = path.join(work, 'consumer');
  await mkdir(dir);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir });
  for (const { name, bin } of alsoLink) {
    const target = path.join(dir, 'node_modules', name);
    await mkdir(path.dirname(target), { recursive: true });
    await symlink(path.join(REPO_ROOT, 'node_modules', name), target, 'dir');
    if (bin) await symlink(path.join('..', name, bin[1]), path.join(dir, 'node_modules/.bin', bin[0]));
  }
  return {
    tarball,
    dir,
    installed: path.join(dir, 'node_modules/payment-error-contract'),
    run(command, args, input, env) {
      // A command that hangs is killed rather than holding the test file open.
      const child = execFile(command, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024, timeout: RUN_TIMEOUT_MS, ...(env ? { env: { ...process.env, ...env } } : {}) });
      child.stdin?.end(input ?? '');
      return new Promise((resolve, reject) => {
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (d) => (stdout += d));
        child.stderr?.on('data', (d) => (stderr += d));
        child.on('close', (code, signal) => {
          // Rejected, not resolved with a failing code: a test that expects a command to fail must not pass because it hung.
          if (code === null) reject(new Error(`${path.basename(command)} ${args.join(' ')}: killed by ${signal}${child.killed ? ` after ${RUN_TIMEOUT_MS / 1000} s` : ''}\n${stderr}`));
          else resolve({ code, stdout, stderr });
        });
      });
    },
    read: (file) => readFile(path.join(dir, file), 'utf8'),
    remove: () => rm(work, { recursive: true, force: true }),
  };
}
