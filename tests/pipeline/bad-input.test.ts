// Broken or hostile input makes the build (and every other command) fail at once with a message
// that names the file and the problem, and leaves generated/ exactly as it was. A build stopped
// half-way leaves nothing half-written, and two builds at once in one tree take turns. Every case
// works on a copy of the project.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { build } from '../../scripts/build.js';
import { findStaleFiles } from '../../scripts/check.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { startedAt, withLock } from '../../scripts/lib/lock.js';
import { SourceError, readSourceText } from '../../scripts/lib/source-text.js';
import { recoverWrites } from '../../scripts/lib/write-files.js';
import { copyProject, runInOneProcess, type ProjectCopy } from '../helpers/project-copy.js';

const SPEC = 'openapi/openapi.yaml';
const PAYMENT = 'openapi/components/schemas/PaymentError.yaml';
const CATALOG = 'catalog/error-codes.yaml';
const latin1 = (text: string) => Buffer.from(text, 'latin1');
/** What the pipeline keeps in a project while a command runs: empty when none runs. */
const leftInWork = (c: ProjectCopy) => readdir(path.join(c.root, '.pipeline')).catch(() => []);

/** Nine levels of nine YAML aliases: ten lines that stand for 9^9 (387 million) texts. */
const ALIAS_BOMB = [
  'x-bomb:',
  '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 8 }, (_, i) => `  l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`),
  '',
].join('\n');

let copy: ProjectCopy | undefined;
afterEach(async () => {
  await copy?.remove();
  copy = undefined;
});

