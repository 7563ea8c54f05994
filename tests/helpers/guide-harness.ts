// Runs the code blocks of a guide as a reader would, each checked by what it is (see checkOf in
// doc-blocks.ts), in the order the guide gives them, in one project that installed the packed
// package:
// - TypeScript is compiled with the real tsc against the installed package (strict,
//   noUncheckedIndexedAccess, exactOptionalPropertyTypes, nodenext, library declarations checked);
//   a block that shows its output (`// → ` lines) is run and must print exactly that. A block that
//   names its file (`// src/client.ts`) is written there when the guide reaches it. Functions an
//   example calls but does not define (showError, ...) are declared in EXAMPLES_ENV.
// - A `.spectral.yaml` is loaded by Spectral and a `redocly.yaml` by Redocly CLI, each on a fixture
//   with mistakes (tests/fixtures/downstream/mistakes/), and must take effect: the kit's rules
//   report, a rule switched off reports nothing where it did without the config (everywhere, or on
//   the paths of an override), payment-errors/all makes every finding an error, the narrow
//   decorator narrows (tests/fixtures/narrow/). A config problem the engine reports (an unknown
//   rule, a config that does not load) fails the block.
// - An OpenAPI document or part of one (completed with `openapi` and `info` where it has none) is
//   linted by both engines with the kit's rules only (and Redocly's struct and no-unresolved-refs):
//   every $ref must resolve and nothing may be found.
// - An edit of the contract's source (`# openapi/..., beside <key>`) is made in a copy of this
//   repository, where `npm run compat` must report it.
// - A JSON body is checked with the installed package: it must conform.
// - Shell commands run where their block says (a copy of the repository with its own npm ci, or the
//   project), with the exit code the line announces (`(exit N)`, else 0); the commands the tests
//   cannot run are checked as shellLines (doc-blocks.ts) says, each for a stated reason.
// Nothing reaches the network: npm runs offline, Redocly's telemetry is off, `$API` is a local stub
// that answers every request with a 400 payment_error body (request.json is the body curl sends).
import { execFile } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { checkOf, codeBlocks, coverageProblem, shellLines, shownOutput, type DocBlock, type ShellLine, type ShellStep } from './doc-blocks.ts';
import { copyProject } from './project-copy.js';

export interface GuideEnv {
  /** a copy of this repository with node_modules of its own, for contributor commands (undefined: none) */
  repo: string | undefined;
  /** the project that installed the package (README.md's install), where consumer commands run */
  project: string;
  /** the stub API's address, `$API` in the commands */
  api: string;
  /** repository commands that already ran, and where: each runs once per environment */
  ran: Map<string, string>;
}

export interface GuideResult {
  failures: string[];
  /** what was checked some other way than running it, and why */
  notes: string[];
}

/** What the examples call but do not define: the application's own functions and a test's `expect`. */
export const EXAMPLES_ENV = `// The application's own functions the guides' examples call.
declare function showError(message: string): void;
declare function startThreeDSecure(): void;
declare function retryLater(): void;
declare function reportBrokenResponse(reason: string): void;
declare const res: { status(code: number): { json(body: unknown): void } };
declare const response: Response;
declare function expect(value: unknown): { toEqual(value: unknown): void };
`;

const TSCONFIG = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  module: 'nodenext',
  moduleResolution: 'nodenext',
  moduleDetection: 'force',
  target: 'es2022',
  lib: ['es2022', 'dom'],
  types: [],
  skipLibCheck: false,
  outDir: '.doc-examples-js',
  rootDir: '.',
};

const RUN_TIMEOUT_MS = 240_000;
const BIN = (name: string) => path.join(REPO_ROOT, 'node_modules/.bin', name);
const MISTAKES = path.join(REPO_ROOT, 'tests/fixtures/downstream/mistakes/openapi.yaml');
const NARROW_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/narrow/openapi.yaml');
/** Files of the project a guide does not start from: everything else is removed before each guide. */
const KEPT = new Set(['node_modules', 'package.json', 'package-lock.json']);

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function environment(env: GuideEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    API: env.api,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  };
}

