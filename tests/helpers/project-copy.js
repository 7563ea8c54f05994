// A throwaway copy of the project in a temporary directory, for tests that break the spec or the
// catalog on purpose or stop a command half-way (they never touch the real files), and for the
// build benchmark (which starts from a clean generated/ and dist/). node_modules is linked, not
// copied.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

const KILL_AT_WRITE = path.join(REPO_ROOT, 'tests/helpers/kill-at-write.js');
const RUN_IN_ONE_PROCESS = path.join(REPO_ROOT, 'tests/helpers/run-in-one-process.js');
const COPIED = ['openapi', 'catalog', 'generated', 'released', 'src', 'redocly.yaml', 'scripts/docs-page.hbs', '.spectral.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'CHANGELOG.md'];

/**
 * @typedef {object} ProjectCopy
 * @property {string} root
 * @property {(file: string, from: string | RegExp, to: string) => Promise<void>} replace
 *   replaces text in a file of the copy; fails when the text is not there, so a test cannot silently break nothing
 * @property {(file: string, from: string, to: Uint8Array) => Promise<void>} replaceBytes
 *   replaces text by raw bytes (e.g. bytes that are not UTF-8); fails when the text is not there
 * @property {(file: string, content: string) => Promise<void>} write
 * @property {(file: string) => Promise<string>} read
 * @property {(entries?: string[]) => Promise<Record<string, string>>} fingerprint
 *   a hash of each file, or each file under each folder (default: generated/), to show that a
 *   failed or stopped run left them as they were
 * @property {(script: string, args?: string[], options?: RunOptions) => Promise<RunResult>} run
 *   runs `node <script> ...args --root <copy>`, script being the name of one in scripts/ (`build`)
 *   or a path; never throws: the result says how it ended
 * @property {() => Promise<void>} clean removes generated/ and dist/, so the next build starts from nothing
 * @property {() => Promise<void>} remove
 *
 * @typedef {object} RunOptions
 * @property {{ at: number, matching?: string }} [killAtWrite] kill the process just before its
 *   write number `at` inside the copy, counting only writes whose path matches (kill-at-write.js)
 *
 * @typedef {{ code: number | null, signal: string | null, stdout: string, stderr: string }} RunResult
 */

/** @returns {Promise<ProjectCopy>} */
export async function copyProject() {
  const root = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-'));
  await Promise.all(COPIED.map((entry) => cp(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true })));
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const at = (/** @type {string} */ file) => path.join(root, file);
  return {
    root,
    async replace(file, from, to) {
      const text = await readFile(at(file), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${file} does not contain ${String(from)}`);
      await writeFile(at(file), next);
    },
    async replaceBytes(file, from, to) {
      const bytes = await readFile(at(file));
      const start = bytes.indexOf(from);
      if (start < 0) throw new Error(`${file} does not contain ${from}`);
      await writeFile(at(file), Buffer.concat([bytes.subarray(0, start), to, bytes.subarray(start + Buffer.byteLength(from))]));
    },
    write: (file, content) => writeFile(at(file), content),
    read: (file) => readFile(at(file), 'utf8'),
    async fingerprint(entries = ['generated']) {
      const files = [];
      for (const entry of entries) {
        if (!(await stat(at(entry))).isDirectory()) files.push(entry);
        else for (const e of await readdir(at(entry), { recursive: true, withFileTypes: true })) if (e.isFile()) files.push(path.relative(root, path.join(e.parentPath, e.name)));
      }
      const hashes = await Promise.all(files.map(async (f) => [f, createHash('sha256').update(await readFile(at(f))).digest('hex')]));
      return Object.fromEntries(hashes.sort());
    },
    run(script, args = [], { killAtWrite } = {}) {
      const file = script.includes('/') ? script : path.join(REPO_ROOT, 'scripts', `${script}.js`);
      const hook = killAtWrite ? ['--import', KILL_AT_WRITE] : [];
      const env = killAtWrite ? { ...process.env, KILL_AT_WRITE: String(killAtWrite.at), KILL_AT_WRITE_IN: root, KILL_AT_WRITE_MATCHING: killAtWrite.matching ?? '' } : process.env;
      return new Promise((resolve) => {
        execFile(process.execPath, [...hook, file, ...args, '--root', root], { env, timeout: 60_000 }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, signal: error?.signal ?? null, stdout, stderr });
        });
      });
    },
    clean: async () => {
      await Promise.all(['generated', 'dist'].map((dir) => rm(at(dir), { recursive: true, force: true })));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * Runs pipeline commands one after another in one node process (run-in-one-process.js): what
 * each would do as a process of its own, without starting node and loading the tools each time.
 * Throws when the process was stopped (its watchdog: memory or time) or failed.
 * @param {import('./run-in-one-process.js').Run[]} runs
 * @param {{ node?: string[], maxRssMb?: number }} [options] node: options for node, e.g. a heap limit
 * @returns {Promise<import('./run-in-one-process.js').RunResult[]>}
 */
export async function runInOneProcess(runs, { node = [], maxRssMb = 1024 } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'runs-'));
  const plan = path.join(dir, 'runs.json');
  try {
    await writeFile(plan, JSON.stringify(runs));
    /** @type {{ ended: unknown, stdout: string, stderr: string }} */
    const { ended, stdout, stderr } = await new Promise((resolve) => {
      execFile(process.execPath, [...node, RUN_IN_ONE_PROCESS, plan], { env: { ...process.env, MAX_RSS_MB: String(maxRssMb) }, timeout: 120_000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
        resolve({ ended: error ? (error.signal ?? error.code) : 0, stdout, stderr }),
      );
    });
    /** @type {unknown} */
    let result;
    try {
      result = JSON.parse(stdout);
    } catch {
      result = undefined;
    }
    if (ended === 0 && Array.isArray(result)) return result;
    const stopped = /** @type {{ stopped?: string } | undefined} */ (result)?.stopped;
    throw new Error(`run-in-one-process.js ended with ${String(ended)}${stopped ? `: ${stopped}` : ''}\n${stderr.slice(-4000)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
