// The README's downstream section, walked line by line from the packed tarball, on three specs:
// the README's own, and two of ours shaped like real payment APIs (tests/fixtures/downstream-walk/:
// a 3.0 spec like a large payment API's, a 3.1 spec like a checkout API's; YAML, with error bodies
// of their own, declarations and narrowed components shared, struct problems). Every block is read
// from README.md (blocksUnder), never copied: a YAML or TypeScript block that names its file is
// written there (the `openapi.yaml` block stands for each spec), and the shell lines run as
// doc-blocks.ts says (npm install of registry packages and `npx --package` linked from this
// repository's node_modules; `typescript@7` is TypeScript 7, installed apart by typescript-7.ts).
// Each command's exit code and output must be what the README says of it: both linters exit 1 on
// any error and 0 otherwise, with each finding in the user's file; narrow prints what it narrowed
// and wrote; openapi-typescript warns of each struct problem and writes src/api.ts; tsc prints
// nothing, under TypeScript 5 and, in the project on TypeScript 7, under 7.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { blocksUnder, shellLines, type DocBlock, type ShellLine, type ShellStep } from '../helpers/doc-blocks.ts';
import { linkInto, run, runNpxPackages, type Ran } from '../helpers/guide-harness.ts';
import { pack } from '../helpers/packed-project.js';
import { TYPESCRIPT_7, typescript7 } from '../helpers/typescript-7.ts';

/** The README's downstream section, in order: the headings whose blocks the walk runs. */
const SECTION = ['Install', 'Linting an API spec', 'A per-operation contract narrowed into a typed client', 'TypeScript 5 and 7'];

interface Finding {
  rule: string;
  /** Where Redocly points (a JSON pointer) and where Spectral does (a path): Spectral cannot point at a $ref. */
  redocly: string;
  spectral: string;
  message: string;
}

interface Case {
  name: string;
  /** The spec (a fixture folder under tests/fixtures/downstream-walk/), or the README's own. */
  fixture: string | undefined;
  /** The kit's findings, the same in both engines. */
  findings: Finding[];
  /** How many operations narrow narrows. */
  narrowed: number;
  /** The struct problems openapi-typescript warns of. */
  struct: string[];
}

const PKG = './node_modules/payment-error-contract/generated';
const NOT_A_BODY = 'not the standardized error body (it has no `type`, `code` and `message`)';
const GENERIC = (problem: string): Finding => ({
  rule: 'example',
  redocly: '#/components/responses/Unauthorized/content/application~1json/examples/generic/value',
  spectral: 'components.responses.Unauthorized.content.application/json.examples.generic.value',
  message: `The error example "generic" breaks the contract: ${problem}.`,
});

const CASES: Case[] = [
  { name: "the README's own spec", fixture: undefined, findings: [], narrowed: 1, struct: [] },
  {
    name: 'a 3.0 spec like a large payment API (charges-3.0)',
    fixture: 'charges-3.0',
    findings: [
      {
        rule: 'document-version',
        redocly: '#/paths/~1refunds/post/responses/500',
        spectral: 'paths./refunds.post.responses',
        message: `This $ref leads into the package's OpenAPI 3.1 document (openapi.yaml), whose 3.1 keywords (\`const\`, lists of \`examples\`) an OpenAPI 3.0 spec does not have: $ref ${PKG}/openapi-3.0.yaml#/components/responses/InternalServerError, its 3.0 translation.`,
      },
      { rule: 'body', redocly: '#/components/schemas/error', spectral: 'components.schemas.error', message: `The default response body is ${NOT_A_BODY}: $ref ${PKG}/openapi-3.0.yaml#/components/schemas/ErrorBody.` },
    ],
    narrowed: 7,
    struct: ['Expected type `boolean` but got `integer`. at #/components/schemas/charge/properties/amount/exclusiveMinimum'],
  },
  {
    name: 'a 3.1 spec like a checkout API, its gateway answering 401, 403 and 422 with a body of its own (checkout-3.1)',
    fixture: 'checkout-3.1',
    findings: [
      {
        rule: 'body',
        redocly: '#/components/schemas/ServiceError',
        spectral: 'components.schemas.ServiceError',
        message: `The 401, 403 and 422 response bodies (one schema) are ${NOT_A_BODY}: $ref ${PKG}/openapi.yaml#/components/schemas/ErrorBody.`,
      },
      GENERIC('`type` is missing'),
      GENERIC('`code` is missing'),
      GENERIC('members the contract does not allow: "status", "errorCode", "errorType"'),
    ],
    narrowed: 4,
    struct: ['Property `nullable` is not expected here. at #/components/schemas/PaymentRequest/properties/shopperReference/nullable'],
  },
];

