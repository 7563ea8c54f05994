// A throwaway copy of the project in a temporary directory, for tests that break the spec or the
// catalog on purpose: they never touch the real files. node_modules is linked, not copied.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

const COPIED = ['openapi', 'catalog', 'generated', 'released', 'src', 'redocly.yaml', '.spectral.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'CHANGELOG.md'];

export interface ProjectCopy {
  root: string;
  /** Replaces text in a file of the copy; fails when the text is not there, so a test cannot silently break nothing. */
  replace(file: string, from: string | RegExp, to: string): Promise<void>;
  write(file: string, content: string): Promise<void>;
  read(file: string): Promise<string>;
  /** A hash of every file under generated/, to show that a failed run left it as it was. */
  generatedFingerprint(): Promise<Record<string, string>>;
  remove(): Promise<void>;
}

export async function copyProject(): Promise<ProjectCopy> {
  const root = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-'));
  await Promise.all(COPIED.map((entry) => cp(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true })));
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const at = (file: string) => path.join(root, file);
  return {
    root,
    async replace(file, from, to) {
      const text = await readFile(at(file), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${file} does not contain ${String(from)}`);
      await writeFile(at(file), next);
    },
    write: (file, content) => writeFile(at(file), content),
    read: (file) => readFile(at(file), 'utf8'),
    async generatedFingerprint() {
      const entries = await readdir(at('generated'), { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
      const hashes = await Promise.all(files.map(async (f) => [f, createHash('sha256').update(await readFile(at(f))).digest('hex')]));
      return Object.fromEntries(hashes.sort());
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
