// What `payment-errors narrow -o <out>` may touch (bin/spec-files.js, in process): it replaces a
// regular file only, through a staged file of its own that no planted link can redirect; a
// symbolic link is written through and stays a link; the replaced file's mode and owner stay; a
// file with other hard links, a folder, a named pipe, a device, a socket and a link to nothing are
// refused with exit 2, touching nothing; `-o -` is standard output. Devices are made here (mknod,
// as root), never the system's own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, link, lstat, mkdir, readdir, readFile, readlink, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specFiles } from '../../bin/spec-files.js';
import { runCli } from '../../src/cli/commands.ts';
import { downstreamProject, type Project } from '../helpers/lint.ts';
import { narrowCli, parseSpec, writeFixture } from '../helpers/narrow-cli.ts';

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});

const at = (file: string) => path.join(project.dir, file);
const text = (file: string) => readFile(at(file), 'utf8');
/** The narrowed text of the fixture, as narrow writes it to standard output. */
const narrowedText = async (file: string) => (await narrowCli(project, file)).stdout;
const isRoot = process.getuid?.() === 0;

test('a symbolic link planted at the staged name narrow once used (<out>.<pid>.tmp) is never followed: its target stays, -o becomes the narrowed file', async () => {
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'planted');
  await writeFile(at('planted/precious.txt'), 'precious\n');
  const planted = `${at('planted/narrowed.yaml')}.${process.pid}.tmp`;
  await symlink(at('planted/precious.txt'), planted);
  const result = await narrowCli(project, file, { out: 'planted/narrowed.yaml' });
  expect(result.code).toBe(0);
  expect(await text('planted/precious.txt')).toBe('precious\n');
  expect((await lstat(at('planted/narrowed.yaml'))).isFile()).toBe(true);
  expect(await text('planted/narrowed.yaml')).toBe(await narrowedText(file));
  // The planted link is someone else's: left as it was. Nothing else is left over.
  expect(await readlink(planted)).toBe(at('planted/precious.txt'));
  expect((await readdir(at('planted'))).sort()).toEqual(['narrowed.yaml', 'narrowed.yaml.' + process.pid + '.tmp', 'openapi.yaml', 'precious.txt'].sort());
});

describe('-o that exists and is not a regular file: exit 2, nothing touched', () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  test.each([
    { name: 'a folder', make: (p: string) => mkdir(p), problem: 'it is a folder, not a regular file: narrow replaces only files', is: 'isDirectory' },
    { name: 'a named pipe (FIFO)', make: async (p: string) => execFileSync('mkfifo', [p]), problem: 'it is a named pipe (FIFO), not a regular file: narrow replaces only files', is: 'isFIFO' },
    {
      name: 'a character device (a null device made here, never /dev/null)',
      make: async (p: string) => execFileSync('mknod', [p, 'c', '1', '3']),
      problem: 'it is a character device, not a regular file: narrow replaces only files',
      is: 'isCharacterDevice',
      skip: !isRoot,
    },
    {
      name: 'a socket',
      make: (p: string) =>
        new Promise<void>((resolve) => {
          server = createServer().listen(p, resolve);
        }),
      problem: 'it is a socket, not a regular file: narrow replaces only files',
      is: 'isSocket',
    },
    {
      name: 'a symbolic link to a named pipe',
      make: async (p: string) => {
        execFileSync('mkfifo', [`${p}.fifo`]);
        await symlink(`${p}.fifo`, p);
      },
      problem: 'it is a named pipe (FIFO), not a regular file: narrow replaces only files',
      is: 'isSymbolicLink',
    },
  ])('$name', async ({ name, make, problem, is, skip }) => {
    if (skip) return;
    const folder = `special-${name.replace(/\W+/g, '-')}`;
    const file = await writeFixture(project, 'narrow/openapi.yaml', folder);
    await make(at(`${folder}/out`));
    const before = (await readdir(at(folder))).sort();
    const result = await narrowCli(project, file, { out: `${folder}/out`, json: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`payment-errors: cannot write ${folder}/out: ${problem} (nothing was written)\n`);
    expect(JSON.parse(result.stdout).error.kind).toBe('output-unwritable');
    expect((await lstat(at(`${folder}/out`)) as unknown as Record<string, () => boolean>)[is]!()).toBe(true);
    expect((await readdir(at(folder))).sort()).toEqual(before);
  });

  test('a symbolic link to nothing: refused, not followed to make its target', async () => {
    const file = await writeFixture(project, 'narrow/openapi.yaml', 'dangling');
    await symlink(at('dangling/nowhere/new.yaml'), at('dangling/out.yaml'));
    const result = await narrowCli(project, file, { out: 'dangling/out.yaml' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `payment-errors: cannot write dangling/out.yaml: it is a symbolic link to "dangling/nowhere/new.yaml", which does not exist: narrow writes through a link only to a file that is there (nothing was written)\n`,
    });
    expect(existsSync(at('dangling/nowhere'))).toBe(false);
  });
});