/** Breaks a copy, builds it, and returns the error message after checking that generated/ is untouched. */
async function buildBroken(breakIt: (copy: ProjectCopy) => Promise<void>): Promise<string> {
  copy = await copyProject();
  await breakIt(copy);
  const before = await copy.fingerprint();
  const error = await build(copy.root, { docs: false, compile: false, log: () => {} }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the build should have failed').toBeInstanceOf(Error);
  expect(await copy.fingerprint()).toEqual(before);
  return (error as Error).message;
}

describe.each([
  {
    name: 'a YAML syntax error',
    breakIt: (c: ProjectCopy) => c.write('openapi/components/schemas/RefundError.yaml', 'type: object\n  properties: [\n'),
    want: [/openapi\/components\/schemas\/RefundError\.yaml:2:\d+ error/, /bad indentation/],
  },
  {
    name: 'a dangling $ref',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, '$ref: ./ErrorMessage.yaml', '$ref: ./ErrorMesage.yaml'),
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:\d+:\d+ error redocly\/no-unresolved-refs/, /ErrorMesage\.yaml/],
  },
  {
    name: 'a code in the spec but not in the catalog',
    breakIt: async (c: ProjectCopy) => {
      await c.replace(PAYMENT, '      - not_found_id\n', '      - not_found_id\n      - card_velocity_exceeded\n');
      await c.replace(PAYMENT, '      not_found_id: Not Found ID\n', '      not_found_id: Not Found ID\n      card_velocity_exceeded: Card velocity exceeded\n');
    },
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:\d+:\d+ error/, /payment_error: code "card_velocity_exceeded" is in the spec but not in catalog\/error-codes\.yaml/],
  },
  {
    name: 'a code in the catalog but not in the spec',
    breakIt: (c: ProjectCopy) =>
      c.replace(CATALOG, '      - code: not_found_id\n        message: Not Found ID\n', '      - code: not_found_id\n        message: Not Found ID\n      - code: card_velocity_exceeded\n        message: Card velocity exceeded\n'),
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:\d+:\d+ error/, /payment_error: code "card_velocity_exceeded" is in catalog\/error-codes\.yaml \(line \d+\) but not in the spec/],
  },
  {
    name: 'a message that differs from the reference',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, 'invalid_payment_method: Invalid paymentmethod', 'invalid_payment_method: Invalid payment method'),
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:\d+:\d+ error/, /payment_error\.invalid_payment_method: message is "Invalid payment method", the catalog says "Invalid paymentmethod"/],
  },
  {
    name: 'a how-to-fix that differs from the reference',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, 'channel_parameters_error: Check wx mid, appid', 'channel_parameters_error: Check the WeChat merchant id and app id'),
    want: [/PaymentError\.yaml:\d+:\d+ error/, /payment_error\.channel_parameters_error: how-to-fix is "Check the WeChat merchant id and app id", the catalog says "Check wx mid, appid"/],
  },
  {
    name: 'a wrong x-http-status',
    breakIt: (c: ProjectCopy) => c.replace('openapi/components/schemas/ApiError.yaml', 'x-http-status: 500', 'x-http-status: 502'),
    want: [/openapi\/components\/schemas\/ApiError\.yaml:\d+:\d+ error/, /api_error: x-http-status is 502, the catalog says 500/],
  },
  {
    name: 'an error type missing from the spec',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, '  - type: terminal_error\n', '  - type: terminal_error\n    httpStatus: 400\n    scope: []\n    codes: []\n  - type: settlement_error\n'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error/, /error type settlement_error has no schema in openapi\/openapi\.yaml/],
  },
  {
    name: 'a duplicate code in the catalog',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, '      - code: closed_order\n', '      - code: expired_order\n'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error catalog\/catalog-entry/, /types\[4\]\.codes\[\d+\]\.code: duplicate code "expired_order" in payment_error/],
  },
  {
    name: 'an empty message in the catalog',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, '        message: Expired card\n', '        message: ""\n'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error/, /types\[4\]\.codes\[\d+\]\.message: message must be a non-empty text/],
  },
  {
    name: 'a catalog status out of range',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, 'httpStatus: 500', 'httpStatus: 5000'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error/, /types\[3\]\.httpStatus: httpStatus must be an HTTP error status from 400 to 599, not 5000/],
  },
  {
    name: 'a YAML syntax error in the catalog',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, '  - type: refund_error\n', '  - type: refund_error\n   httpStatus: [\n'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error catalog\/yaml/],
  },
  {
    name: 'a YAML syntax error in the root document',
    breakIt: (c: ProjectCopy) => c.replace(SPEC, 'info:\n', 'info: [\n'),
    want: [/openapi\/openapi\.yaml:\d+:\d+ error source\/yaml: /],
  },
  {
    name: 'no openapi/openapi.yaml',
    breakIt: (c: ProjectCopy) => rm(path.join(c.root, SPEC)),
    want: [/openapi\/openapi\.yaml:1:1 error source\/document: the file is missing: it is the root of the document/],
  },
  {
    name: 'an empty openapi/openapi.yaml',
    breakIt: (c: ProjectCopy) => c.write(SPEC, ''),
    want: [/openapi\/openapi\.yaml:1:1 error source\/document: the document is empty: it must be an OpenAPI document/],
  },
  {
    name: 'an empty component file',
    breakIt: (c: ProjectCopy) => c.write('openapi/components/schemas/ErrorMessage.yaml', ''),
    want: [/openapi\/components\/schemas\/ErrorMessage\.yaml:1:1 error source\/document: the file is empty: a \$ref to it finds nothing/],
  },
  {
    name: 'a $ref cycle between two files',
    breakIt: async (c: ProjectCopy) => {
      await c.write('openapi/components/schemas/ErrorMessage.yaml', '$ref: ./OpenErrorCode.yaml\n');
      await c.write('openapi/components/schemas/OpenErrorCode.yaml', '$ref: ./ErrorMessage.yaml\n');
    },
    want: [
      /openapi\/components\/schemas\/(ErrorMessage|OpenErrorCode)\.yaml:1:1 error source\/ref-cycle: \$ref leads back to itself and never reaches a value: /,
      /ErrorMessage\.yaml#\/ -\$ref-> openapi\/components\/schemas\/OpenErrorCode\.yaml#\/|OpenErrorCode\.yaml#\/ -\$ref-> openapi\/components\/schemas\/ErrorMessage\.yaml#\//,
    ],
  },
  {
    name: 'a schema composed of itself (allOf)',
    breakIt: (c: ProjectCopy) => c.replace('openapi/components/schemas/ErrorMessage.yaml', 'type: string\n', 'allOf:\n  - $ref: ./ErrorMessage.yaml\ntype: string\n'),
    want: [/openapi\/components\/schemas\/ErrorMessage\.yaml:2:5 error source\/schema-cycle: schema is composed of itself, so no value can ever be checked against it: openapi\/components\/schemas\/ErrorMessage\.yaml#\/allOf\/0 -\$ref-> #\/ -allOf\[0\]-> #\/allOf\/0/],
  },
  {
    name: 'a schema composed of itself across files (allOf of the union it is in)',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, 'type: object\n', 'allOf:\n  - $ref: ./ErrorBody.yaml\ntype: object\n'),
    want: [/error source\/schema-cycle: schema is composed of itself/, /PaymentError\.yaml#\/allOf\/0 -\$ref-> openapi\/components\/schemas\/ErrorBody\.yaml#\/ -oneOf\[4\]-> /],
  },
  {
    name: 'a byte that is not UTF-8 in openapi/, the same in the catalog',
    breakIt: async (c: ProjectCopy) => {
      // Read leniently, both become "Invalid paym\uFFFDntmethod", agree, and build.
      await c.replaceBytes(PAYMENT, 'Invalid paymentmethod', latin1('Invalid paym\u00e9ntmethod'));
      await c.replaceBytes(CATALOG, 'Invalid paymentmethod', latin1('Invalid paym\u00e9ntmethod'));
    },
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:84:43 error source\/utf-8: byte 0xE9 is not UTF-8; save the file as UTF-8/],
  },
  {
    name: 'a byte that is not UTF-8 in the catalog',
    breakIt: (c: ProjectCopy) => c.replaceBytes(CATALOG, 'Invalid paymentmethod', latin1('Invalid paym\u00e9ntmethod')),
    want: [/catalog\/error-codes\.yaml:83:30 error source\/utf-8: byte 0xE9 is not UTF-8/],
  },
  {
    name: 'a truncated UTF-8 sequence at the end of a file',
    // "# " and the first two of the three bytes of an em dash.
    breakIt: (c: ProjectCopy) => appendFile(path.join(c.root, 'openapi/components/schemas/ErrorMessage.yaml'), Buffer.from([0x23, 0x20, 0xe2, 0x80])),
    want: [/openapi\/components\/schemas\/ErrorMessage\.yaml:\d+:3 error source\/utf-8: byte 0xE2 is not UTF-8/],
  },
  {
    name: 'a $ref to a URL (not fetched: no calls home)',
    breakIt: (c: ProjectCopy) => c.write('openapi/components/schemas/ErrorMessage.yaml', '$ref: https://example.com/schemas/Message.yaml\n'),
    want: [/AccountError\.yaml:\d+:\d+ error redocly\/no-unresolved-refs: Can't resolve \$ref: https:\/\/example\.com\/schemas\/Message\.yaml is not read: a \$ref must name a file of the project/],
  },
  {
    name: 'a YAML alias bomb in the catalog',
    breakIt: async (c: ProjectCopy) => c.write(CATALOG, (await c.read(CATALOG)) + ALIAS_BOMB),
    want: [/catalog\/error-codes\.yaml:\d+:12 error source\/yaml-aliases: YAML aliases \(the first is here\) expand beyond the limit of 100/],
  },
  {
    name: 'a component file over the size limit of a source (1 MiB)',
    breakIt: (c: ProjectCopy) => c.write('openapi/components/schemas/ErrorMessage.yaml', `type: string\ndescription: ${'a'.repeat(1 << 20)}\n`),
    want: [/openapi\/components\/schemas\/\w+\.yaml:\d+:\d+ error source\/too-large: \$ref \.\/ErrorMessage\.yaml \(openapi\/components\/schemas\/ErrorMessage\.yaml\) has \d+ bytes, more than the limit of 1048576 bytes \(1 MiB\)/],
  },
  {
    name: 'a folder in place of the catalog',
    breakIt: async (c: ProjectCopy) => {
      await rm(path.join(c.root, CATALOG));
      await mkdir(path.join(c.root, CATALOG));
    },
    want: [/^ {2}catalog\/error-codes\.yaml:1:1 error source\/not-a-file: error-codes\.yaml is a folder, not a file; a source must be a regular file$/m],
  },
  {
    name: 'an enum value without a description',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, '      not_found_id: Not Found ID\n', ''),
    want: [/PaymentError\.yaml:\d+:\d+ error spectral\/enum-values-described: Enum value "not_found_id" has no description/],
  },
])('$name', ({ breakIt, want }) => {
  test('fails the build naming the file and the problem, and leaves generated/ untouched', async () => {
    const message = await buildBroken(breakIt);
    for (const pattern of want) expect(message).toMatch(pattern);
  });
});

