// The payment-errors bin as a process (after `npm run build`): what only a real process shows.
// Input is read up to a limit and no further, whatever feeds it; a full disk or a closed pipe on
// standard output ends the run with a message and exit 2, never a stack trace.
import { execFileSync, spawn, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { MAX_INPUT_BYTES } from '../../src/cli/check.ts';

const BIN = path.join(REPO_ROOT, 'bin/payment-errors.js');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'payment-errors-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const TOO_LARGE = /^payment-errors: (standard input|\/dev\/zero) is larger than 1 MiB \(1048576 bytes\), the most check reads/;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bin. `stdin`/`stdout` are file descriptors to hand it, or 'pipe'; `feed` writes to a
 * piped stdin without ever closing it. A run that outlives `timeout` is killed (and fails the test).
 */
function runBin(args: string[], { stdin = 'ignore', stdout = 'pipe', feed, closeStdout = false }: { stdin?: number | 'pipe' | 'ignore'; stdout?: number | 'pipe'; feed?: Buffer; closeStdout?: boolean } = {}): Promise<Ran> {
  if (!existsSync(path.join(REPO_ROOT, 'dist/src/cli/commands.js'))) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: [stdin, stdout, 'pipe'] as StdioOptions, timeout: 20_000 });
    const out = { stdout: '', stderr: '' };
    child.stdout?.on('data', (chunk) => (out.stdout += chunk));
    child.stderr?.on('data', (chunk) => (out.stderr += chunk));
    // The reader goes away before the bin writes anything.
    if (closeStdout) child.stdout?.destroy();
    if (feed) {
      child.stdin?.on('error', () => {}); // the bin stops reading: EPIPE here is expected
      child.stdin?.write(feed);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...out }));
  });
}

describe('input is read up to 1 MiB and no further', () => {
  test('/dev/zero as a file', async () => {
    const ran = await runBin(['check', '/dev/zero']);
    expect(ran).toMatchObject({ code: 2, signal: null, stdout: '' });
    expect(ran.stderr).toMatch(TOO_LARGE);
  });

  test('/dev/zero as standard input', async () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const ran = await runBin(['check', '-'], { stdin: zero });
      expect(ran).toMatchObject({ code: 2, signal: null, stdout: '' });
      expect(ran.stderr).toMatch(TOO_LARGE);
    } finally {
      closeSync(zero);
    }
  });

  test('a pipe that never ends: it stops once past the limit, without waiting for the end', async () => {
    const ran = await runBin(['check', '--json', '-'], { stdin: 'pipe', feed: Buffer.alloc(MAX_INPUT_BYTES + 64 * 1024, 0x20) });
    expect(ran).toMatchObject({ code: 2, signal: null });
    expect(JSON.parse(ran.stdout)).toMatchObject({ error: { kind: 'input-too-large' } });
  });

  test('a file of exactly 1 MiB is read', async () => {
    const file = path.join(dir, 'exactly-1-mib.json');
    const body = '{"type":"payment_error","code":"expired_card","message":"Expired card"}';
    writeFileSync(file, body.padEnd(MAX_INPUT_BYTES, ' '));
    expect(await runBin(['check', '--json', file])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('a $ref to a named pipe is refused, never opened to wait (narrow and check --spec, each bounded by the run\'s timeout)', () => {
  test.each([
    ['narrow', (spec: string) => ['narrow', spec]],
    ['check --spec', (spec: string) => ['check', '--spec', spec, '--operation', 'POST /a', path.join(path.dirname(spec), 'body.json')]],
  ])('%s', async (_name, args) => {
    const folder = mkdtempSync(path.join(dir, 'fifo-'));
    writeFileSync(path.join(folder, 'body.json'), '{"type":"api_error","code":"x","message":"m"}');
    execFileSync('mkfifo', [path.join(folder, 'pipe.yaml')]);
    const spec = path.join(folder, 'openapi.yaml');
    writeFileSync(spec, 'openapi: 3.1.0\ninfo: {title: Pipe, version: "1"}\npaths:\n  /a:\n    post:\n      x-payment-errors: {$ref: ./pipe.yaml}\n      responses: {}\n');
    const ran = await runBin(args(spec));
    expect(ran).toEqual({ code: 2, signal: null, stdout: '', stderr: `payment-errors: ${path.join(folder, 'pipe.yaml')}: it is a named pipe (FIFO), not a file${args('').includes('narrow') ? ' (nothing was written)' : ''}\n` });
  });
});

describe('input bytes the terminal could act on', () => {
  test('invalid UTF-8 in a file is refused, naming where', async () => {
    const file = path.join(dir, 'not-utf8.json');
    writeFileSync(file, Buffer.concat([Buffer.from('{"type":"payment_error",\n"code":"expired_card","message":"Exp'), Buffer.from([0xc3, 0x28]), Buffer.from('ired card"}')]));
    expect(await runBin(['check', file])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `payment-errors: ${file} is not UTF-8 (byte 0xC3 at line 2, byte 37): the API sends UTF-8, so this is not the body it sent\n`,
    });
  });

  test('ESC from the input reaches the terminal as \\u001b', async () => {
    const file = path.join(dir, 'escape.json');
    writeFileSync(file, '\u001b[2J\u001b]0;pwned\u0007{');
    const ran = await runBin(['check', file]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).not.toContain('\u001b');
    expect(ran.stderr).toContain('\\u001b[2J');
  });
});

describe('output that cannot be written', () => {
  test('a full disk (> /dev/full): a message and exit 2', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      expect(await runBin(['list'], { stdout: full })).toEqual({
        code: 2,
        signal: null,
        stdout: '',
        stderr: 'payment-errors: cannot write to standard output: no space left on the device (ENOSPC)\n',
      });
    } finally {
      closeSync(full);
    }
  });

  // Node hands a child a socket pair for a pipe: /proc/self/fd/1 leads to a socket here (a terminal's is a device). Never /dev/null as root.
  test('narrow -o /proc/self/fd/1: refused as what standard output is, exit 2, nothing written there', async () => {
    const spec = path.join(dir, 'tiny.yaml');
    writeFileSync(spec, 'openapi: 3.1.0\ninfo: {title: Tiny, version: "1"}\npaths: {}\n');
    expect(await runBin(['narrow', spec, '-o', '/proc/self/fd/1'])).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr: 'payment-errors: cannot write /proc/self/fd/1: it is a socket, not a regular file: narrow replaces only files (nothing was written)\n',
    });
  });

  test('a closed pipe: a message and exit 2', async () => {
    expect(await runBin(['list'], { closeStdout: true })).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr: 'payment-errors: cannot write to standard output: the reader closed the pipe (EPIPE)\n',
    });
  });
});