/** Runs a command; resolves to its exit code and output whatever the code; rejects when it hangs. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { cwd, env, timeout: RUN_TIMEOUT_MS, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`${command} ${args.join(' ')}: ${error.signal ? `killed by ${error.signal}` : error.message}\n${stderr}`));
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

const tail = (text: string, lines = 12) => text.trim().split('\n').slice(-lines).join('\n');
/** Redocly CLI's notice box about Node 20, on every run. */
const withoutBox = (text: string) => text.split('\n').filter((l) => !/[║╔╚]/.test(l)).join('\n');

/** The stub API `$API` stands for: every request is answered with a 400 payment_error body. */
export async function startStubApi(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ type: 'payment_error', code: 'expired_card', message: 'Expired card' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Copies the files of this repository a clone has (tracked, and new ones not ignored), as they are now. */
export async function copyRepository(to: string): Promise<void> {
  const listed = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], REPO_ROOT);
  if (listed.code !== 0) throw new Error(`git ls-files: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter((f) => f !== '' && existsSync(path.join(REPO_ROOT, f)))) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await cp(path.join(REPO_ROOT, file), path.join(to, file));
  }
}

async function resetProject(env: GuideEnv) {
  for (const entry of await readdir(env.project)) if (!KEPT.has(entry)) await rm(path.join(env.project, entry), { recursive: true, force: true });
  await writeFile(path.join(env.project, 'request.json'), '{}\n');
}

/** A folder for one check, beside the project's node_modules (linked) so that its $refs resolve as in the project. */
async function checkFolder(env: GuideEnv, name: string): Promise<string> {
  const dir = path.join(env.project, '.doc-checks', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await symlink(path.join(env.project, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

// ---------------------------------------------------------------------------------------------
// The engines, as the checks use them (from this repository's node_modules: they are the
// harness's instruments; the guides' own commands use what the project installed).

interface Finding {
  rule: string;
  path: string[];
  severity: string;
  message: string;
}

async function spectral(dir: string, spec: string, ruleset: string): Promise<{ findings: Finding[]; problem: string | undefined }> {
  const ran = await run(BIN('spectral'), ['lint', spec, '--ruleset', ruleset, '--format', 'json', '--quiet'], dir);
  if (ran.code > 1) return { findings: [], problem: tail(ran.stdout + ran.stderr, 4) };
  const severities = ['error', 'warn', 'info', 'hint'];
  const findings = (JSON.parse(ran.stdout || '[]') as Array<{ code: string; path: string[]; severity: number; message: string }>).map((f) => ({
    rule: String(f.code),
    path: f.path.map(String),
    severity: severities[f.severity] ?? String(f.severity),
    message: f.message,
  }));
  return { findings, problem: undefined };
}

async function redocly(dir: string, args: string[], config: string): Promise<Ran> {
  return run(BIN('redocly'), [...args, '--config', config], dir, { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' });
}

/** What Redocly said about its config: a config it could not load, keys it does not know, rules or decorators nothing uses. */
function redoclyConfigProblems(ran: Ran, config: string): string[] {
  const text = withoutBox(ran.stderr);
  // A problem's line, and the lines of its list (`  - Invalid config ...`) below it.
  const problems: string[] = [];
  let listing = false;
  for (const l of text.split('\n')) {
    if (/\[WARNING\]|\[ERROR\]|Failed to load|not found/.test(l) || l.includes(`${config}:`)) {
      problems.push(l);
      listing = true;
    } else if (listing && /^\s+- /.test(l)) problems[problems.length - 1] += ` ${l.trim()}`;
    else if (l.trim() !== '') listing = false;
  }
  if (ran.code > 1 && problems.length === 0) problems.push(tail(text, 4));
  return problems.map((l) => l.trim());
}

async function redoclyLint(dir: string, spec: string, config: string): Promise<{ findings: Finding[]; problems: string[] }> {
  const ran = await redocly(dir, ['lint', spec, '--format', 'json'], config);
  const problems = redoclyConfigProblems(ran, config);
  if (ran.code > 1) return { findings: [], problems };
  const report = JSON.parse(ran.stdout) as { problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }> };
  const findings = report.problems.map((p) => ({
    rule: p.ruleId,
    path: (p.location[0]?.pointer ?? '').replace(/^#\/?/, '').split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~')),
    severity: p.severity,
    message: p.message,
  }));
  return { findings, problems };
}

const count = (findings: Finding[], rule: string, under?: string[]) => findings.filter((f) => f.rule === rule && (!under || under.every((s, i) => f.path[i] === s))).length;
const listOf = (findings: Finding[]) => findings.map((f) => `${f.rule} at ${f.path.join('.')}: ${f.message}`);

// ---------------------------------------------------------------------------------------------
// One check per kind of block.

/** A spec the engines' own rule sets find fault with (no contact, no operation summary), to show that it is on. */
const FOR_RECOMMENDED = stringify({ openapi: '3.1.0', info: { title: 'Guide check', version: '1.0.0' }, paths: { '/x': { get: { responses: { '200': { description: 'OK' } } } } } });

async function checkSpectralConfig(block: DocBlock, env: GuideEnv): Promise<string[]> {
  const where = `${block.doc}:${block.line}`;
  const dir = await checkFolder(env, `spectral-${block.line}`);
  await cp(MISTAKES, path.join(dir, 'openapi.yaml'));
  const config = parse(block.code) as { extends?: unknown; rules?: Record<string, unknown>; overrides?: Array<{ files: string[]; rules: Record<string, unknown> }> };
  const unknown = Object.keys(config).filter((k) => !['extends', 'rules', 'overrides'].includes(k));
  if (unknown.length) return [`${where}: no check for ${unknown.join(', ')} in a Spectral ruleset`];
  await writeFile(path.join(dir, '.spectral.yaml'), block.code);
  await writeFile(path.join(dir, 'base.spectral.yaml'), stringify({ extends: config.extends }));
  const withConfig = await spectral(dir, 'openapi.yaml', '.spectral.yaml');
  if (withConfig.problem) return [`${where}: Spectral does not load this ruleset: ${withConfig.problem}`];
  const base = await spectral(dir, 'openapi.yaml', 'base.spectral.yaml');
  if (base.problem) return [`${where}: Spectral does not load this ruleset's extends: ${base.problem}`];
  const failures: string[] = [];
  const extended = ([] as unknown[]).concat(config.extends ?? []).flat(2).map(String);
  if (extended.includes('payment-error-contract/spectral') && !base.findings.some((f) => f.rule.startsWith('payment-error-'))) failures.push(`${where}: the kit's rules report nothing on a spec full of mistakes: the ruleset did not load them`);
  if (extended.includes('spectral:oas')) {
    await writeFile(path.join(dir, 'for-recommended.yaml'), FOR_RECOMMENDED);
    const oas = await spectral(dir, 'for-recommended.yaml', '.spectral.yaml');
    if (!oas.findings.some((f) => f.rule === 'info-contact')) failures.push(`${where}: spectral:oas does not report an info without a contact: it did not load`);
  }
  const offEverywhere = new Set<string>();
  for (const [rule, value] of Object.entries(config.rules ?? {})) {
    if (value !== 'off') {
      failures.push(`${where}: no check for \`${rule}: ${JSON.stringify(value)}\``);
      continue;
    }
    offEverywhere.add(rule);
    if (count(base.findings, rule) === 0) failures.push(`${where}: the fixture has no finding of ${rule}, so switching it off cannot be shown`);
    else if (count(withConfig.findings, rule) > 0) failures.push(`${where}: ${rule} is switched off but still reports`);
  }
  for (const override of config.overrides ?? []) {
    for (const file of override.files) {
      const pointer = (file.split('#')[1] ?? '').split('/').filter((s) => s !== '').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      for (const [rule, value] of Object.entries(override.rules)) {
        if (value !== 'off') {
          failures.push(`${where}: no check for \`${rule}: ${JSON.stringify(value)}\` in an override`);
          continue;
        }
        if (count(base.findings, rule, pointer) === 0) failures.push(`${where}: the fixture has no finding of ${rule} under ${file}, so the override cannot be shown`);
        else if (count(withConfig.findings, rule, pointer) > 0) failures.push(`${where}: ${rule} is switched off for ${file} but still reports there`);
        else if (!offEverywhere.has(rule) && count(withConfig.findings, rule) !== count(base.findings, rule) - count(base.findings, rule, pointer)) failures.push(`${where}: switching ${rule} off for ${file} changed its findings elsewhere`);
      }
    }
  }
  return failures;
}