describe('YAML aliases', () => {
  test.each([
    // The yaml package counts the anchored value too.
    { aliases: 99, want: 'read' },
    { aliases: 100, want: 'refused' },
  ])('$aliases uses of one anchor are $want', async ({ aliases, want }) => {
    copy = await copyProject();
    const file = path.join(copy.root, 'openapi/aliases.yaml');
    await writeFile(file, `anchor: &a 1\nuses: [${Array(aliases).fill('*a').join(', ')}]\n`);
    const result = await readSourceText(copy.root, file).then(
      () => 'read',
      (e: unknown) => (e instanceof SourceError && e.problem.rule === 'yaml-aliases' ? 'refused' : e),
    );
    expect(result).toBe(want);
  });
});

describe('bytes that are not UTF-8', () => {
  // Where the first one is, as line:col, and the byte named: the start of the sequence that fails.
  test.each([
    { name: 'a Latin-1 letter', bytes: [0x61, 0x0a, 0x62, 0xe9, 0x63], want: '2:2 byte 0xE9' },
    { name: 'a continuation byte alone', bytes: [0x61, 0x80], want: '1:2 byte 0x80' },
    { name: 'an overlong form', bytes: [0x0a, 0x0a, 0xc0, 0xaf], want: '3:1 byte 0xC0' },
    { name: 'a surrogate', bytes: [0xe2, 0x82, 0xac, 0xed, 0xa0, 0x80], want: '1:2 byte 0xED' },
    { name: 'a sequence cut short by the next character', bytes: [0xf0, 0x9f, 0x98, 0x61], want: '1:1 byte 0xF0' },
    { name: 'a sequence cut short by the end of the file', bytes: [0x61, 0x62, 0xe2, 0x80], want: '1:3 byte 0xE2' },
    { name: 'past U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80], want: '1:1 byte 0xF4' },
  ])('$name', async ({ bytes, want }) => {
    copy = await copyProject();
    const file = path.join(copy.root, 'openapi/bytes.yaml');
    await writeFile(file, Uint8Array.from(bytes));
    const error = await readSourceText(copy.root, file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    const { line, col, message } = (error as SourceError).problem;
    expect(`${line}:${col} ${message}`).toBe(`${want} is not UTF-8; save the file as UTF-8`);
  });
});

describe('the docs', () => {
  test('start rendering from the bundle, but a failure later stops them: no page, nothing left over', async () => {
    copy = await copyProject();
    await copy.replace(PAYMENT, 'x-http-status: 400', 'x-http-status: 402');
    await expect(build(copy.root, { compile: false, log: () => {} })).rejects.toThrow('payment_error: x-http-status is 402, the catalog says 400');
    const left = await readdir(path.join(copy.root, 'dist/docs')).catch(() => []);
    expect(left).toEqual([]);
    expect(await leftInWork(copy)).toEqual([]);
  });
});

describe('the command line', () => {
  test('npm run build exits 1 with the problem on stderr and generated/ untouched', async () => {
    copy = await copyProject();
    await copy.write('openapi/components/schemas/RefundError.yaml', 'type: object\n  properties: [\n');
    const before = await copy.fingerprint();
    const result = await copy.run('build');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/openapi\/components\/schemas\/RefundError\.yaml:2:\d+ error .*bad indentation/);
    expect(await copy.fingerprint()).toEqual(before);
  });

  // Every command that reads openapi/, from package.json (compile reads only generated/).
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const commands = Object.entries<string>(manifest.scripts).flatMap(([name, command]) => {
    const script = /^node scripts\/([\w-]+)\.js$/.exec(command)?.[1];
    return script && script !== 'compile' ? [{ name, script, args: script === 'release' ? ['minor'] : [] }] : [];
  });

  // Hostile files and folders, each given to commands run as they run from the command line, but
  // one after another in one process (helpers/run-in-one-process.js: no node start and no tool
  // loading per command), whose memory and time a watchdog bounds. The alias bomb goes through
  // every command: each reads openapi/ through the one guarded reader (lib/source-text.js), and
  // this shows it for each; the other cases go through the command named.
  // Before the guards: the alias bomb ran the build 100 s to 2.4 GB and a RangeError; a $ref to
  // /dev/zero grew it to 12 GB in 60 s; a named pipe hung it for ever; the others ended in stack traces.
  const hostile: Array<{ name: string; breakIt: (c: ProjectCopy) => Promise<unknown>; commands: Array<{ name: string; script: string; args: string[] }>; want: RegExp }> = [
    {
      name: 'a YAML alias bomb in openapi/',
      breakIt: async (c) => c.write(PAYMENT, (await c.read(PAYMENT)) + ALIAS_BOMB),
      commands,
      want: /openapi\/components\/schemas\/PaymentError\.yaml:\d+:12 error source\/yaml-aliases: YAML aliases \(the first is here\) expand beyond the limit of 100/,
    },
    {
      name: 'a $ref to /dev/zero',
      breakIt: (c) => c.write('openapi/components/schemas/ErrorMessage.yaml', '$ref: /dev/zero\n'),
      commands: [{ name: 'build', script: 'build', args: [] }],
      want: /^ {2}openapi\/components\/schemas\/ErrorMessage\.yaml:1:7 error source\/not-a-file: \$ref \/dev\/zero is a character device, not a file; a source must be a regular file$/m,
    },
    {
      name: 'a named pipe (FIFO) in place of a component file',
      breakIt: async (c) => {
        await rm(path.join(c.root, 'openapi/components/schemas/ErrorMessage.yaml'));
        execFileSync('mkfifo', [path.join(c.root, 'openapi/components/schemas/ErrorMessage.yaml')]);
      },
      commands: [{ name: 'build', script: 'build', args: [] }],
      want: /openapi\/components\/schemas\/\w+\.yaml:\d+:\d+ error source\/not-a-file: \$ref \.\/ErrorMessage\.yaml \(openapi\/components\/schemas\/ErrorMessage\.yaml\) is a named pipe \(FIFO\), not a file/,
    },
    {
      name: 'a YAML tag whose value is no JSON (!!binary) in a component file',
      breakIt: (c) => c.write('openapi/components/schemas/ErrorMessage.yaml', '--- !!binary aGVsbG8=\n'),
      commands: [{ name: 'lint:redocly', script: 'lint-redocly', args: [] }],
      want: /openapi\/components\/schemas\/ErrorMessage\.yaml:1:\d+ error source\/yaml-tag: YAML tag !!binary makes a value that is not JSON/,
    },
    {
      name: 'no catalog/error-codes.yaml',
      breakIt: (c) => rm(path.join(c.root, CATALOG)),
      commands: [{ name: 'build', script: 'build', args: [] }],
      want: /^ {2}catalog\/error-codes\.yaml:1:1 error source\/missing: error-codes\.yaml is missing$/m,
    },
    {
      name: 'a merge conflict left in released/contract.json',
      breakIt: (c) => c.replace('released/contract.json', '  "types": [\n', '<<<<<<< HEAD\n  "types": [\n'),
      commands: [{ name: 'compat', script: 'compat', args: [] }],
      want: /^released\/contract\.json:3:1 error source\/json: a merge conflict marker \(<<<<<<<\) is left in the file: resolve the conflict first$/m,
    },
  ];

  test('every command refuses hostile files at once, in bounded memory, naming the file and the place, without a stack trace', async () => {
    const copies = await Promise.all(hostile.map(() => copyProject()));
    const notAProject = await mkdtemp(path.join(tmpdir(), 'not-a-project-'));
    try {
      await Promise.all(hostile.map((h, i) => h.breakIt(copies[i]!)));
      const before = await Promise.all(copies.map((c) => c.fingerprint()));
      const runs = hostile.flatMap((h, i) => h.commands.map(({ script, args }) => ({ script, args, root: copies[i]!.root })));
      // And --root naming no folder, or a folder that is no project: named, and nothing made there.
      const roots = [
        { root: path.join(notAProject, 'missing'), want: /^.*missing: no such folder; --root names the folder of a project \(the one with package\.json and openapi\/\)$/m },
        { root: notAProject, want: /^.*not-a-project-\w+ is not the folder of a project: it has no package\.json and no openapi\/$/m },
      ];
      // The build needs far less heap than this; the expansion of the bomb, far more.
      const results = await runInOneProcess([...runs, ...roots.map(({ root }) => ({ script: 'lint-redocly', root }))], { node: ['--max-old-space-size=256'], maxRssMb: 1024 });
      const wants = [...hostile.flatMap((h) => h.commands.map(({ name }) => ({ what: `${h.name}: npm run ${name}`, want: h.want }))), ...roots.map(({ root, want }) => ({ what: `--root ${root}`, want }))];
      wants.forEach(({ what, want }, i) => {
        const result = results[i]!;
        expect(result.stderr, what).toMatch(want);
        expect(result.stderr, `${what}: no stack trace`).not.toMatch(/^\s+at /m);
        expect(result.exitCode, what).toBe(1);
      });
      expect(await Promise.all(copies.map((c) => c.fingerprint())), 'generated/ untouched').toEqual(before);
      expect(await Promise.all(copies.map(leftInWork))).toEqual(copies.map(() => []));
      expect(await readdir(notAProject)).toEqual([]);
    } finally {
      await Promise.all([...copies.map((c) => c.remove()), rm(notAProject, { recursive: true, force: true })]);
    }
  });
});

describe('a stopped build', () => {
  test('stopped while compiling, dist/ is as it was; the next command removes what it had staged', async () => {
    copy = await copyProject();
    // The compiled package as this repository's build left it...
    for (const folder of ['dist/src', 'dist/generated']) await cp(path.join(REPO_ROOT, folder), path.join(copy.root, folder), { recursive: true });
    const before = await copy.fingerprint(['dist']);
    // ...and from here on every compiled file with a comment comes out different.
    await copy.replace('tsconfig.json', '"sourceMap": false,', '"sourceMap": false,\n    "removeComments": true,');
    const stopped = await copy.run('compile', [], { killAtWrite: { at: 5, matching: 'dist/(src|generated)/.+\\.js$' } });
    expect(stopped.signal).toBe('SIGKILL');
    expect(await copy.fingerprint(['dist'])).toEqual(before);

    const next = await copy.run('lint-redocly');
    expect(next.stderr).toMatch(/^recovered: process \d+ was stopped before it wrote what it had staged; removed that$/m);
    expect(next.code).toBe(0);
    expect(await leftInWork(copy)).toEqual([]);
  });

  test('stopped at any write of the swap of dist/src and dist/generated: never an old folder beside a new one, and the next command completes it', async () => {
    copy = await copyProject();
    const old = { 'dist/src': { 'index.js': 'old index', 'cli.js': 'old cli' }, 'dist/generated': { 'error-catalog.js': 'old catalog' } };
    const fresh = { 'dist/src': { 'index.js': 'new index', 'cli.js': 'new cli' }, 'dist/generated': { 'error-catalog.js': 'new catalog' } };
    const plan = path.join(tmpdir(), `swap-plan-${process.pid}.json`);
    await writeFile(plan, JSON.stringify(fresh));
    const stateOf = async (folder: keyof typeof old) => {
      const names = await readdir(path.join(copy!.root, folder)).catch(() => undefined);
      if (!names) return 'missing';
      const files = Object.fromEntries(await Promise.all(names.sort().map(async (n) => [n, await copy!.read(`${folder}/${n}`)] as const)));
      const same = (want: Record<string, string>) => JSON.stringify(files) === JSON.stringify(Object.fromEntries(Object.entries(want).sort()));
      return same(old[folder]) ? 'old' : same(fresh[folder]) ? 'new' : 'mixed';
    };
    const states = async () => [await stateOf('dist/src'), await stateOf('dist/generated')];
    const seen = new Set<string>();
    try {
      for (let at = 1; ; at++) {
        await rm(path.join(copy.root, 'dist'), { recursive: true, force: true });
        for (const [folder, files] of Object.entries(old)) {
          await mkdir(path.join(copy.root, folder), { recursive: true });
          for (const [name, content] of Object.entries(files)) await copy.write(`${folder}/${name}`, content);
        }
        const stopped = await copy.run(path.join(REPO_ROOT, 'tests/helpers/write-plan.js'), [plan], { killAtWrite: { at } });
        if (stopped.code === 0) break;
        expect(stopped.signal, `stopped at write ${at}`).toBe('SIGKILL');
        // Loud (a folder missing) is allowed until the next command; silently mixed is not.
        const now = await states();
        expect(now.includes('old') && now.includes('new'), `stopped at write ${at}: dist/src, dist/generated are ${now.join(', ')}`).toBe(false);
        expect(now, `stopped at write ${at}`).not.toContain('mixed');
        await recoverWrites(copy.root);
        const recovered = (await states()).join(', ');
        expect(['old, old', 'new, new'], `stopped at write ${at}, then recovered`).toContain(recovered);
        seen.add(recovered);
      }
    } finally {
      await rm(plan, { force: true });
    }
    expect([...seen].sort()).toEqual(['new, new', 'old, old']);
  });

  test('stopped while rendering the docs, it leaves nothing behind once the next command ran', async () => {
    copy = await copyProject();
    // Stopped as it writes the input of the render, in the folder it renders in.
    const stopped = await copy.run('build', [], { killAtWrite: { at: 1, matching: '^(dist/docs/\\.build-\\d+|\\.pipeline/stage-[^/]+)/openapi\\.json$' } });
    expect(stopped.signal).toBe('SIGKILL');
    // And the render folder of an older version's build, stopped too.
    await mkdir(path.join(copy.root, `dist/docs/.build-${await deadPid()}`), { recursive: true });

    const next = await copy.run('lint-redocly');
    expect(next.code).toBe(0);
    expect(await readdir(path.join(copy.root, 'dist/docs')).catch(() => [])).toEqual([]);
    expect(await leftInWork(copy)).toEqual([]);
  });
});

describe('two builds at once in one tree', () => {
  test('the second waits for the first, saying so, and both succeed', async () => {
    copy = await copyProject();
    const first = copy.run('build');
    for (let waited = 0; waited < 20_000 && !(await stat(path.join(copy.root, '.pipeline/lock')).catch(() => undefined)); waited += 20) await sleep(20);
    const second = await copy.run('build');
    expect(second.stderr).toMatch(/^waiting: process \d+ is running a pipeline command in this project \(it holds \.pipeline\/lock\)$/m);
    expect(second.code).toBe(0);
    expect((await first).code).toBe(0);
    expect(await findStaleFiles(copy.root)).toEqual([]);
    expect(await leftInWork(copy)).toEqual([]);
  });

  test('a lock left by a process that is gone is removed, saying so', async () => {
    copy = await copyProject();
    const pid = await deadPid();
    await mkdir(path.join(copy.root, '.pipeline/lock'), { recursive: true });
    await writeFile(path.join(copy.root, '.pipeline/lock', String(pid)), '');
    const result = await copy.run('lint-redocly');
    expect(result.stderr).toContain(`removing the lock of process ${pid}, which is no longer running`);
    expect(result.code).toBe(0);
    expect(await leftInWork(copy)).toEqual([]);
  });
});

describe('a lock whose pid runs again', () => {
  // Pids are reused: a CI container with a kept workspace repeats the pids of the last run. The
  // lock says when its holder started too; before it did, these waited for ever.
  test.runIf(existsSync('/proc/self/stat'))('a lock of a process that started at another time is removed, saying so', async () => {
    copy = await copyProject();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await mkdir(path.join(copy.root, '.pipeline/lock'), { recursive: true });
      await writeFile(path.join(copy.root, '.pipeline/lock', String(other.pid)), JSON.stringify({ pid: other.pid, started: `${startedAt(other.pid!)}0` }));
      const result = await copy.run('lint-redocly');
      expect(result.stderr).toContain(`removing the lock of process ${other.pid}, which is no longer running (pid ${other.pid} is another process now: it started at another time)`);
      expect(result.code).toBe(0);
      expect(await leftInWork(copy)).toEqual([]);
    } finally {
      other.kill();
    }
  });

  test("a lock that names this process's own pid is removed: it holds no lock yet", async () => {
    copy = await copyProject();
    await mkdir(path.join(copy.root, '.pipeline/lock'), { recursive: true });
    await writeFile(path.join(copy.root, '.pipeline/lock', String(process.pid)), '');
    const said: string[] = [];
    const ran = withLock(copy.root, async () => 'ran', (line) => said.push(line));
    const stuck = sleep(10_000).then(() => `still waiting after 10 s: ${said.join('; ')}`);
    expect(await Promise.race([ran, stuck])).toBe('ran');
    expect(said).toEqual([`removing the lock of process ${process.pid}, which is no longer running (pid ${process.pid} is this process's own now)`]);
    expect(await leftInWork(copy)).toEqual([]);
  });
});

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}
