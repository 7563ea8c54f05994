// docs/traffic.md as a user follows it, from the packed tarball: every code block of the guide is
// run or compiled as written (the commands in a scratch project holding the fixtures, their
// output compared with the output the guide shows; the vitest and jest setups with the real
// runners against a real server on 127.0.0.1), and the last test checks that no block was left
// out. Beside the guide: the matcher failing under both runners on an undeclared code, and
// `check --har` on a HAR recorded from that server by the tests' own recorder.
import { execFile } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { Blocks, blocksUnder } from '../helpers/doc-blocks.ts';
import { recordHar } from '../helpers/har-recorder.js';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';
import { startServer } from '../helpers/traffic-app.js';

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/traffic');
let project: PackedProject;
let blocks: Blocks;
/** A block's text as a file holds it: its lines, each ended. */
const lines = (block: { code: string }) => `${block.code}\n`;

beforeAll(async () => {
  blocks = new Blocks([
    ...blocksUnder('docs/traffic.md', 'A support engineer\'s HAR run'),
    ...blocksUnder('docs/traffic.md', 'JSON Lines: access logs and test runs'),
    ...blocksUnder('docs/traffic.md', 'The --json document'),
    ...blocksUnder('docs/traffic.md', 'vitest'),
    ...blocksUnder('docs/traffic.md', 'jest'),
  ]);
  project = await packedProject([
    { name: 'vitest', bin: ['vitest', 'vitest.mjs'] },
    { name: 'jest', bin: ['jest', 'bin/jest.js'] },
    { name: 'supertest' },
    { name: 'typescript', bin: ['tsc', 'bin/tsc'] },
    { name: '@types/node' },
  ]);
  // The CLI's folder, and one for each test runner (jest would pick up vitest's test files).
  for (const folder of ['.', 'vitest', 'jest']) {
    await mkdir(path.join(project.dir, folder), { recursive: true });
    await cp(path.join(FIXTURES, 'openapi.yaml'), path.join(project.dir, folder, 'openapi.yaml'));
    await cp(path.join(REPO_ROOT, 'tests/helpers/traffic-app.js'), path.join(project.dir, folder, 'app.js'));
  }
  await cp(path.join(FIXTURES, 'checkout.har'), path.join(project.dir, 'checkout.har'));
}, 300_000);

afterAll(async () => {
  await project?.remove();
});

/** A shell command of the guide, in a folder of the project, with its node_modules/.bin on the PATH (npx finds the same). */
function sh(command: string, folder = '.'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PATH: `${path.join(project.dir, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', CI: 'true', npm_config_offline: 'true' };
    execFile('sh', ['-c', command], { cwd: path.join(project.dir, folder), env, timeout: 170_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
      if (code === undefined) reject(new Error(`${command}: ${error?.message}\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

const write = (folder: string, file: string, text: string) => writeFile(path.join(project.dir, folder, file), text);

describe('the CLI', () => {
  test("the support engineer's HAR run prints the report the guide shows", async () => {
    const command = lines(blocks.take({ lang: 'sh', nth: 0 }));
    const output = lines(blocks.take({ lang: 'text', nth: 0 }));
    expect(command).toBe('npx payment-errors check --spec openapi.yaml --har checkout.har\n');
    const result = await sh(command);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(output);
  });

  test('the same from standard input', async () => {
    const result = await sh(lines(blocks.take({ lang: 'sh', nth: 1 })));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(lines(blocks.take({ lang: 'text', nth: 0 })).replace('checkout.har,', 'standard input,'));
  });

  test('JSON Lines with --json: the document the guide shows', async () => {
    await write('.', 'responses.jsonl', lines(blocks.take({ lang: 'jsonl' })));
    const result = await sh(lines(blocks.take({ lang: 'sh', nth: 2 })));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(lines(blocks.take({ lang: 'json' })));
  });
});

test("the fixture's JSON Lines, from the packed CLI: exactly the planted problems", async () => {
  await cp(path.join(FIXTURES, 'checkout.jsonl'), path.join(project.dir, 'checkout.jsonl'));
  const result = await sh('payment-errors check --spec openapi.yaml --jsonl - --json < checkout.jsonl');
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout);
  expect(report.violations.map((v: { where: string; code: string | null }) => [v.where, v.code])).toEqual([
    ['line 3', 'fraud'],
    ['line 4', 'expired_card'],
    ['line 5', 'no_such_code'],
    ['line 6', null],
    ['line 13', null],
  ]);
  expect(report.totals).toEqual({ matched: 10, errorResponses: 8, conforming: 2, violations: 5, notChecked: 1, unmatched: 2, ambiguous: 1, malformed: 0 });
});

