// The real Prism mock server (@stoplight/prism-cli, on 127.0.0.1) serving a spec narrowed by the
// packed package's `payment-errors narrow` answers error requests (Prefer: code=..., example=...)
// with bodies that `check --har` (on a HAR recorded from it) and the matcher (under vitest)
// accept. Prism runs with tests/helpers/deny-network.cjs preloaded, and the test checks that it
// tried no connection or lookup outside this machine; the guard itself is shown to catch one.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { recordHar } from '../helpers/har-recorder.js';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';

const DENY = path.join(REPO_ROOT, 'tests/helpers/deny-network.cjs');
let project: PackedProject;
let prism: ChildProcess | undefined;
let url = '';
let networkLog = '';

/** A free port of 127.0.0.1 (listened on, then closed). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  project = await packedProject([
    { name: '@stoplight/prism-cli', bin: ['prism', 'dist/index.js'] },
    { name: 'vitest', bin: ['vitest', 'vitest.mjs'] },
  ]);
  await cp(path.join(REPO_ROOT, 'tests/fixtures/narrow/openapi.yaml'), path.join(project.dir, 'openapi.yaml'));
  const narrowed = await project.run(path.join(project.dir, 'node_modules/.bin/payment-errors'), ['narrow', 'openapi.yaml', '-o', 'narrowed.yaml']);
  expect(narrowed.code, narrowed.stderr).toBe(0);

  networkLog = path.join(project.dir, 'network.log');
  await writeFile(networkLog, '');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  prism = spawn(process.execPath, ['--require', DENY, path.join(project.dir, 'node_modules/.bin/prism'), 'mock', 'narrowed.yaml', '-h', '127.0.0.1', '-p', String(port)], {
    cwd: project.dir,
    env: { ...process.env, DENY_NETWORK_LOG: networkLog },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start in 60 s:\n${output}`)), 60_000);
    const seen = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    prism?.stdout?.on('data', seen);
    prism?.stderr?.on('data', seen);
    prism?.on('exit', (code) => reject(new Error(`prism exited (${code}):\n${output}`)));
  });
}, 300_000);

afterAll(async () => {
  if (prism && prism.exitCode === null) {
    const exited = new Promise((resolve) => prism?.once('exit', resolve));
    prism.kill();
    await exited;
  }
  await project?.remove();
});

/** The error requests: Prism answers each with the narrowed response's example, as Prefer says. */
const REQUESTS = [
  ['POST', '/payments', 'code=400'],
  ['POST', '/payments', 'code=400, example=PaymentErrorExpiredCard'],
  ['POST', '/payments', 'code=400, example=PaymentError3DSRequired'],
  ['POST', '/payments', 'code=500'],
  ['POST', '/payments/pay_1/capture', 'code=400, example=balance'],
  ['POST', '/refunds', 'code=400'],
  ['POST', '/payments', 'code=201'],
] as const;

test('check --har on a HAR recorded from Prism: every error response conforms and is declared', async () => {
  const har = await recordHar(REQUESTS.map(([method, p, prefer]) => ({ method, url: `${url}${p}`, headers: { prefer } })));
  const bodies = (har.log.entries as Array<{ response: { status: number; content: { text: string } } }>).map((e) => [e.response.status, e.response.content.text ? JSON.parse(e.response.content.text) : null]);
  expect(bodies).toEqual([
    [400, { type: 'invalid_request_error', code: 'missing_parameter', message: 'Mandatory parameter is missing' }],
    [400, { type: 'payment_error', code: 'expired_card', message: 'Expired card' }],
    [400, { type: 'payment_error', code: '3DS_required', message: 'The issuer bank requires the 3D Secure process' }],
    [500, expect.objectContaining({ type: 'api_error' })],
    [400, { type: 'payment_error', code: 'not_enough_balance', message: 'Not enough balance' }],
    [400, expect.objectContaining({ type: expect.any(String) })],
    [201, null],
  ]);
  await writeFile(path.join(project.dir, 'prism.har'), JSON.stringify(har));
  const result = await project.run(path.join(project.dir, 'node_modules/.bin/payment-errors'), ['check', '--spec', 'narrowed.yaml', '--har', 'prism.har', '--json']);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout);
  expect(report.totals).toEqual({ matched: 7, errorResponses: 6, conforming: 6, violations: 0, notChecked: 0, unmatched: 0, ambiguous: 0, malformed: 0 });
  expect(report.notes).toEqual(['the spec names no servers: requests to any host are matched by their path alone']);
  expect(result.code).toBe(0);
});

test('the matcher, under vitest, accepts what Prism sends', async () => {
  await writeFile(path.join(project.dir, 'vitest.setup.ts'), "import { expect } from 'vitest';\nimport { errorContract } from 'payment-error-contract/vitest';\nexpect.extend(errorContract('narrowed.yaml'));\n");
  await writeFile(path.join(project.dir, 'vitest.config.ts'), "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { setupFiles: ['./vitest.setup.ts'] } });\n");
  await writeFile(
    path.join(project.dir, 'prism.test.ts'),
    `import { expect, test } from 'vitest';
const requests = ${JSON.stringify(REQUESTS.filter(([, , prefer]) => prefer !== 'code=201'))};
test.each(requests)('%s %s (Prefer: %s)', async (method, path, prefer) => {
  const response = await fetch(process.env.PRISM_URL + path, { method, headers: { prefer } });
  const operation = path === '/payments/pay_1/capture' ? 'capturePayment' : method + ' ' + path;
  await expect(response).toBeDeclaredError(operation);
});
`,
  );
  const ran = await project.run(path.join(project.dir, 'node_modules/.bin/vitest'), ['run', 'prism.test.ts'], '', { PRISM_URL: url, NO_COLOR: '1' });
  expect(ran.stdout + ran.stderr).toMatch(/Tests\s+6 passed \(6\)/);
  expect(ran.code).toBe(0);
});

test('Prism tried no connection and no lookup outside this machine', async () => {
  expect(await readFile(networkLog, 'utf8')).toBe('');
});

test('the guard catches a call outside this machine', async () => {
  const log = path.join(project.dir, 'guard.log');
  await writeFile(log, '');
  // Documentation addresses (RFC 5737): nothing answers there, and nothing is sent.
  const script = "fetch('http://198.51.100.7:8080/').catch(() => {}); require('node:http').get('http://198.51.100.8:8080/').on('error', () => {}); require('node:dns').lookup('example.invalid', () => {});";
  await new Promise<void>((resolve) => execFile(process.execPath, ['--require', DENY, '-e', script], { env: { ...process.env, DENY_NETWORK_LOG: log }, timeout: 30_000 }, () => resolve()));
  expect((await readFile(log, 'utf8')).split('\n').filter(Boolean).sort()).toEqual(['connect 198.51.100.7:8080', 'connect 198.51.100.8:8080', 'lookup example.invalid']);
});