async function checkRedoclyConfig(block: DocBlock, env: GuideEnv): Promise<string[]> {
  const where = `${block.doc}:${block.line}`;
  const dir = await checkFolder(env, `redocly-${block.line}`);
  await cp(MISTAKES, path.join(dir, 'openapi.yaml'));
  const config = parse(block.code) as { plugins?: string[]; extends?: string[]; rules?: Record<string, unknown>; decorators?: Record<string, unknown>; telemetry?: unknown };
  const unknown = Object.keys(config).filter((k) => !['plugins', 'extends', 'rules', 'decorators', 'telemetry'].includes(k));
  if (unknown.length) return [`${where}: no check for ${unknown.join(', ')} in a redocly.yaml`];
  await writeFile(path.join(dir, 'redocly.yaml'), block.code);
  await writeFile(path.join(dir, 'base.yaml'), stringify({ plugins: config.plugins, extends: config.extends ?? [] }));
  const withConfig = await redoclyLint(dir, 'openapi.yaml', 'redocly.yaml');
  if (withConfig.problems.length) return withConfig.problems.map((p) => `${where}: Redocly: ${p}`);
  const base = await redoclyLint(dir, 'openapi.yaml', 'base.yaml');
  if (base.problems.length) return base.problems.map((p) => `${where}: Redocly, with only this config's plugins and extends: ${p}`);
  const failures: string[] = [];
  const kit = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith('payment-errors/'));
  const extended = config.extends ?? [];
  if (extended.some((e) => e.startsWith('payment-errors/')) && kit(base.findings).length === 0) failures.push(`${where}: the kit's rules report nothing on a spec full of mistakes: the config did not load them`);
  if (extended.includes('payment-errors/all') && kit(withConfig.findings).some((f) => f.severity !== 'error')) failures.push(`${where}: payment-errors/all leaves findings that are not errors`);
  if (extended.includes('recommended')) {
    await writeFile(path.join(dir, 'for-recommended.yaml'), FOR_RECOMMENDED);
    const recommended = await redoclyLint(dir, 'for-recommended.yaml', 'redocly.yaml');
    if (count(recommended.findings, 'operation-summary') === 0) failures.push(`${where}: recommended does not report an operation without a summary: it did not load`);
  }
  for (const [rule, value] of Object.entries(config.rules ?? {})) {
    if (value !== 'off') {
      failures.push(`${where}: no check for \`${rule}: ${JSON.stringify(value)}\``);
      continue;
    }
    if (count(base.findings, rule) === 0) failures.push(`${where}: the fixture has no finding of ${rule}, so switching it off cannot be shown`);
    else if (count(withConfig.findings, rule) > 0) failures.push(`${where}: ${rule} is switched off but still reports`);
  }
  for (const [decorator, value] of Object.entries(config.decorators ?? {})) {
    if (decorator !== 'payment-errors/narrow' || value !== 'on') {
      failures.push(`${where}: no check for the decorator \`${decorator}: ${JSON.stringify(value)}\``);
      continue;
    }
    await cp(NARROW_FIXTURE, path.join(dir, 'narrow.yaml'));
    const narrowed = async (configFile: string) => {
      const ran = await redocly(dir, ['bundle', 'narrow.yaml', '-o', `narrowed-${configFile}`], configFile);
      if (ran.code !== 0) return `redocly bundle exited ${ran.code}: ${tail(withoutBox(ran.stderr), 4)}`;
      return JSON.stringify(parse(await readFile(path.join(dir, `narrowed-${configFile}`), 'utf8'))).includes('"x-narrowed-by":"payment-error-contract"');
    };
    const on = await narrowed('redocly.yaml');
    const off = await narrowed('base.yaml');
    if (typeof on === 'string') failures.push(`${where}: ${on}`);
    else if (!on || off === true) failures.push(`${where}: redocly bundle with this config does not narrow (without it: ${off === true ? 'it narrows too' : 'it does not'})`);
  }
  return failures;
}

