// The release flow on a copy of the project: a breaking change without a version bump fails
// compat; `npm run release` bumps package.json and info.version together, regenerates, writes the
// changelog and the record; again, it does nothing; a failure writes nothing; stopped at any
// write, the next command finishes or undoes it; deprecation.
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkCompatibility } from '../../scripts/compat.js';
import { docsInput } from '../../scripts/docs.js';
import { findStaleFiles } from '../../scripts/check.js';
import { bundleSpec } from '../../scripts/bundle.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { SourceError } from '../../scripts/lib/source-text.js';
import { recoverWrites } from '../../scripts/lib/write-files.js';
import { planRelease, release } from '../../scripts/release.js';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.js';

const PAYMENT = 'openapi/components/schemas/PaymentError.yaml';
const CATALOG = 'catalog/error-codes.yaml';
const DATE = '2026-11-25';

let copy: ProjectCopy | undefined;
afterEach(async () => {
  await copy?.remove();
  copy = undefined;
});

async function addCode(c: ProjectCopy, code: string, message: string) {
  await c.replace(PAYMENT, '      - not_found_id\n', `      - not_found_id\n      - ${code}\n`);
  await c.replace(PAYMENT, '      not_found_id: Not Found ID\n', `      not_found_id: Not Found ID\n      ${code}: ${message}\n`);
  await c.replace(CATALOG, '        message: Not Found ID\n', `        message: Not Found ID\n      - code: ${code}\n        message: ${message}\n`);
}

async function removeFraud(c: ProjectCopy) {
  await c.replace(PAYMENT, '      - fraud\n', '');
  await c.replace(PAYMENT, '      fraud: FRAUD\n', '');
  await c.replace(CATALOG, '      - code: fraud\n        message: FRAUD\n', '');
}

/** A hash of every file release may write, to show what it left alone. */
const fingerprint = (c: ProjectCopy) => c.fingerprint(['package.json', 'package-lock.json', 'CHANGELOG.md', 'openapi', 'generated', 'released']);
/** What the pipeline keeps in a project while a command runs: empty when none runs. */
const leftInWork = (c: ProjectCopy) => readdir(path.join(c.root, '.pipeline')).catch(() => []);

const versions = async (c: ProjectCopy) => ({
  packageJson: JSON.parse(await c.read('package.json')).version,
  lock: JSON.parse(await c.read('package-lock.json')).packages[''].version,
  infoVersion: parse(await c.read('openapi/openapi.yaml')).info.version,
  record: JSON.parse(await c.read('released/contract.json')).version,
});

describe('a breaking change', () => {
  test('without a version bump fails npm run compat, saying it is breaking and what to run', async () => {
    copy = await copyProject();
    await removeFraud(copy);
    const result = await checkCompatibility(copy.root);
    expect(result.required).toBe('major');
    expect(result.differences.map((d) => d.message)).toEqual([
      'major: payment_error.fraud removed; it was not deprecated in 1.0.0 (deprecate a code in one release, remove it in a later one)',
    ]);
    expect(result.failures).toEqual(['These changes need a major release, version 2.0.0 at least; package.json says 1.0.0. Run `npm run release -- major` and commit what it writes.']);

    const cli = await copy.run('compat');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('major: payment_error.fraud removed');
    expect(cli.stderr).toContain('Run `npm run release -- major`');
  });

  test('cannot be released as a minor release, and nothing is written', async () => {
    copy = await copyProject();
    await removeFraud(copy);
    const before = await fingerprint(copy);
    await expect(release(copy.root, 'minor', { date: DATE })).rejects.toThrow('the changes since 1.0.0 need a major release, not minor');
    expect(await fingerprint(copy)).toEqual(before);
  });
});