test('-o - writes the narrowed spec to standard output, and no file named "-"', async () => {
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'dash');
  let stdout = '';
  let stderr = '';
  const code = await runCli(['narrow', at(file), '-o', '-'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readInput: async () => new Uint8Array(), specs: specFiles() });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toBe(await narrowedText(file));
  expect(existsSync(path.join(process.cwd(), '-'))).toBe(false);
  expect(await readdir(at('dash'))).toEqual(['openapi.yaml']);
});

describe('symbolic links are written through: the file they lead to is narrowed, the link stays', () => {
  test('the spec a link, narrowed in place (-o the link)', async () => {
    await writeFixture(project, 'narrow/openapi.yaml', 'linked');
    await rename(at('linked/openapi.yaml'), at('linked/real.yaml'));
    const expected = await narrowedText('linked/real.yaml');
    await symlink('real.yaml', at('linked/openapi.yaml'));
    const result = await narrowCli(project, 'linked/openapi.yaml', { out: 'linked/openapi.yaml' });
    expect(result.code).toBe(0);
    expect(await readlink(at('linked/openapi.yaml'))).toBe('real.yaml');
    expect(await text('linked/real.yaml')).toBe(expected);
    expect((await readdir(at('linked'))).sort()).toEqual(['openapi.yaml', 'real.yaml']);
  });

  test('-o a link to a file elsewhere', async () => {
    const file = await writeFixture(project, 'narrow/openapi.yaml', 'link-out');
    await mkdir(at('link-out/elsewhere'));
    await writeFile(at('link-out/elsewhere/published.yaml'), 'old\n');
    await symlink(at('link-out/elsewhere/published.yaml'), at('link-out/out.yaml'));
    expect((await narrowCli(project, file, { out: 'link-out/out.yaml' })).code).toBe(0);
    expect((await lstat(at('link-out/out.yaml'))).isSymbolicLink()).toBe(true);
    // The $refs are rewritten for where the file is (through the link, the link's folder).
    expect(parseSpec(await text('link-out/elsewhere/published.yaml')).paths['/payments'].post.responses['400']).toEqual({ $ref: '#/components/responses/CardPaymentBadRequest' });
  });
});

test("the replaced file keeps its mode (600), and its owner where the process may set it (root here)", async () => {
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'mode');
  await chmod(at(file), 0o600);
  if (isRoot) await chown(at(file), 4321, 4321);
  expect((await narrowCli(project, file, { out: file })).code).toBe(0);
  const info = await stat(at(file));
  expect(info.mode & 0o7777).toBe(0o600);
  if (isRoot) expect([info.uid, info.gid]).toEqual([4321, 4321]);
  expect(await text(file)).toContain('CardPaymentBadRequest');
});

test('a file with other hard links is refused, exit 2: both names keep the same text (never split silently)', async () => {
  const file = await writeFixture(project, 'narrow/openapi.yaml', 'hard');
  await link(at(file), at('hard/other-name.yaml'));
  const before = await text(file);
  const result = await narrowCli(project, file, { out: file, json: true });
  expect(result.code).toBe(2);
  expect(JSON.parse(result.stdout).error).toMatchObject({
    kind: 'output-unwritable',
    message: `cannot write ${at(file)}: it has 2 hard links (other names for the same file): narrow writes a new file and renames it into place, so the other names would keep the old text. Narrow to another file, or remove the other links first (nothing was written)`,
  });
  expect([await text(file), await text('hard/other-name.yaml')]).toEqual([before, before]);
  expect((await stat(at(file))).nlink).toBe(2);
});