async function checkOpenApi(block: DocBlock, env: GuideEnv): Promise<string[]> {
  const where = `${block.doc}:${block.line}`;
  const dir = await checkFolder(env, `openapi-${block.line}`);
  const fragment = parse(block.code) as Record<string, unknown>;
  const spec = { openapi: '3.1.0', info: { title: 'Guide example', version: '1.0.0' }, ...fragment };
  await writeFile(path.join(dir, 'openapi.yaml'), stringify(spec));
  await writeFile(path.join(dir, 'kit.spectral.yaml'), 'extends: ["payment-error-contract/spectral"]\n');
  await writeFile(path.join(dir, 'kit.redocly.yaml'), 'plugins:\n  - payment-error-contract/redocly\nextends:\n  - payment-errors/all\nrules:\n  struct: error\n  no-unresolved-refs: error\n');
  const failures: string[] = [];
  const s = await spectral(dir, 'openapi.yaml', 'kit.spectral.yaml');
  if (s.problem) failures.push(`${where}: Spectral: ${s.problem}`);
  failures.push(...listOf(s.findings).map((f) => `${where}: Spectral: ${f}`));
  const r = await redoclyLint(dir, 'openapi.yaml', 'kit.redocly.yaml');
  failures.push(...r.problems.map((p) => `${where}: Redocly: ${p}`), ...listOf(r.findings).map((f) => `${where}: Redocly: ${f}`));
  return failures;
}

