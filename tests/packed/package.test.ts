// The package as a consumer gets it: `npm pack`, installed into a new project from the tarball
// (offline: it has no dependencies), then compiled against (by strict consumers under TypeScript 5
// and 7, resolving it as nodenext, node16 and bundler do), imported, required and run there,
// beside real consumers of what it exports: TypeScript with @standard-schema/spec's types, Hono and
// @hono/standard-validator (linked from this repository's node_modules, as the lockfile pins them);
// publint and are-the-types-wrong with the settings docs/runtime.md states. Needs `npm run build`
// first (dist/ is what is packed).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { blocksUnder } from '../helpers/doc-blocks.ts';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';
import { typescript7 } from '../helpers/typescript-7.ts';

const exec = promisify(execFile);
/** The compilers consumers run: this repository's TypeScript 5, and TypeScript 7 installed apart. */
const COMPILERS: Record<string, () => Promise<string>> = {
  'TypeScript 5': async () => path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
  'TypeScript 7': typescript7,
};
const ATTW = path.join(REPO_ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');

let project: PackedProject;
let tarball: string;
let consumer: string;
let installed: string;

const run = (command: string, args: string[], options: { cwd?: string; input?: string } = {}) =>
  options.cwd ? runIn(options.cwd, command, args) : project.run(command, args, options.input);

function runIn(cwd: string, command: string, args: string[]) {
  return exec(command, args, { cwd, maxBuffer: 64 << 20 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** The consumers of the package that the tests use beside it. */
const CONSUMERS = ['@standard-schema/spec', 'hono', '@hono/standard-validator'];

beforeAll(async () => {
  project = await packedProject(CONSUMERS.map((name) => ({ name })));
  ({ tarball, dir: consumer, installed } = project);
}, 120_000);

afterAll(async () => {
  await project?.remove();
});

describe('the tarball', () => {
  test('holds the allowlisted files only', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
    expect(files).toContain('dist/src/runtime/index.js');
    expect(files).toContain('dist/src/runtime/index.d.ts');
    expect(files).toContain('bin/payment-errors.js');
    expect(files).toContain('generated/openapi.yaml');
    expect(files).toContain('generated/error-body.schema.json');
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(files.filter((f) => /^(src|tests|scripts|openapi|catalog)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('has one dependency, pinned: the YAML parser of the CLI (the runtime entry imports none)', async () => {
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
    // narrow and check --spec read YAML as the engines do, whatever js-yaml the project has: an exact version.
    expect(manifest.dependencies).toEqual({ 'js-yaml': '5.5.0' });
    expect(manifest.peerDependencies).toBeUndefined();
  });

  test('publint finds nothing', async () => {
    const { messages } = await publint({ pkgDir: installed, pack: false, strict: true });
    expect(messages).toEqual([]);
  });

  test('are-the-types-wrong finds nothing with the settings docs/runtime.md shows, which are those of .attw.json', async () => {
    const [line] = blocksUnder('docs/runtime.md', 'What the package ships').flatMap((b) => b.code.split('\n')).filter((l) => l.startsWith('npx attw '));
    expect(line).toMatch(/^npx attw --pack \. /);
    const options = (line ?? '').replace(/^npx attw --pack \. /, '').split(/\s+/);
    const config = JSON.parse(await readFile(path.join(REPO_ROOT, '.attw.json'), 'utf8'));
    expect(options).toEqual(['--profile', config.profile, '--exclude-entrypoints', ...config.excludeEntrypoints]);
    // On the tarball the clone's `npm pack` makes (attw --pack . would write one into the repository), from a folder without .attw.json.
    const result = await run(process.execPath, [ATTW, tarball, ...options, '--format', 'ascii'], { cwd: path.dirname(tarball) });
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
  });

  test('are-the-types-wrong with its default settings reports what docs/runtime.md says the package does not support, and nothing else', async () => {
    // Into a file: attw ends with process.exit, which on Node 24 cuts a piped stdout of this size short.
    const report = path.join(path.dirname(tarball), 'attw-default.json');
    const result = await run('sh', ['-c', `"$0" "$1" "$2" --format json > "$3"`, process.execPath, ATTW, tarball, report], { cwd: path.dirname(tarball) });
    expect(result.code).toBe(1);
    const problems = (JSON.parse(await readFile(report, 'utf8')) as { analysis: { problems: Array<{ kind: string; entrypoint: string; resolutionKind: string }> } }).analysis.problems;
    const yaml = ['./openapi.yaml', './openapi-3.0.yaml'];
    const unsupported = (p: { kind: string; entrypoint: string; resolutionKind: string }) =>
      (p.kind === 'CJSResolvesToESM' && p.resolutionKind === 'node16-cjs') || (p.kind === 'NoResolution' && (p.resolutionKind === 'node10' || yaml.includes(p.entrypoint)));
    expect(problems.filter((p) => !unsupported(p))).toEqual([]);
    // Each of the three is there.
    expect(new Set(problems.map((p) => (p.kind === 'CJSResolvesToESM' ? 'cjs' : p.resolutionKind === 'node10' && !yaml.includes(p.entrypoint) ? 'node10' : 'yaml')))).toEqual(new Set(['cjs', 'node10', 'yaml']));
  });
});

describe.each(Object.keys(COMPILERS))('a strict TypeScript consumer, under %s', (compiler) => {
  const tsc = (...args: string[]) => COMPILERS[compiler]!().then((TSC) => run(process.execPath, [TSC, ...args]));
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      types: [],
      skipLibCheck: false,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
    },
    files: ['consumer.ts'],
  };
  const consumerTs = `
import { createErrorBody, describeError, httpStatusOf, parseErrorBody, type ErrorBody, type ErrorCodeOf } from 'payment-error-contract';

// A client: switch exhaustively over type, and over the codes of one type.
export function advice(body: ErrorBody): string {
  switch (body.type) {
    case 'invalid_request_error':
    case 'idempotence_error':
    case 'account_error':
    case 'refund_error':
    case 'terminal_error':
      return body.message;
    case 'api_error':
      return 'Contact technical support.';
    case 'payment_error':
      return paymentAdvice(body.code);
    default: {
      const unreachable: never = body;
      return unreachable;
    }
  }
}

function paymentAdvice(code: ErrorCodeOf<'payment_error'>): string {
  switch (code) {
__CASES__
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

// A server: only codes of the type compile.
export const expired = createErrorBody('payment_error', 'expired_card');
// @ts-expect-error expired_card is no account_error code
export const wrong = createErrorBody('account_error', 'expired_card');
// @ts-expect-error a type with open codes needs a message
export const noMessage = createErrorBody('refund_error', 'refund_window_closed');

export const status: 400 = httpStatusOf('payment_error');
export const fix: string | undefined = describeError('payment_error', 'restricted_card').howToFix;

const parsed = parseErrorBody(JSON.parse('{}'));
if (parsed.kind === 'known') advice(parsed.body);
`;

  async function compile(source: string) {
    await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig));
    await writeFile(path.join(consumer, 'consumer.ts'), source);
    return tsc('-p', 'tsconfig.json');
  }

  async function cases(drop?: string) {
    const { codesByType } = await import(path.join(installed, 'dist/src/runtime/index.js'));
    return (codesByType.payment_error as string[])
      .filter((c) => c !== drop)
      .map((c) => `    case '${c}':\n`)
      .join('') + '      return "payment";\n';
  }

  test('compiles with an exhaustive switch over type and code', async () => {
    const result = await compile(consumerTs.replace('__CASES__', await cases()));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', { module: 'preserve', moduleResolution: 'bundler' }],
  ])('compiles with an exhaustive switch under moduleResolution %s too', async (_name, resolution) => {
    await writeFile(path.join(consumer, 'tsconfig.resolution.json'), JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, ...resolution } }));
    await writeFile(path.join(consumer, 'consumer.ts'), consumerTs.replace('__CASES__', await cases()));
    const result = await tsc('-p', 'tsconfig.resolution.json');
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  /** A CommonJS module of a consumer that requires the package, compiled under a module setting. */
  async function requiring(module: 'nodenext' | 'node16') {
    await writeFile(path.join(consumer, 'requiring.cts'), "import contract = require('payment-error-contract');\nexport const status: 400 | 500 = contract.httpStatusOf('api_error');\n");
    await writeFile(path.join(consumer, `tsconfig.requiring-${module}.json`), JSON.stringify({ compilerOptions: { ...tsconfig.compilerOptions, module, moduleResolution: module }, files: ['requiring.cts'] }));
    return tsc('-p', `tsconfig.requiring-${module}.json`);
  }

  test("a CommonJS module requires it under module nodenext, which follows Node's require() of ES modules", async () => {
    const result = await requiring('nodenext');
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('under module node16 a CommonJS module cannot require it (the limit docs/runtime.md states, which are-the-types-wrong calls CJSResolvesToESM)', async () => {
    const result = await requiring('node16');
    expect(result.stdout).toMatch(/requiring\.cts\(1,\d+\): error TS1471: Module 'payment-error-contract' cannot be imported using this construct\. The specifier only resolves to an ES module, which cannot be imported with 'require'/);
  });

  test('accepts errorBodySchema as a StandardSchemaV1<unknown, ErrorBody> and a StandardJSONSchemaV1 of @standard-schema/spec', async () => {
    const result = await compile(`
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import { errorBodySchema, type ErrorBody } from 'payment-error-contract';

export const schema: StandardSchemaV1<unknown, ErrorBody> = errorBodySchema;
export const jsonSchema: StandardJSONSchemaV1<unknown, ErrorBody> = errorBodySchema;
export function accepts<S extends StandardSchemaV1>(s: S): StandardSchemaV1.InferOutput<S> | undefined {
  const result = s['~standard'].validate({});
  return result instanceof Promise || result.issues ? undefined : result.value;
}
const body: ErrorBody | undefined = accepts(errorBodySchema);
export const code: string | undefined = body?.code;
`);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('compiles errorResponse without the DOM declarations too (lib es2022 only)', async () => {
    await writeFile(path.join(consumer, 'tsconfig.nodom.json'), JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, lib: ['es2022'] }, files: ['nodom.ts'] }));
    await writeFile(
      path.join(consumer, 'nodom.ts'),
      `import { errorResponse } from 'payment-error-contract';
export const status: number = errorResponse('payment_error', 'expired_card', undefined, { headers: { 'retry-after': '0' } }).status;
`,
    );
    const result = await tsc('-p', 'tsconfig.nodom.json');
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  /** What a library built on the package exports: every helper's result, which its declarations must name. */
  const library = `
import { checkErrorResponse, createErrorBody, describeError, describeErrorType, errorBodySchema, errorResponse, httpStatusOf, parseErrorBody } from 'payment-error-contract';

export const std = errorBodySchema['~standard'];
export const res = errorBodySchema['~standard'].validate({});
export const conv = errorBodySchema['~standard'].jsonSchema;
export const schema = errorBodySchema;
export const response = errorResponse('payment_error', 'expired_card');
export const body = createErrorBody('api_error', 'upstream_timeout', 'Upstream timed out');
export const entry = describeError('payment_error', 'expired_card');
export const open = describeError('api_error', 'upstream_timeout');
export const any = describeError('x' as string, 'y' as string);
export const type = describeErrorType('api_error');
export const parsed = parseErrorBody({});
export const violations = checkErrorResponse(400, {});
export const status = httpStatusOf('x' as string);
export function statusOf<T extends string>(t: T) {
  return httpStatusOf(t);
}
`;

  test.each([
    ['with the DOM declarations', undefined],
    ['without them (lib es2022 only)', ['es2022']],
  ])('a library that emits declarations can name every type a helper returns, %s', async (name, lib) => {
    const file = `library-${lib ? 'nodom' : 'dom'}`;
    const options = { ...tsconfig.compilerOptions, noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: `${file}-out`, ...(lib && { lib }) };
    await writeFile(path.join(consumer, `${file}.ts`), library);
    await writeFile(path.join(consumer, `tsconfig.${file}.json`), JSON.stringify({ compilerOptions: options, files: [`${file}.ts`] }));
    const result = await tsc('-p', `tsconfig.${file}.json`);
    expect(result.stdout + result.stderr, name).toBe('');
    expect(result.code).toBe(0);
    const declarations = await readFile(path.join(consumer, `${file}-out/${file}.d.ts`), 'utf8');
    // Named from the package's entry, never from a file inside it.
    expect(declarations).toContain('import("payment-error-contract").StandardSchemaV1.Result<');
    expect(declarations).not.toMatch(/payment-error-contract\/dist|node_modules/);
  });

  const MISTAKES: ReadonlyArray<[string, string, RegExp]> = [
    // The codes or types of the union, in the order the compiler prints them.
    ['a mistyped code', "describeError('payment_error', 'expird_card')", /error TS2345: Argument of type '"expird_card"' is not assignable to parameter of type '"\w+" \| "\w+" \| .* more .*'/],
    ['a mistyped type', "httpStatusOf('paymnt_error')", /error TS2345: Argument of type '"paymnt_error"' is not assignable to parameter of type '"\w+_error" \| "\w+_error"/],
    ['a code of another type', "createErrorBody('account_error', 'expired_card')", /error TS2345: Argument of type '"expired_card"' is not assignable to parameter of type '"\w+_not_found" \| "\w+_not_found"/],
    ['an open code without its message', "createErrorBody('refund_error', 'refund_window_closed')", /error TS2554: Expected 3 arguments, but got 2\.[\s\S]*Arguments for the rest parameter 'message' were not provided\./],
    ['an open code without its message, as a Response', "errorResponse('refund_error', 'refund_window_closed')", /error TS2554: Expected 3-4 arguments, but got 2\.[\s\S]*Arguments for the rest parameter 'messageAndInit' were not provided\./],
  ];
  let compiledMistakes: Promise<string> | undefined;
  /** tsc's output on a file per mistake, compiled once. */
  function mistakes() {
    compiledMistakes ??= (async () => {
      const files = await Promise.all(
        MISTAKES.map(async ([, call], i) => {
          const file = `mistake-${i}.ts`;
          await writeFile(path.join(consumer, file), `import { createErrorBody, describeError, errorResponse, httpStatusOf } from 'payment-error-contract';\nexport const x = ${call};\n`);
          return file;
        }),
      );
      await writeFile(path.join(consumer, 'tsconfig.mistakes.json'), JSON.stringify({ ...tsconfig, files }));
      const result = await tsc('-p', 'tsconfig.mistakes.json', '--pretty', 'true');
      expect(result.code).not.toBe(0);
      return result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    })();
    return compiledMistakes;
  }
  test.each(MISTAKES)('does not compile %s, and says what is wrong', async (name, _call, want) => {
    const output = await mistakes();
    // tsc --pretty prints each file's errors as one block, with the related information ("the
    // rest parameter 'message'") that the plain format leaves out; in colour, taken out here.
    const block = output.split(/(?=^mistake-\d+\.ts:)/m).find((b) => b.startsWith(`mistake-${MISTAKES.findIndex(([n]) => n === name)}.ts:`));
    expect(block).toMatch(want);
  });

  test('does not compile when one code is not handled', async () => {
    const result = await compile(consumerTs.replace('__CASES__', await cases('3DS_required')));
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/consumer\.ts\(\d+,\d+\): error TS2322: Type '"3DS_required"' is not assignable to type 'never'/);
  });
});

describe('in an editor (the language service of TypeScript 5)', () => {
  test("hovering `type` shows the spec's description of it", async () => {
    const source = `import type { ErrorBodyOf } from 'payment-error-contract';\ndeclare const body: ErrorBodyOf<'payment_error'>;\nexport const type = body.type;\n`;
    await writeFile(path.join(consumer, 'hover.ts'), source);
    const options = { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, types: [] };
    const files = [path.join(consumer, 'hover.ts')];
    const service = ts.createLanguageService({
      getScriptFileNames: () => files,
      getScriptVersion: () => '1',
      getScriptSnapshot: (file) => (ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file) ?? '') : undefined),
      getCurrentDirectory: () => consumer,
      getCompilationSettings: () => options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      ...(ts.sys.realpath ? { realpath: ts.sys.realpath } : {}),
    });
    const info = service.getQuickInfoAtPosition(files[0] ?? '', source.lastIndexOf('type'));
    expect(ts.displayPartsToString(info?.displayParts)).toBe('(property) type: "payment_error"');
    // openapi-typescript writes the description as a @description tag.
    expect(info?.tags?.map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`.trim())).toEqual(['@description The error type.', '@constant']);
  });

});

describe('at run time', () => {
  test('an ES module import works, JSON exports included', async () => {
    await writeFile(
      path.join(consumer, 'esm.mjs'),
      `import { parseErrorBody, errorTypes } from 'payment-error-contract';
import schema from 'payment-error-contract/error-body.schema.json' with { type: 'json' };
import spec from 'payment-error-contract/openapi.json' with { type: 'json' };
const parsed = parseErrorBody({ type: 'payment_error', code: 'fraud', message: 'FRAUD' });
console.log(JSON.stringify({ kind: parsed.kind, types: errorTypes.length, schema: schema.title, openapi: spec.openapi }));`,
    );
    const result = await run(process.execPath, ['esm.mjs']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ kind: 'known', types: 7, schema: 'ErrorBody', openapi: '3.1.0' });
  });

  test('a CommonJS require works (Node >= 20.19 loads ES modules with require)', async () => {
    await writeFile(
      path.join(consumer, 'require.cjs'),
      `const { httpStatusOf, isErrorBody } = require('payment-error-contract');
const spec = require('payment-error-contract/openapi.json');
console.log(JSON.stringify({ status: httpStatusOf('api_error'), ok: isErrorBody({ type: 'api_error', code: 'x', message: 'y' }), openapi: spec.openapi }));`,
    );
    const result = await run(process.execPath, ['require.cjs']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ status: 500, ok: true, openapi: '3.1.0' });
  });

  test('the helpers run where code generation from strings is disallowed (a strict Content-Security-Policy), as nothing that does so can', async () => {
    await writeFile(
      path.join(consumer, 'no-eval.mjs'),
      `import * as pkg from 'payment-error-contract';
const body = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };
const results = {
  isErrorBody: pkg.isErrorBody(body),
  parseErrorBody: pkg.parseErrorBody(body).kind,
  checkErrorResponse: pkg.checkErrorResponse(400, { ...body, code: 'expird_card' }).length,
  validate: pkg.errorBodySchema['~standard'].validate(body).value?.code,
  jsonSchema: Object.keys(pkg.errorBodySchema['~standard'].jsonSchema.input({ target: 'openapi-3.0' })).length > 0,
  describeError: pkg.describeError('api_error', 'upstream_timeout')?.documented,
  describeErrorType: pkg.describeErrorType('api_error')?.remarks,
  createErrorBody: pkg.createErrorBody('payment_error', 'expired_card').message,
  errorResponse: (await pkg.errorResponse('payment_error', 'expired_card').json()).code,
  httpStatusOf: pkg.httpStatusOf('api_error'),
};
let generated = 'ran';
try { new Function('return 1')(); } catch (e) { generated = e.constructor.name; }
console.log(JSON.stringify({ results, generated }));`,
    );
    const result = await run(process.execPath, ['--disallow-code-generation-from-strings', 'no-eval.mjs']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      results: {
        isErrorBody: true,
        parseErrorBody: 'known',
        checkErrorResponse: 1,
        validate: 'expired_card',
        jsonSchema: true,
        describeError: false,
        describeErrorType: 'Contact technical support.',
        createErrorBody: 'Expired card',
        errorResponse: 'expired_card',
        httpStatusOf: 500,
      },
      // The flag is in force: a validator that compiles with new Function (TypeBox's) would fail here.
      generated: 'EvalError',
    });
  });

  test('Hono and @hono/standard-validator take errorBodySchema and errorResponse', async () => {
    await writeFile(
      path.join(consumer, 'hono.mjs'),
      `import { sValidator } from '@hono/standard-validator';
import { Hono } from 'hono';
import { errorBodySchema, errorResponse } from 'payment-error-contract';

const app = new Hono();
app.post('/reports', sValidator('json', errorBodySchema), (c) => c.json({ received: c.req.valid('json') }));
app.get('/cards/expired', () => errorResponse('payment_error', 'expired_card', undefined, { headers: { 'x-request-id': 'req_1' } }));
const post = (body) => app.request('/reports', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const answers = [
  await post({ type: 'api_error', code: 'upstream_timeout', message: 'Contact technical support.', extra: 1 }),
  await post({ type: 'payment_error', code: 'expired_card', message: 'Expired card' }),
  await app.request('/cards/expired'),
];
const out = [];
for (const a of answers) out.push({ status: a.status, type: a.headers.get('content-type'), id: a.headers.get('x-request-id'), body: await a.json() });
console.log(JSON.stringify(out));`,
    );
    const result = await run(process.execPath, ['hono.mjs']);
    expect(result.stderr).toBe('');
    const [rejected, accepted, errorAnswer] = JSON.parse(result.stdout);
    expect(rejected).toMatchObject({ status: 400, body: { success: false, error: [{ message: 'members the contract does not allow: "extra"', path: [] }] } });
    expect(accepted).toEqual({ status: 200, type: 'application/json', id: null, body: { received: { type: 'payment_error', code: 'expired_card', message: 'Expired card' } } });
    expect(errorAnswer).toEqual({ status: 400, type: 'application/json', id: 'req_1', body: { type: 'payment_error', code: 'expired_card', message: 'Expired card' } });
  });

  test('the bin runs: explain, check, --version', async () => {
    const bin = path.join(consumer, 'node_modules/.bin/payment-errors');
    const explained = await run(bin, ['explain', 'restricted_card', '--json']);
    expect(explained.code).toBe(0);
    expect(JSON.parse(explained.stdout)).toMatchObject({ type: 'payment_error', message: 'Restricted card', howToFix: 'Try the transaction with a different card.' });

    const unknown = await run(bin, ['explain', 'expird_card']);
    expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: 'payment-errors: unknown code "expird_card" (did you mean expired_card?)\n' });

    const checked = await run(bin, ['check', '--status', '400', '-'], { input: '{"type":"api_error","code":"boom","message":"x"}' });
    expect(checked).toMatchObject({ code: 1, stdout: 'does not conform to the error contract (1 problem):\n  - HTTP 400 does not fit api_error, which is sent with 500\n' });

    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
    expect((await run(bin, ['--version'])).stdout).toBe(`${manifest.version}\n`);
  });
});