describe('vitest', () => {
  test('the setup and the test of the guide: compiled by tsc (the matcher typed for vitest) and passed by vitest', async () => {
    for (const title of ['vitest.config.ts', 'vitest.setup.ts', 'payments.test.ts']) await write('vitest', title, lines(blocks.take({ file: title })));
    await write('vitest', 'tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: ['node'], allowJs: true, skipLibCheck: true }, files: ['vitest.setup.ts', 'payments.test.ts', 'vitest.config.ts'] }));
    const compiled = await sh('tsc -p tsconfig.json', 'vitest');
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.code).toBe(0);
    // The guard of that: a matcher vitest does not know does not compile.
    await write('vitest', 'typo.test.ts', "import { expect, test } from 'vitest';\ntest('x', async () => {\n  await expect({ status: 400, body: {} }).toBeDeclaredErorr('POST /payments');\n});\n");
    const typo = await sh('tsc --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 --types node --skipLibCheck vitest.setup.ts typo.test.ts', 'vitest');
    expect(typo.stdout).toContain("Property 'toBeDeclaredErorr' does not exist");
    const ran = await sh('vitest run payments.test.ts', 'vitest');
    expect(ran.stdout + ran.stderr).toMatch(/Tests\s+2 passed \(2\)/);
    expect(ran.code).toBe(0);
  });

  test('an undeclared code fails the test with the message the guide shows; .not and the other shapes of response', async () => {
    const setup = "import { afterAll, beforeAll, expect, test } from 'vitest';\nimport { startServer } from './app.js';\nlet server: Awaited<ReturnType<typeof startServer>>;\nbeforeAll(async () => { server = await startServer(); });\nafterAll(() => server.close());\nconst pay = (card: string) => fetch(`${server.url}/payments`, { method: 'POST', body: JSON.stringify({ card }) });\n";
    await write(
      'vitest',
      'undeclared.test.ts',
      `${setup}
test('stolen', async () => { await expect(await pay('stolen')).toBeDeclaredError('POST /payments'); });
test('stolen, not', async () => { await expect(await pay('stolen')).not.toBeDeclaredError('createPayment'); });
test('expired, not', async () => { await expect(await pay('expired')).not.toBeDeclaredError('POST /payments'); });
test('an HTML page', async () => { await expect(await pay('unknown')).toBeDeclaredError('POST /payments'); });
test('{ status, body }', async () => { await expect({ status: 400, body: { type: 'payment_error', code: '3DS_required', message: 'The issuer bank requires the 3D Secure process' } }).toBeDeclaredError('createPayment'); });
test('an operation the spec does not have', async () => { await expect(await pay('stolen')).not.toBeDeclaredError('POST /payment'); });
`,
    );
    const ran = await sh('vitest run undeclared.test.ts', 'vitest');
    expect(ran.code).toBe(1);
    const out = ran.stdout + ran.stderr;
    expect(out).toMatch(/Tests\s+4 failed \| 2 passed \(6\)/);
    for (const name of ['stolen', 'expired, not', 'an HTML page', 'an operation the spec does not have']) expect(out).toMatch(new RegExp(`FAIL\\s+undeclared\\.test\\.ts > ${name}\\b`));
    for (const line of lines(blocks.take({ lang: 'text', nth: 1 })).trimEnd().split('\n')) expect(out).toContain(line);
    expect(out).toContain('expected the response not to be a declared error of POST /payments, but it is one: HTTP 400 {"type":"payment_error","code":"expired_card","message":"Expired card"}');
    expect(out).toContain('the Content-Type is "text/html", not application/json');
    expect(out).toContain('has no operation "POST /payment" (did you mean POST /payments');
  });
});