async function checkContractEdit(block: DocBlock, target: string, beside: string): Promise<string[]> {
  const where = `${block.doc}:${block.line}`;
  const edit = block.code.split('\n').slice(1).filter((l) => l.trim() !== '');
  const value = parse(edit.join('\n')) as Record<string, unknown>;
  const keys = Object.keys(value);
  if (keys.join() !== 'x-enumDeprecated') return [`${where}: no check for an edit of ${keys.join(', ')}`];
  const copy = await copyProject();
  try {
    const text = await copy.read(target);
    const at = new RegExp(`^([ \\t]*)${beside}:`, 'm').exec(text);
    if (!at) return [`${where}: ${target} has no ${beside} to write this beside`];
    const indent = at[1] ?? '';
    await copy.write(target, text.slice(0, at.index) + edit.map((l) => indent + l).join('\n') + '\n' + text.slice(at.index));
    const compat = await copy.run('compat');
    const type = path.basename(target, '.yaml').replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
    const want = Object.entries(value['x-enumDeprecated'] as Record<string, { replacement?: string }>).map(([code, { replacement }]) => `${type}.${code} deprecated${replacement ? ` (use ${replacement})` : ''}`);
    const said = compat.stdout + compat.stderr;
    return want.filter((w) => !said.includes(w)).map((w) => `${where}: npm run compat after this edit does not say "${w}":\n${tail(said)}`);
  } finally {
    await copy.remove();
  }
}

async function checkJsonBody(block: DocBlock, env: GuideEnv): Promise<string[]> {
  const where = `${block.doc}:${block.line}`;
  let body: unknown;
  try {
    body = JSON.parse(block.code);
  } catch (error) {
    return [`${where}: not JSON: ${(error as Error).message}`];
  }
  if (block.attrs.file) await writeFile(path.join(env.project, block.attrs.file), block.code + '\n');
  const script = path.join(env.project, '.doc-check-body.mjs');
  await writeFile(
    script,
    `import { checkErrorResponse, httpStatusOf, isErrorBody } from 'payment-error-contract';
const body = ${JSON.stringify(body)};
console.log(JSON.stringify({ isErrorBody: isErrorBody(body), violations: checkErrorResponse(httpStatusOf(body?.type) ?? 400, body) }));\n`,
  );
  const ran = await run(process.execPath, [script], env.project);
  await rm(script);
  if (ran.code !== 0) return [`${where}: the package could not check it: ${tail(ran.stderr)}`];
  const verdict = JSON.parse(ran.stdout) as { isErrorBody: boolean; violations: Array<{ message: string }> };
  return verdict.isErrorBody && verdict.violations.length === 0 ? [] : [`${where}: the body does not conform: ${verdict.violations.map((v) => v.message).join('; ') || 'isErrorBody is false'}`];
}

