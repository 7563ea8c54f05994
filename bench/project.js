// A throwaway copy of the project for the benchmarks that build it, so that they can start from
// a clean generated/ and dist/ without touching the repository. node_modules is linked.
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/lib/layout.js';

const COPIED = ['openapi', 'catalog', 'src', 'redocly.yaml', '.spectral.js', 'tsconfig.json', 'package.json'];

export async function benchProject() {
  const root = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-bench-'));
  await Promise.all(COPIED.map((entry) => cp(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true })));
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return {
    root,
    /** Removes generated/ and dist/, so the next build starts from nothing. */
    clean: () => Promise.all(['generated', 'dist'].map((dir) => rm(path.join(root, dir), { recursive: true, force: true }))),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