describe('npm run release', () => {
  test('bumps package.json, the lockfile and info.version together, regenerates, writes the changelog and the record', async () => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    expect(await release(copy.root, 'minor', { date: DATE })).toContain('1.0.0 -> 1.1.0 (minor)');
    expect(await versions(copy)).toEqual({ packageJson: '1.1.0', lock: '1.1.0', infoVersion: '1.1.0', record: '1.1.0' });
    const changelog = await copy.read('CHANGELOG.md');
    expect(changelog).toContain(`## 1.1.0 (${DATE})\n\nNew codes, types or deprecations`);
    expect(changelog).toContain('- minor: payment_error.card_velocity_exceeded added');
    expect(changelog.indexOf('## 1.1.0')).toBeLessThan(changelog.indexOf('## 1.0.0'));
    const record = JSON.parse(await copy.read('released/contract.json'));
    expect(record.types.find((t: { type: string }) => t.type === 'payment_error').codes.at(-1).code).toBe('card_velocity_exceeded');
    expect(await findStaleFiles(copy.root)).toEqual([]);
    expect((await checkCompatibility(copy.root)).failures).toEqual([]);
  });

  test('is idempotent: a second run with nothing changed writes nothing', async () => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    await release(copy.root, 'minor', { date: DATE });
    const before = await fingerprint(copy);
    expect(await release(copy.root, 'minor', { date: DATE })).toBe('release: nothing to release; the contract is 1.1.0, as released');
    expect(await fingerprint(copy)).toEqual(before);
  });

  test('writes every file or none: a failure leaves the record and package.json as they were', async () => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    // released/ cannot be created while a file stands in its place.
    const record = await copy.read('released/contract.json');
    await rm(path.join(copy.root, 'released'), { recursive: true });
    await writeFile(path.join(copy.root, 'released'), record);
    const files = ['package.json', 'package-lock.json', 'CHANGELOG.md', 'openapi/openapi.yaml', 'generated/openapi.json'];
    const contents = await Promise.all(files.map((f) => copy!.read(f)));
    await expect(release(copy.root, 'minor', { date: DATE })).rejects.toThrow();
    expect(await Promise.all(files.map((f) => copy!.read(f)))).toEqual(contents);
    expect(await copy.read('released')).toBe(record);
  });

  test('a release without contract changes needs --empty, and says so in the changelog', async () => {
    copy = await copyProject();
    expect(await release(copy.root, 'patch', { date: DATE })).toBe('release: nothing to release; the contract is 1.0.0, as released');
    await release(copy.root, 'patch', { date: DATE, empty: true });
    expect(await versions(copy)).toEqual({ packageJson: '1.0.1', lock: '1.0.1', infoVersion: '1.0.1', record: '1.0.1' });
    expect(await copy.read('CHANGELOG.md')).toContain(`## 1.0.1 (${DATE})\n\nNo contract changes.`);
  });
});

describe('a release stopped half-way', () => {
  test('before CHANGELOG.md is put in place: the next command (compat) finishes it, and judges the finished release', async () => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    const stopped = await copy.run('release', ['minor'], { killAtWrite: { at: 1, matching: '^CHANGELOG\\.md$' } });
    expect(stopped.signal).toBe('SIGKILL');

    const compat = await copy.run('compat');
    expect(compat.stderr).toMatch(/^recovered: process \d+ was stopped while writing released\/contract\.json, package\.json, .*, CHANGELOG\.md; finished writing them$/m);
    expect(compat.stdout).toContain('compat: version 1.1.0 is enough.');
    expect(compat.code).toBe(0);
    expect(await versions(copy)).toEqual({ packageJson: '1.1.0', lock: '1.1.0', infoVersion: '1.1.0', record: '1.1.0' });
    expect(await copy.read('CHANGELOG.md')).toMatch(/^## 1\.1\.0 \(\d{4}-\d\d-\d\d\)\n\nNew codes, types or deprecations/m);
    expect(await findStaleFiles(copy.root)).toEqual([]);
    expect(await leftInWork(copy)).toEqual([]);
  });

  test('before anything is decided: the next command (compat) removes what it staged, and the release is still owed', async () => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    const before = await fingerprint(copy);
    // Its sixth write that is not about the lock of the tree: the record is written, not yet the rest.
    const stopped = await copy.run('release', ['minor'], { killAtWrite: { at: 6, matching: '^(?!\\.pipeline/lock)' } });
    expect(stopped.signal).toBe('SIGKILL');

    const compat = await copy.run('compat');
    expect(compat.stderr).toMatch(/^recovered: process \d+ was stopped before it wrote what it had staged; removed that$/m);
    expect(compat.stderr).toContain('Run `npm run release -- minor`');
    expect(compat.code).toBe(1);
    expect(await fingerprint(copy)).toEqual(before);
    expect(await leftInWork(copy)).toEqual([]);
  });

  test('at any of its writes: afterwards the project is exactly as before the release, or exactly as after it', async () => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    const { files } = await planRelease(copy.root, 'minor', { date: DATE });
    const after = files!;
    const targets = Object.keys(after);
    const before = Object.fromEntries(await Promise.all(targets.map(async (f) => [f, await copy!.read(f)] as const)));
    const plan = path.join(tmpdir(), `release-plan-${process.pid}.json`);
    await writeFile(plan, JSON.stringify(after));
    const seen = new Set<string>();
    try {
      for (let at = 1; ; at++) {
        for (const file of targets) await copy.write(file, before[file]!);
        // The release's writes, in a process of their own, killed before write number `at`.
        const stopped = await copy.run(path.join(REPO_ROOT, 'tests/helpers/write-plan.js'), [plan], { killAtWrite: { at } });
        if (stopped.code === 0) break;
        expect(stopped.signal, `stopped at write ${at}`).toBe('SIGKILL');
        // What every command does first (lib/main.js).
        await recoverWrites(copy.root);
        const now = Object.fromEntries(await Promise.all(targets.map(async (f) => [f, await copy!.read(f)] as const)));
        const state = JSON.stringify(now) === JSON.stringify(before) ? 'before' : JSON.stringify(now) === JSON.stringify(after) ? 'after' : 'half released';
        expect(state, `stopped at write ${at}`).not.toBe('half released');
        seen.add(state);
        expect(await leftInWork(copy), `stopped at write ${at}`).toEqual([]);
      }
    } finally {
      await rm(plan, { force: true });
    }
    expect([...seen].sort()).toEqual(['after', 'before']);
  });
});