/** Compiles a guide's TypeScript blocks together (each its own module) and runs those that show output. */
async function checkTypeScript(blocks: DocBlock[], env: GuideEnv): Promise<string[]> {
  if (blocks.length === 0) return [];
  const tsc = path.join(env.project, 'node_modules/typescript/bin/tsc');
  if (!existsSync(tsc)) return [`${blocks[0]?.doc}: typescript is not installed in the project: no install line of the guides brings it`];
  const fileOf = new Map<string, DocBlock>();
  for (const block of blocks) {
    const file = block.file ?? `doc-example-${block.line}.ts`;
    fileOf.set(file, block);
    if (!block.file) await writeFile(path.join(env.project, file), block.code + '\n');
  }
  await writeFile(path.join(env.project, 'doc-examples-env.d.ts'), EXAMPLES_ENV);
  await writeFile(path.join(env.project, 'tsconfig.doc-examples.json'), JSON.stringify({ compilerOptions: TSCONFIG, files: ['doc-examples-env.d.ts', ...fileOf.keys()] }, null, 2));
  const compiled = await run(process.execPath, [tsc, '-p', 'tsconfig.doc-examples.json', '--pretty', 'false'], env.project);
  if (compiled.code !== 0) {
    // Each error at the guide's line: file line n is the block's line + n.
    return (compiled.stdout + compiled.stderr)
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith(' '))
      .map((l) => {
        const m = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(l);
        const block = m ? fileOf.get(m[1] ?? '') : undefined;
        return block && m ? `${block.doc}:${block.line + Number(m[2])}: ${m[4]}` : `tsc: ${l}`;
      });
  }
  const failures: string[] = [];
  for (const [file, block] of fileOf) {
    const expected = shownOutput(block.code);
    if (expected.length === 0) continue;
    const ran = await run(process.execPath, [path.join('.doc-examples-js', file.replace(/\.ts$/, '.js'))], env.project);
    const printed = ran.stdout.replace(/\n$/, '').split('\n');
    if (ran.code !== 0 || ran.stderr !== '') failures.push(`${block.doc}:${block.line}: the example exited ${ran.code}: ${tail(ran.stderr)}`);
    else if (JSON.stringify(printed) !== JSON.stringify(expected)) failures.push(`${block.doc}:${block.line}: the example prints\n${printed.join('\n')}\nwhere its // → lines say\n${expected.join('\n')}`);
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------
// Shell commands.

/** npm install of registry packages: each linked from this repository's node_modules and held to the version the line asks for. */
export async function linkPackages(step: ShellStep, env: GuideEnv, where: string): Promise<string[]> {
  const names = step.text.replace(/^.*?npm install\s+/, '').split(/\s+/).filter((t) => t !== '' && !t.startsWith('-'));
  return linkInto(names, path.join(env.project, 'node_modules'), where);
}

/**
 * Links packages (`name` or `name@range`) from this repository's node_modules into `nodeModules`,
 * with the commands they bring, each held to the version asked for; resolves to what went wrong.
 */
export async function linkInto(specs: readonly string[], nodeModules: string, where: string): Promise<string[]> {
  const failures: string[] = [];
  for (const spec of specs) {
    const at = spec.lastIndexOf('@');
    const [name, range] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
    const source = path.join(REPO_ROOT, 'node_modules', name);
    if (!existsSync(path.join(source, 'package.json'))) {
      failures.push(`${where}: ${name} is not in this repository's node_modules, so the tests cannot stand in for installing it (add it to devDependencies)`);
      continue;
    }
    const manifest = JSON.parse(await readFile(path.join(source, 'package.json'), 'utf8')) as { version: string; bin?: string | Record<string, string> };
    if (range !== undefined) {
      const ok = /^\d+$/.test(range) ? manifest.version.split('.')[0] === range : /^\d+\.\d+\.\d+$/.test(range) ? manifest.version === range : undefined;
      if (ok === undefined) failures.push(`${where}: no check for the version range ${spec}`);
      else if (!ok) failures.push(`${where}: the line asks for ${spec}; this repository pins ${name}@${manifest.version}`);
    }
    const target = path.join(nodeModules, name);
    if (!exists(target)) {
      await mkdir(path.dirname(target), { recursive: true });
      await symlink(source, target, 'dir');
    }
    const bins = typeof manifest.bin === 'string' ? { [name.split('/').pop() ?? name]: manifest.bin } : (manifest.bin ?? {});
    const binDir = path.join(nodeModules, '.bin');
    await mkdir(binDir, { recursive: true });
    for (const [bin, file] of Object.entries(bins)) if (!exists(path.join(binDir, bin))) await symlink(path.relative(binDir, path.join(target, file)), path.join(binDir, bin));
  }
  return failures;
}

/**
 * `npx --package a --package b command args` as npx runs it where the packages are not the
 * project's: they are put in a folder of their own (linked, see NPX_REASON), where they resolve
 * each other, and the command runs from there in `cwd` (the project).
 */
export async function runNpxPackages(step: ShellStep, cwd: string, env: NodeJS.ProcessEnv, where: string): Promise<{ failures: string[]; ran?: Ran }> {
  const bare = step.text.replace(/^(\w+=\S*\s+)+/, '');
  const specs = [...bare.matchAll(/--package (\S+)/g)].map((m) => m[1] ?? '');
  const command = bare.replace(/^npx (--package \S+ )+/, '');
  const folder = path.join(cwd, '.npx', specs.join('+').replace(/[^\w@.+-]/g, '_'));
  const failures = await linkInto(specs, path.join(folder, 'node_modules'), where);
  if (failures.length) return { failures };
  const assignments = Object.fromEntries([...step.text.matchAll(/^(\w+)=(\S*)\s+/g)].map((m) => [m[1], m[2]]));
  const ran = await run('bash', ['-o', 'pipefail', '-c', command], cwd, { ...env, ...assignments, PATH: `${path.join(folder, 'node_modules/.bin')}${path.delimiter}${env['PATH'] ?? ''}` });
  return { failures: [], ran };
}

/** Whether a path is there, a dangling link included. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

let benchHelp: Promise<Ran> | undefined;

export async function runShellLine(line: ShellLine, env: GuideEnv, notes: string[]): Promise<string[]> {
  const where = `${line.doc}:${line.line}`;
  const cwd = line.context === 'repo' ? env.repo : env.project;
  if (cwd === undefined) return [`${where}: \`${line.command}\` runs in a copy of the repository, and this environment has none`];
  for (const [i, step] of line.steps.entries()) {
    const last = i === line.steps.length - 1;
    switch (step.how) {
      case 'run': {
        const ranBefore = line.context === 'repo' ? env.ran.get(step.text) : undefined;
        if (ranBefore) {
          notes.push(`${where}: \`${step.text}\` ran already at ${ranBefore}`);
          continue;
        }
        const ran = await run('bash', ['-o', 'pipefail', '-c', step.text], cwd, environment(env));
        const expected = last ? line.exit : 0;
        if (ran.code !== expected) return [`${where}: \`${step.text}\` exited ${ran.code}, where ${expected} was expected:\n${tail(withoutBox(ran.stderr || ran.stdout))}`];
        if (line.context === 'repo') env.ran.set(step.text, where);
        break;
      }
      case 'link': {
        const failures = await linkPackages(step, env, where);
        if (failures.length) return failures;
        notes.push(`${where}: \`${step.text}\` linked, not installed: ${step.reason}`);
        break;
      }
      case 'npx-packages': {
        const { failures, ran } = await runNpxPackages(step, cwd, environment(env), where);
        if (failures.length) return failures;
        const expected = last ? line.exit : 0;
        if (ran && ran.code !== expected) return [`${where}: \`${step.text}\` exited ${ran.code}, where ${expected} was expected:\n${tail(withoutBox(ran.stderr || ran.stdout))}`];
        notes.push(`${where}: \`${step.text}\` run from linked packages: ${step.reason}`);
        break;
      }
      case 'exists': {
        const manifest = JSON.parse(await readFile(path.join(cwd, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
        const script = /^npm test$/.test(step.text) ? 'test' : /^npm run ([\w:-]+)/.exec(step.text)?.[1];
        const file = /^node (\S+)/.exec(step.text)?.[1];
        if (script !== undefined && !(script in manifest.scripts)) return [`${where}: package.json has no script ${script}`];
        if (file !== undefined && !existsSync(path.join(cwd, file))) return [`${where}: ${file} does not exist`];
        notes.push(`${where}: \`${step.text}\` not run (${step.reason}): ${script !== undefined ? `the script ${script} exists` : `${file} exists`}`);
        break;
      }
      case 'bench-help': {
        benchHelp ??= run('npm', ['run', '--silent', 'bench', '--', '--help'], cwd, environment(env));
        const help = await benchHelp;
        if (help.code !== 0) return [`${where}: npm run bench -- --help exited ${help.code}: ${tail(help.stderr)}`];
        const missing = [...step.text.matchAll(/--[\w-]+/g)].map((m) => m[0]).filter((o) => !help.stdout.includes(o));
        if (missing.length) return [`${where}: npm run bench has no option ${missing.join(', ')} (see npm run bench -- --help)`];
        notes.push(`${where}: \`${step.text}\` not run (${step.reason})`);
        break;
      }
      case 'apt': {
        const pkg = step.text.split(/\s+/).pop() ?? '';
        const ci = await readFile(path.join(REPO_ROOT, '.ci/run'), 'utf8');
        if (!new RegExp(`apt-get install\\b[^\\n]*\\s${pkg.replace(/[.+]/g, '\\$&')}\\b`).test(ci)) return [`${where}: .ci/run does not install ${pkg}`];
        notes.push(`${where}: \`${step.text}\` not run (${step.reason})`);
        break;
      }
    }
  }
  return [];
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs a guide's blocks in order in the project (reset to what the install left first). Blocks
 * whose keys (`doc:line`) are in `already` ran before (the setup ran the README's install).
 */
export async function runGuide(doc: string, text: string, env: GuideEnv, already = new Set<string>()): Promise<GuideResult> {
  await resetProject(env);
  const failures: string[] = [];
  const notes: string[] = [];
  const typescript: DocBlock[] = [];
  for (const block of codeBlocks(doc, text)) {
    const where = `${block.doc}:${block.line}`;
    if (already.has(where)) {
      notes.push(`${where}: ran in the setup`);
      continue;
    }
    let check;
    try {
      check = checkOf(block);
    } catch (error) {
      failures.push((error as Error).message);
      continue;
    }
    const uncovered = coverageProblem(block);
    if (uncovered) failures.push(uncovered);
    // A block that names its file is written there when the guide reaches it, as a reader would.
    if (block.file && check.kind !== 'contract-edit' && check.kind !== 'covered' && !block.attrs.file) {
      await mkdir(path.dirname(path.join(env.project, block.file)), { recursive: true });
      await writeFile(path.join(env.project, block.file), block.code + '\n');
    }
    switch (check.kind) {
      case 'covered':
        notes.push(`${where}: covered by ${check.by}`);
        // What it installs, the guide's later blocks may use (its TypeScript, say): linked as any
        // install is, but for a version this repository does not pin (typescript@7), which the
        // test that covers the block brings itself.
        if (block.lang === 'sh') {
          let lines: ShellLine[] = [];
          try {
            lines = shellLines(block);
          } catch {
            // A command the harness has no runner for: the test that covers the block runs it.
          }
          for (const line of lines) {
            for (const step of line.steps.filter((s) => s.how === 'link')) {
              for (const problem of await linkPackages(step, env, where)) {
                if (/this repository pins/.test(problem)) notes.push(`${problem} (${check.by} brings that version itself)`);
                else failures.push(problem);
              }
            }
          }
        }
        break;
      case 'typescript':
        typescript.push(block);
        break;
      case 'json-body':
        failures.push(...(await checkJsonBody(block, env)));
        break;
      case 'openapi':
        failures.push(...(await checkOpenApi(block, env)));
        break;
      case 'spectral-config':
        failures.push(...(await checkSpectralConfig(block, env)));
        break;
      case 'redocly-config':
        failures.push(...(await checkRedoclyConfig(block, env)));
        break;
      case 'contract-edit':
        failures.push(...(await checkContractEdit(block, check.target, check.beside)));
        break;
      case 'shell':
        try {
          for (const line of shellLines(block)) {
            const failed = await runShellLine(line, env, notes);
            failures.push(...failed);
            if (failed.length) break;
          }
        } catch (error) {
          failures.push((error as Error).message);
        }
        break;
    }
  }
  failures.push(...(await checkTypeScript(typescript, env)));
  return { failures, notes };
}
