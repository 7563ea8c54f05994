// Where things live in the project. Every step takes the project root as an argument so that
// tests can run it on a copy; these are the paths below that root.
import { fileURLToPath } from 'node:url';

/** The root of this repository, the default project root. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const SPEC = 'openapi/openapi.yaml';
export const CATALOG = 'catalog/error-codes.yaml';
export const REDOCLY_CONFIG = 'redocly.yaml';
export const GENERATED = 'generated';
export const DOCS = 'dist/docs/index.html';
/** The record of the last released contract, written by the release step only. */
export const RELEASED = 'released/contract.json';
export const CHANGELOG = 'CHANGELOG.md';
/** The pipeline's own folder: the lock of the tree and the stages of writes in progress (lib/write-files.js). */
export const WORK = '.pipeline';

/** The project root a script run from the command line works on: `--root <dir>`, else this repository. */
export function rootFromArgv(argv = process.argv.slice(2)) {
  const at = argv.indexOf('--root');
  return (at >= 0 ? argv[at + 1] : undefined) ?? REPO_ROOT;
}