describe('jest', () => {
  test('the setup and the test of the guide pass under jest', async () => {
    for (const title of ['jest.config.js', 'jest.setup.js', 'payments.test.js']) await write('jest', title, lines(blocks.take({ file: title })));
    await writeFile(path.join(project.dir, 'jest', 'package.json'), JSON.stringify({ name: 'jest-consumer', private: true, type: 'module' }));
    const ran = await sh(lines(blocks.take({ lang: 'sh', nth: 3 })), 'jest');
    expect(ran.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
    expect(ran.code).toBe(0);
  });

  test('under jest too, an undeclared code fails, .not passes, a mistake throws', async () => {
    await write(
      'jest',
      'undeclared.test.js',
      `import request from 'supertest';
import { startServer } from './app.js';
let server;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());
const pay = (card) => request(server.url).post('/payments').send({ card });
test('stolen', async () => { await expect(await pay('stolen')).toBeDeclaredError('POST /payments'); });
test('stolen, not', async () => { await expect(await pay('stolen')).not.toBeDeclaredError('POST /payments'); });
test('expired', async () => { await expect(await pay('expired')).toBeDeclaredError('createPayment'); });
test('a light-my-request-shaped response', async () => { await expect({ statusCode: 400, headers: { 'content-type': 'application/json' }, payload: '{"type":"payment_error","code":"fraud","message":"FRAUD"}' }).not.toBeDeclaredError('POST /payments'); });
test('a typo in the operation, with .not', async () => { await expect(await pay('stolen')).not.toBeDeclaredError('POST /paymets'); });
`,
    );
    const ran = await sh('NODE_OPTIONS=--experimental-vm-modules npx jest undeclared.test.js', 'jest');
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/Tests:\s+2 failed, 3 passed, 5 total/);
    expect(ran.stderr).toContain('payment_error.fraud is not among the codes of payment_error the operation declares (expired_card, not_enough_balance, 3DS_required)');
    expect(ran.stderr).toContain('has no operation "POST /paymets" (did you mean POST /payments');
    expect(ran.stderr).toMatch(/✕ stolen \(/);
    expect(ran.stderr).toMatch(/✕ a typo in the operation, with \.not/);
  });
});

test('check --har on a HAR recorded from the real server catches the undeclared code and the HTML page, and nothing else', async () => {
  const server = await startServer();
  try {
    const post = (card: string, base64 = false) => ({ method: 'POST', url: `${server.url}/payments`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card }), base64 });
    const har = await recordHar([post('visa'), post('expired'), post('stolen'), post('unknown'), post('expired', true)]);
    await writeFile(path.join(project.dir, 'recorded.har'), JSON.stringify(har, null, 2));
  } finally {
    await server.close();
  }
  const result = await sh('payment-errors check --spec openapi.yaml --har recorded.har --json');
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout);
  expect(report.totals).toEqual({ matched: 5, errorResponses: 4, conforming: 2, violations: 2, notChecked: 0, unmatched: 0, ambiguous: 0, malformed: 0 });
  expect(report.violations.map((v: { entry: number; code: string | null; problems: Array<{ rule: string }> }) => [v.entry, v.code, v.problems.map((p) => p.rule)])).toEqual([
    [2, 'fraud', ['declared']],
    [3, null, ['content-type', 'body']],
  ]);
});

// The README shows the same two things in short: they must be what this file runs.
describe("the README's section", () => {
  const [command, matcherTest] = blocksUnder('README.md', 'Checking a running API');

  test('its HAR run prints the report the guide shows', async () => {
    const result = await sh(lines(command!));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(lines(blocks.all.find((b) => b.lang === 'text')!));
  });

  test("its matcher test is the guide's setup and a test of the guide's payments.test.ts, which ran above", () => {
    const [setupComment, ...test] = matcherTest!.code.split('\n');
    expect(setupComment).toBe("// vitest.setup.ts: expect.extend(errorContract('openapi.yaml')), from 'payment-error-contract/vitest'");
    const setup = blocks.all.find((b) => b.file === 'vitest.setup.ts')!.code;
    expect(setup).toContain("import { errorContract } from 'payment-error-contract/vitest';");
    expect(setup).toContain("expect.extend(errorContract('openapi.yaml'));");
    expect(blocks.all.find((b) => b.file === 'payments.test.ts')!.code).toContain(test.join('\n'));
  });
});

test('every code block of docs/traffic.md was run or compiled above', () => {
  expect(blocks.unused()).toEqual([]);
});
