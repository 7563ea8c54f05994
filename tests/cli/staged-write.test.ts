// How bin/spec-files.js stages what narrow writes, seen from the calls it makes to Node: the staged
// file is created for this write alone (O_CREAT | O_EXCL | O_NOFOLLOW), in the target's folder,
// under a name a person can read and nobody can guess; it is flushed before the rename, and
// removed when anything fails. Here the random part of the name is fixed, so that a test can
// plant a link exactly there, and a rename is made to fail.
import { constants } from 'node:fs';
import { mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

const io = vi.hoisted(() => ({ random: undefined as Buffer | undefined, failRename: false, calls: [] as string[], flags: [] as number[] }));

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, randomBytes: (size: number) => io.random ?? real.randomBytes(size) };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    async open(file: string, flags: number, mode?: number) {
      const handle = await real.open(file, flags, mode);
      if (typeof flags !== 'number' || !(flags & constants.O_WRONLY)) return handle;
      io.flags.push(flags);
      io.calls.push(`open ${path.basename(file)}`);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        io.calls.push('sync');
        return sync();
      };
      return handle;
    },
    async rename(from: string, to: string) {
      io.calls.push(`rename ${path.basename(from)} ${path.basename(to)}`);
      if (io.failRename) throw Object.assign(new Error('injected: EXDEV, cross-device link not permitted'), { code: 'EXDEV' });
      return real.rename(from, to);
    },
  };
});

const { specFiles } = await import('../../bin/spec-files.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'staged-write-'));
  Object.assign(io, { random: undefined, failRename: false, calls: [], flags: [] });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('staged exclusively, without following links, in the target folder under a readable unguessable name; flushed, then renamed', async () => {
  const target = path.join(dir, 'openapi.yaml');
  await writeFile(target, 'old\n');
  await specFiles().write(target, 'new\n');
  expect(await readFile(target, 'utf8')).toBe('new\n');
  const [open, sync, rename] = io.calls;
  expect(open).toMatch(/^open \.openapi\.yaml\.payment-errors-[0-9a-f]{16}\.tmp$/);
  expect([sync, rename]).toEqual(['sync', `rename ${open!.slice(5)} openapi.yaml`]);
  const flags = io.flags[0]!;
  for (const flag of ['O_CREAT', 'O_EXCL', 'O_NOFOLLOW', 'O_WRONLY'] as const) expect(flags & constants[flag], flag).toBe(constants[flag]);
  expect(flags & constants.O_TRUNC).toBe(0);
  // Another write, another name.
  await specFiles().write(target, 'newer\n');
  expect(io.calls[3]).toMatch(/^open \.openapi\.yaml\.payment-errors-[0-9a-f]{16}\.tmp$/);
  expect(io.calls[3]).not.toBe(open);
  expect(await readdir(dir)).toEqual(['openapi.yaml']);
});

test('a link planted at the very name it stages under: refused (EEXIST), its target and the link as they were, -o untouched', async () => {
  io.random = Buffer.from('0123456789abcdef', 'hex');
  const target = path.join(dir, 'openapi.yaml');
  await writeFile(target, 'old\n');
  await writeFile(path.join(dir, 'precious.txt'), 'precious\n');
  const staged = path.join(dir, '.openapi.yaml.payment-errors-0123456789abcdef.tmp');
  await symlink(path.join(dir, 'precious.txt'), staged);
  await expect(specFiles().write(target, 'new\n')).rejects.toMatchObject({ code: 'EEXIST' });
  expect(await readFile(path.join(dir, 'precious.txt'), 'utf8')).toBe('precious\n');
  expect(await readlink(staged)).toBe(path.join(dir, 'precious.txt'));
  expect(await readFile(target, 'utf8')).toBe('old\n');
});

test('a rename that fails: the staged file is removed, the target as it was', async () => {
  io.failRename = true;
  const target = path.join(dir, 'openapi.yaml');
  await writeFile(target, 'old\n');
  await expect(specFiles().write(target, 'new\n')).rejects.toThrow('injected: EXDEV');
  expect(await readdir(dir)).toEqual(['openapi.yaml']);
  expect(await readFile(target, 'utf8')).toBe('old\n');
});
