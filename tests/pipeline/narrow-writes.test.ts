// payment-errors narrow writing a spec in place, as processes: killed (SIGKILL) at each write it
// makes and at moments through its run, several at once on one output, and on a full disk. Each
// time the spec is the old text or the whole narrowed one, never a mix; what a killed run leaves
// is at most its own staged file, named so a person knows what it is; a failed run leaves
// nothing. Slow (many processes): npm run test:pipeline.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { syntheticSpec } from '../../bench/synthetic-spec.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

const BIN = path.join(REPO_ROOT, 'bin/payment-errors.js');
const KILL_AT_WRITE = path.join(REPO_ROOT, 'tests/helpers/kill-at-write.js');
/** What a killed run may leave beside the spec: its own staged file, and nothing else. */
const STAGED = /^\.openapi\.yaml\.payment-errors-[0-9a-f]{16}\.tmp$/;

let work: string;
/** The fixture, and what narrowing it in place gives. */
let original: string;
let narrowed: string;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function run(args: string[], { env, killAfterMs }: { env?: Record<string, string>; killAfterMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** A folder with the package installed and the spec at openapi.yaml; resolves to the folder. */
async function specFolder(name: string, text = original): Promise<string> {
  const folder = path.join(work, name);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'openapi.yaml'), text);
  return folder;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'narrow-writes-'));
  await mkdir(path.join(work, 'node_modules'));
  await symlink(REPO_ROOT, path.join(work, 'node_modules/payment-error-contract'), 'dir');
  original = (await readFile(path.join(REPO_ROOT, 'tests/fixtures/narrow/openapi.yaml'), 'utf8')).replaceAll('./node_modules/', '../node_modules/');
  const folder = await specFolder('reference');
  const ran = await run([BIN, 'narrow', path.join(folder, 'openapi.yaml'), '-o', path.join(folder, 'openapi.yaml')]);
  expect(ran.code, ran.stderr).toBe(0);
  narrowed = await readFile(path.join(folder, 'openapi.yaml'), 'utf8');
  expect(narrowed).not.toBe(original);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The spec is the old text or the narrowed one, whole; beside it at most one staged file of a killed run (removed here). */
async function wholeOrUntouched(folder: string, killed: boolean): Promise<'old' | 'narrowed'> {
  const text = await readFile(path.join(folder, 'openapi.yaml'), 'utf8');
  expect([original, narrowed]).toContain(text);
  const left = (await readdir(folder)).filter((f) => f !== 'openapi.yaml');
  expect(left.length).toBeLessThanOrEqual(killed ? 1 : 0);
  for (const file of left) {
    expect(file).toMatch(STAGED);
    await rm(path.join(folder, file));
  }
  return text === original ? 'old' : 'narrowed';
}

describe('killed with SIGKILL', () => {
  test('just before each write it makes (kill-at-write.js): the spec old or narrowed, at most its staged file left', async () => {
    const seen: string[] = [];
    for (let at = 1; at < 10; at++) {
      const folder = await specFolder(`killed-at-${at}`);
      const spec = path.join(folder, 'openapi.yaml');
      const ran = await run(['--import', KILL_AT_WRITE, BIN, 'narrow', spec, '-o', spec], { env: { KILL_AT_WRITE: String(at), KILL_AT_WRITE_IN: folder } });
      const state = await wholeOrUntouched(folder, ran.signal === 'SIGKILL');
      seen.push(`${ran.signal ?? ran.code} ${state}`);
      if (ran.signal !== 'SIGKILL') break;
    }
    // Killed before it staged, killed before the rename, then a whole run.
    expect(seen).toEqual(['SIGKILL old', 'SIGKILL old', '0 narrowed']);
  });

  test('at moments through the run of a large spec (3 MB): never half a file', async () => {
    const large = stringify(syntheticSpec({ operations: 2000 }), { lineWidth: 0 });
    const folder = await specFolder('timed', large);
    const spec = path.join(folder, 'openapi.yaml');
    const started = performance.now();
    const whole = await run([BIN, 'narrow', spec, '-o', `${spec}.whole`]);
    expect(whole.code, whole.stderr).toBe(0);
    const duration = performance.now() - started;
    const expected = await readFile(`${spec}.whole`, 'utf8');
    await rm(`${spec}.whole`);
    const states = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await writeFile(spec, large);
      // From early in the run to twice its length: the write and the rename are in there.
      const delay = Math.round((duration * (i + 2)) / 7);
      const ran = await run([BIN, 'narrow', spec, '-o', spec], { killAfterMs: delay });
      const text = await readFile(spec, 'utf8');
      expect(text === large || text === expected, `killed at ${delay} ms: a mix of old and new`).toBe(true);
      const left = (await readdir(folder)).filter((f) => f !== 'openapi.yaml');
      expect(left.length).toBeLessThanOrEqual(ran.signal === 'SIGKILL' ? 1 : 0);
      for (const file of left) {
        expect(file).toMatch(STAGED);
        await rm(path.join(folder, file));
      }
      states.add(ran.signal === 'SIGKILL' ? `killed, ${text === large ? 'old' : 'narrowed'}` : 'done');
    }
    // Some runs were stopped, and some got through.
    expect(states.has('done') || states.has('killed, narrowed')).toBe(true);
    expect(states.has('killed, old')).toBe(true);
  });
});

test('four narrows at once, in place on one spec and to one output: each exits 0, the files are whole, nothing left over', async () => {
  const folder = await specFolder('together');
  const spec = path.join(folder, 'openapi.yaml');
  await cp(spec, path.join(folder, 'input.yaml'));
  const input = path.join(folder, 'input.yaml');
  const runs = await Promise.all([
    run([BIN, 'narrow', spec, '-o', spec]),
    run([BIN, 'narrow', spec, '-o', spec]),
    run([BIN, 'narrow', input, '-o', path.join(folder, 'out.yaml')]),
    run([BIN, 'narrow', input, '-o', path.join(folder, 'out.yaml')]),
  ]);
  expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
  expect(await readFile(spec, 'utf8')).toBe(narrowed);
  expect(await readFile(path.join(folder, 'out.yaml'), 'utf8')).toBe(narrowed);
  expect((await readdir(folder)).sort()).toEqual(['input.yaml', 'openapi.yaml', 'out.yaml']);
});

// A small file system of its own (tmpfs), made and removed here: needs root (CAP_SYS_ADMIN).
const canMount = process.getuid?.() === 0 && (() => {
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test.skipIf(!canMount)('a full disk: exit 2 naming it, the output as it was, no staged file left', async () => {
  const folder = await specFolder('full');
  const disk = path.join(folder, 'disk');
  await mkdir(disk);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
  try {
    await writeFile(path.join(disk, 'narrowed.yaml'), 'the old output\n');
    // Room for a few kilobytes, not for the narrowed spec (tens of kilobytes).
    await writeFile(path.join(disk, 'filler'), Buffer.alloc(48 * 1024));
    const ran = await run([BIN, 'narrow', path.join(folder, 'openapi.yaml'), '-o', path.join(disk, 'narrowed.yaml')]);
    expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 2, stderr: `payment-errors: cannot write ${path.join(disk, 'narrowed.yaml')}: no space left on the device (ENOSPC) (nothing was written)\n` });
    expect(await readFile(path.join(disk, 'narrowed.yaml'), 'utf8')).toBe('the old output\n');
    expect((await readdir(disk)).sort()).toEqual(['filler', 'narrowed.yaml']);
  } finally {
    await new Promise((resolve) => execFile('umount', [disk], resolve));
  }
});