describe('what a stopped command left, found by a later one', () => {
  // Under the lock of the tree, every stage another process made is a stopped command's, whatever
  // its pid says: pids are reused (a CI container with a kept workspace repeats them).
  test('a stage of an older run, under a pid that runs again, never rolls the files back', async () => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120_000)']);
    try {
      // What an older version of the pipeline left: package.json at 1.0.0, decided, under that pid.
      const stage = path.join(copy.root, `.pipeline/stage-${other.pid}-abc`);
      await mkdir(stage, { recursive: true });
      await writeFile(path.join(stage, 'package.json'), await copy.read('package.json'));
      await writeFile(path.join(stage, 'journal.json'), JSON.stringify({ targets: ['package.json'] }));
      const released = await copy.run('release', ['minor']);
      expect(released.code).toBe(0);
      expect(released.stderr).toMatch(new RegExp(`^recovered: process ${other.pid} left \\.pipeline/stage-${other.pid}-abc with a journal this version cannot check \\(an older version's\\?\\); removed it and wrote nothing$`, 'm'));
    } finally {
      other.kill();
    }
    const compat = await copy.run('compat');
    expect(compat.code).toBe(0);
    expect(await versions(copy)).toEqual({ packageJson: '1.1.0', lock: '1.1.0', infoVersion: '1.1.0', record: '1.1.0' });
    expect(await leftInWork(copy)).toEqual([]);
  });

  // A release stopped after it wrote the record, before package.json (its journal written: decided).
  test.each([
    {
      name: 'unchanged, under a pid that runs again: finished',
      meanwhile: async (c: ProjectCopy, stage: string, pid: number) => rename(stage, path.join(path.dirname(stage), `stage-${pid}-abc`)),
      said: /^recovered: process \d+ was stopped while writing released\/contract\.json, package\.json, .*; finished writing them$/,
      want: 'after',
    },
    {
      name: 'a file it had not written yet changed since: not finished',
      meanwhile: (c: ProjectCopy) => c.replace('package.json', '"version": "1.0.0"', '"version": "1.0.5"'),
      said: /^recovered: process \d+ was stopped while writing released\/contract\.json, package\.json, .*, but package\.json changed since; left the files as they are and removed what it had staged \(it is older\)$/,
      want: 'package.json as edited, the rest as stopped',
    },
    {
      name: 'a file it had written already changed since: not finished',
      meanwhile: async (c: ProjectCopy) => c.write('released/contract.json', await readFile(path.join(REPO_ROOT, 'released/contract.json'), 'utf8')),
      said: /^recovered: process \d+ was stopped while writing released\/contract\.json, package\.json, .*, but released\/contract\.json changed since; left the files as they are/,
      want: 'before',
    },
  ])('a decided stage, $name', async ({ meanwhile, said, want }) => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    const { files } = await planRelease(copy.root, 'minor', { date: DATE });
    const targets = Object.keys(files!);
    const read = async () => Object.fromEntries(await Promise.all(targets.map(async (f) => [f, await copy!.read(f)] as const)));
    const before = await read();
    const plan = path.join(tmpdir(), `release-plan-${process.pid}.json`);
    await writeFile(plan, JSON.stringify(files));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120_000)']);
    try {
      const stopped = await copy.run(path.join(REPO_ROOT, 'tests/helpers/write-plan.js'), [plan], { killAtWrite: { at: 1, matching: '^package\\.json$' } });
      expect(stopped.signal).toBe('SIGKILL');
      const [stage] = (await readdir(path.join(copy.root, '.pipeline'))).filter((n) => n.startsWith('stage-'));
      const stoppedAt = await read();
      await meanwhile(copy, path.join(copy.root, '.pipeline', stage!), other.pid!);
      const edited = await read();
      const lines = await recoverWrites(copy.root);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(said);
      const now = await read();
      const expected = want === 'after' ? files : want === 'before' ? { ...stoppedAt, 'released/contract.json': before['released/contract.json'] } : edited;
      expect(now).toEqual(expected);
      if (want === 'before') expect(now).toEqual(before);
      expect(await leftInWork(copy)).toEqual([]);
    } finally {
      other.kill();
      await rm(plan, { force: true });
    }
  });
});

