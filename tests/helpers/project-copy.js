// A throwaway copy of the project in a temporary directory, for tests that break the spec or the
// catalog on purpose (they never touch the real files) and for the build benchmark (which starts
// from a clean generated/ and dist/). node_modules is linked, not copied.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

const COPIED = ['openapi', 'catalog', 'generated', 'released', 'src', 'redocly.yaml', 'scripts/docs-page.hbs', '.spectral.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'CHANGELOG.md'];

/**
 * @typedef {object} ProjectCopy
 * @property {string} root
 * @property {(file: string, from: string | RegExp, to: string) => Promise<void>} replace
 *   replaces text in a file of the copy; fails when the text is not there, so a test cannot silently break nothing
 * @property {(file: string, content: string) => Promise<void>} write
 * @property {(file: string) => Promise<string>} read
 * @property {() => Promise<Record<string, string>>} generatedFingerprint
 *   a hash of every file under generated/, to show that a failed run left it as it was
 * @property {() => Promise<void>} clean removes generated/ and dist/, so the next build starts from nothing
 * @property {() => Promise<void>} remove
 */

/** @returns {Promise<ProjectCopy>} */
export async function copyProject() {
  const root = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-'));
  await Promise.all(COPIED.map((entry) => cp(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true })));
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const at = (/** @type {string} */ file) => path.join(root, file);
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
    clean: async () => {
      await Promise.all(['generated', 'dist'].map((dir) => rm(at(dir), { recursive: true, force: true })));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