let work: string;
const timings: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'downstream-walk-'));
  // `npm pack` in the clone, whose tarball the install line reads from ../payment-error-contract/.
  await mkdir(path.join(work, 'payment-error-contract'));
  await pack(path.join(work, 'payment-error-contract'));
  await typescript7();
}, 300_000);

afterAll(async () => {
  if (timings.length) console.info(`tsc on src/client.ts:\n  ${timings.join('\n  ')}`);
  if (work) await rm(work, { recursive: true, force: true });
});

function environment(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
}

/** Spectral's stylish output: each finding's file (the header above it), path, rule and message. */
function spectralFindings(output: string): Array<Finding & { file: string }> {
  const found: Array<Finding & { file: string }> = [];
  let file = '';
  for (const line of output.split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('✖')) file = line.trim();
    const m = /^\s+\d+:\d+\s+(error|warning|information|hint)\s+(\S+)\s+(.+?)\s{2,}(\S+)$/.exec(line);
    if (m) found.push({ file, rule: (m[2] ?? '').replace(/^payment-error-/, ''), spectral: m[4] ?? '', redocly: '', message: m[3] ?? '' });
  }
  return found;
}

/** Redocly's output: `[n] file:line:col at #/pointer`, the message below it, the rule at the end. */
function redoclyFindings(output: string): Array<Finding & { file: string }> {
  const found: Array<Finding & { file: string }> = [];
  const lines = output.split('\n');
  lines.forEach((line, i) => {
    const m = /^\[\d+\] (\S+):\d+:\d+ at (\S+)$/.exec(line);
    if (!m) return;
    const message = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    const rule = /was generated by the (\S+) rule\./.exec(lines.slice(i + 1).find((l) => /was generated by/.test(l)) ?? '')?.[1] ?? '';
    found.push({ file: m[1] ?? '', rule: rule.replace(/^payment-errors\//, ''), redocly: m[2] ?? '', spectral: '', message });
  });
  return found;
}

/** A project on TypeScript 7 has no openapi-typescript nor TypeScript 5 of its own (npm refuses them beside 7). */
async function onTypeScript7(project: string): Promise<void> {
  for (const gone of ['typescript', 'openapi-typescript', '.bin/tsc', '.bin/tsserver', '.bin/openapi-typescript']) await rm(path.join(project, 'node_modules', gone), { recursive: true, force: true });
}

/** npm install of registry packages: linked (see LINK_REASON), `typescript@7` from the TypeScript 7 installed apart. */
async function install(step: ShellStep, project: string, where: string): Promise<string[]> {
  const specs = step.text.replace(/^.*?npm install\s+/, '').split(/\s+/).filter((t) => t !== '' && !t.startsWith('-'));
  const seven = specs.filter((s): boolean => s === 'typescript@7');
  const failures = await linkInto(specs.filter((s) => !seven.includes(s)), path.join(project, 'node_modules'), where);
  if (seven.length) {
    // Linked as the other packages are; its native compiler resolves beside it, where it was installed.
    const installed = path.dirname(path.dirname(await typescript7()));
    await rm(path.join(project, 'node_modules/typescript'), { recursive: true, force: true });
    await symlink(installed, path.join(project, 'node_modules/typescript'), 'dir');
    await mkdir(path.join(project, 'node_modules/.bin'), { recursive: true });
    await rm(path.join(project, 'node_modules/.bin/tsc'), { force: true });
    await symlink('../typescript/bin/tsc', path.join(project, 'node_modules/.bin/tsc'));
  }
  return failures;
}

/** What the README says each command does, held against what it did. */
function expectRan(c: Case, step: ShellStep, ran: Ran, project: string, where: string) {
  const said = `${where}: \`${step.text}\` on ${c.name}`;
  const output = ran.stdout + ran.stderr;
  const errors = c.findings.length > 0 ? 1 : 0;
  const want = (findings: Finding[], engine: 'redocly' | 'spectral') =>
    findings.map((f) => ({ rule: f.rule, at: engine === 'redocly' ? f.redocly : f.spectral, message: f.message })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const got = (findings: Array<Finding & { file: string }>, engine: 'redocly' | 'spectral') => want(findings, engine);
  if (/^npx spectral lint openapi\.yaml$/.test(step.text)) {
    const findings = spectralFindings(ran.stdout);
    expect(ran.code, `${said}: exits 1 on any error\n${output}`).toBe(errors);
    expect(new Set(findings.map((f) => f.file)), `${said}: every finding in the user's file`).toEqual(new Set(findings.length ? [path.join(project, 'openapi.yaml')] : []));
    expect(got(findings, 'spectral'), said).toEqual(want(c.findings, 'spectral'));
  } else if (/^REDOCLY_TELEMETRY=off npx redocly lint openapi\.yaml$/.test(step.text)) {
    const findings = redoclyFindings(ran.stdout + ran.stderr);
    expect(ran.code, `${said}: exits 1 on any error\n${output}`).toBe(errors);
    expect(new Set(findings.map((f) => f.file)), `${said}: every finding in the user's file`).toEqual(new Set(findings.length ? ['openapi.yaml'] : []));
    expect(got(findings, 'redocly'), said).toEqual(want(c.findings, 'redocly'));
  } else if (/^npx payment-errors narrow openapi\.yaml -o dist\/openapi\.yaml$/.test(step.text)) {
    expect({ code: ran.code, stdout: ran.stdout, stderr: ran.stderr }, said).toEqual({
      code: 0,
      stdout: '',
      stderr: `payment-errors: narrowed the error responses of ${c.narrowed} operation${c.narrowed === 1 ? '' : 's'}; wrote dist/openapi.yaml\n`,
    });
  } else if (/openapi-typescript dist\/openapi\.yaml -o src\/api\.ts --redocly openapi-ts\.redocly\.yaml$/.test(step.text)) {
    expect(ran.code, `${said}\n${output}`).toBe(0);
    const warnings = output.split('\n').filter((l) => l.includes('⚠')).map((l) => l.replace(/^.*⚠\s+/, '').trim());
    expect(warnings, `${said}: a warning for each struct problem`).toEqual(c.struct);
    expect(output, said).toContain('dist/openapi.yaml → src/api.ts');
    expect(existsSync(path.join(project, 'src/api.ts')), `${said}: writes src/api.ts`).toBe(true);
  } else if (/^npx tsc --noEmit /.test(step.text)) {
    expect({ code: ran.code, output }, `${said}: prints nothing`).toEqual({ code: 0, output: '' });
  } else if (/^npm install \.\.\/|^echo /.test(step.text)) {
    expect(ran.code, `${said}\n${output}`).toBe(0);
  } else {
    throw new Error(`${said}: the walk does not know what the README says of this command; add it here`);
  }
}

/** Runs one shell line of the README in the project. */
async function runLine(c: Case, line: ShellLine, project: string, packed: string, block: DocBlock) {
  const where = `${line.doc}:${line.line}`;
  for (const step of line.steps) {
    if (line.context === 'repo') {
      // In the clone: npm ci and npm run build are what test:guides runs as written on a copy of the
      // repository; here the tree is built (test:packed and test:guides run after npm run build).
      if (step.text === 'npm pack') expect(existsSync(packed), `${where}: npm pack wrote the tarball`).toBe(true);
      else expect(['npm ci', 'npm run build'], `${where}: a command of the clone the walk does not know`).toContain(step.text);
      continue;
    }
    if (step.how === 'link') {
      if (block.heading === 'TypeScript 5 and 7') await onTypeScript7(project);
      expect(await install(step, project, where)).toEqual([]);
      continue;
    }
    let ran: Ran;
    // What openapi-typescript is said to write must be written by this run.
    if (/openapi-typescript/.test(step.text)) await rm(path.join(project, 'src/api.ts'), { force: true });
    if (step.how === 'npx-packages') {
      const npx = await runNpxPackages(step, project, environment(), where);
      expect(npx.failures).toEqual([]);
      ran = npx.ran!;
    } else {
      expect(step.how, `${where}: \`${step.text}\``).toBe('run');
      const started = performance.now();
      ran = await run('bash', ['-o', 'pipefail', '-c', step.text], project, environment());
      if (/^npx tsc /.test(step.text)) {
        const version = JSON.parse(await readFile(path.join(project, 'node_modules/typescript/package.json'), 'utf8')).version as string;
        expect(version.split('.')[0], `${where}: tsc under ${block.heading === 'TypeScript 5 and 7' ? 'TypeScript 7' : 'TypeScript 5'}`).toBe(block.heading === 'TypeScript 5 and 7' ? '7' : '5');
        timings.push(`${c.name}: TypeScript ${version}: ${Math.round(performance.now() - started)} ms`);
      }
    }
    expectRan(c, step, ran, project, where);
  }
}

test.each(CASES)('the README downstream, line by line, on $name', async (c) => {
  const project = path.join(work, c.fixture ?? 'readme');
  await mkdir(project);
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'your-project', private: true, type: 'module' }, null, 2));
  const packed = path.join(work, 'payment-error-contract', `payment-error-contract-${JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')).version}.tgz`);
  for (const heading of SECTION) {
    for (const block of blocksUnder('README.md', heading)) {
      expect(block.tested, `${block.doc}:${block.line} is walked here`).toBe('tests/packed/downstream-walk.test.ts');
      if (block.lang === 'sh') {
        for (const line of shellLines(block)) await runLine(c, line, project, packed, block);
        continue;
      }
      expect(block.file, `${block.doc}:${block.line}: a ${block.lang} block the walk writes names its file`).toBeDefined();
      const file = path.join(project, block.file!);
      await mkdir(path.dirname(file), { recursive: true });
      if (block.file === 'openapi.yaml' && c.fixture) await cp(path.join(REPO_ROOT, 'tests/fixtures/downstream-walk', c.fixture, 'openapi.yaml'), file);
      else await writeFile(file, `${block.code}\n`);
    }
  }

  // Why type generation has a config of its own: with the contract's redocly.yaml, it stops on any
  // part of the spec that does not follow the contract yet.
  const withContract = await run(path.join(REPO_ROOT, 'node_modules/.bin/openapi-typescript'), ['dist/openapi.yaml', '-o', 'contract-api.ts'], project, environment());
  expect(withContract.code, 'openapi-typescript with the contract\'s redocly.yaml').toBe(c.findings.length ? 1 : 0);
  // The narrowed types reach the client: a code the operation does not declare does not compile, under 7 as under 5.
  const client = await readFile(path.join(project, 'src/client.ts'), 'utf8');
  await writeFile(path.join(project, 'src/undeclared.ts'), client.replace("error.code === '3DS_required'", "error.code === 'fraud'"));
  const undeclared = await run(process.execPath, [await typescript7(), '--noEmit', '--strict', '--module', 'nodenext', '--lib', 'es2022,dom', 'src/undeclared.ts'], project);
  const [, declared] = /error TS2367: This comparison appears to be unintentional because the types '(.*)' and '"fraud"' have no overlap/.exec(undeclared.stdout) ?? [];
  // TypeScript 7 lists a union's members in an order of its own.
  expect(declared?.split(' | ').sort(), undeclared.stdout).toEqual(['"3DS_required"', '"expired_card"', '"not_enough_balance"']);
});

test(`the walk's TypeScript 7 is ${TYPESCRIPT_7}, and what the README's TypeScript 5 line gives is 5`, async () => {
  const seven = await run(process.execPath, [await typescript7(), '--version'], work);
  expect(seven.stdout.trim()).toBe(`Version ${TYPESCRIPT_7}`);
  const five = JSON.parse(await readFile(path.join(REPO_ROOT, 'node_modules/typescript/package.json'), 'utf8')).version as string;
  expect(five.split('.')[0]).toBe('5');
});