describe('hostile project files', () => {
  test('openapi/openapi.yaml with CRLF line ends is released: info.version set, every other byte as it was', async () => {
    copy = await copyProject();
    await addCode(copy, 'card_velocity_exceeded', 'Card velocity exceeded');
    const crlf = (await copy.read('openapi/openapi.yaml')).replaceAll('\n', '\r\n');
    await copy.write('openapi/openapi.yaml', crlf);
    expect(await release(copy.root, 'minor', { date: DATE })).toContain('1.0.0 -> 1.1.0 (minor)');
    expect(await versions(copy)).toEqual({ packageJson: '1.1.0', lock: '1.1.0', infoVersion: '1.1.0', record: '1.1.0' });
    expect(await copy.read('openapi/openapi.yaml')).toBe(crlf.replace(/^( {2}version: )1\.0\.0\r$/m, '$11.1.0\r'));
  });

  test.each([
    {
      name: 'released/contract.json is a folder: named, not taken for "no release yet"',
      breakIt: async (c: ProjectCopy) => {
        await rm(path.join(c.root, 'released/contract.json'));
        await mkdir(path.join(c.root, 'released/contract.json'));
      },
      want: 'released/contract.json:1:1 error source/not-a-file: contract.json is a folder, not a file; a source must be a regular file',
    },
    {
      name: 'released/contract.json is JSON but no record',
      breakIt: (c: ProjectCopy) => c.replace('released/contract.json', '"httpStatus": 400', '"httpStatus": "400"'),
      want: 'released/contract.json:1:1 error source/release-record: types[0].httpStatus must be a status or null; this file is written by `npm run release` only: take it from the commit of the last release',
    },
    {
      name: 'package.json is cut short',
      breakIt: async (c: ProjectCopy) => c.write('package.json', (await c.read('package.json')).slice(0, 40)),
      want: /^package\.json:3:\d+ error source\/json: not valid JSON: /,
    },
  ])('$name', async ({ breakIt, want }) => {
    copy = await copyProject();
    await breakIt(copy);
    const error = await checkCompatibility(copy.root).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(want);
  });
});

describe('deprecation', () => {
  async function deprecateFraud(c: ProjectCopy) {
    await c.replace(PAYMENT, '    x-enumHowToFix:\n', '    x-enumDeprecated:\n      fraud:\n        replacement: risk_reject\n    x-enumHowToFix:\n');
  }

  test('is a minor change; the generated types carry @deprecated, which TypeScript reports on use', async () => {
    copy = await copyProject();
    await deprecateFraud(copy);
    expect((await checkCompatibility(copy.root)).differences.map((d) => d.message)).toEqual(['minor: payment_error.fraud deprecated (use risk_reject)']);
    await release(copy.root, 'minor', { date: DATE });
    const generated = await copy.read('generated/error-catalog.ts');
    expect(generated).toContain('    /** @deprecated Use risk_reject instead. */\n    "fraud": "fraud",');

    // What an editor shows: TypeScript's deprecation diagnostic (6385) on the use, not on a live code.
    const file = path.join(copy.root, 'src/use-deprecated.ts');
    await writeFile(file, "import { errorCodes } from '../generated/error-catalog.ts';\nexport const a = errorCodes.payment_error.fraud;\nexport const b = errorCodes.payment_error.risk_reject;\n");
    expect(deprecationsReported(copy.root, file)).toEqual(["2: 'fraud' is deprecated."]);
  });

  test('the docs show it', async () => {
    copy = await copyProject();
    await deprecateFraud(copy);
    const { document } = await bundleSpec(copy.root);
    const payment = docsInput(document, { schemaTag: 'Error schemas' }).tags.find((t: { name: string }) => t.name === 'payment_error');
    expect(payment.description).toContain('## fraud\n\n**Deprecated:** use `risk_reject` instead; this code will be removed in a major release.');
    expect(payment.description).toContain('| [fraud](#/payment_error/fraud) (deprecated) |');
  });

  test('removing a code deprecated in the last release is not flagged', async () => {
    copy = await copyProject();
    await deprecateFraud(copy);
    await release(copy.root, 'minor', { date: DATE });
    await copy.replace(PAYMENT, '    x-enumDeprecated:\n      fraud:\n        replacement: risk_reject\n', '');
    await removeFraud(copy);
    expect((await checkCompatibility(copy.root)).differences.map((d) => d.message)).toEqual(['major: payment_error.fraud removed']);
  });
});

/** The deprecation diagnostics TypeScript's language service reports for a file, as "line: text". */
function deprecationsReported(root: string, file: string): string[] {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, allowImportingTsExtensions: true, noEmit: true, types: [] };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => (ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name) ?? '') : undefined),
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
  };
  const service = ts.createLanguageService(host);
  return service
    .getSuggestionDiagnostics(file)
    .filter((d) => d.reportsDeprecated)
    .map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
