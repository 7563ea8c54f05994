// TypeScript 7 (the native compiler), for type-checking what consumers compile: the project's own
// typescript stays 5.x, which openapi-typescript needs (its peer dependency), so 7 is installed
// apart, into a folder of its own under the system's temporary folder, once per version and
// machine: the only install from the npm registry the tests make (CI, on a fresh machine, makes it
// once per run). Pinned, so that a run is repeatable.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export const TYPESCRIPT_7 = '7.0.2';

/** Where it is installed: a prefix whose node_modules holds typescript@TYPESCRIPT_7. */
export const TYPESCRIPT_7_PREFIX = path.join(tmpdir(), `payment-error-contract-typescript-${TYPESCRIPT_7}`);

let installed: Promise<string> | undefined;

/**
 * The `tsc` of TypeScript 7, installed first if it is not there yet. Staged in a folder of its own
 * and renamed into place, so that test files that ask at once never see half an install.
 */
export function typescript7(): Promise<string> {
  installed ??= (async () => {
    const tsc = path.join(TYPESCRIPT_7_PREFIX, 'node_modules/typescript/bin/tsc');
    if (!existsSync(tsc)) {
      const staging = await mkdtemp(`${TYPESCRIPT_7_PREFIX}-staging-`);
      try {
        await exec('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--prefix', staging, `typescript@${TYPESCRIPT_7}`], { timeout: 240_000 });
        await rename(staging, TYPESCRIPT_7_PREFIX).catch((error: NodeJS.ErrnoException) => {
          // Another test file put it there first.
          if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
        });
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    }
    const { stdout } = await exec(process.execPath, [tsc, '--version']);
    if (stdout.trim() !== `Version ${TYPESCRIPT_7}`) throw new Error(`${tsc} is ${stdout.trim()}, not TypeScript ${TYPESCRIPT_7}`);
    return tsc;
  })();
  return installed;
}

/** The compilers consumers use, each with the path of its `tsc` (a JavaScript file run with Node). */
export async function compilers(repoRoot: string): Promise<Array<{ name: string; tsc: string }>> {
  return [
    { name: 'TypeScript 5', tsc: path.join(repoRoot, 'node_modules/typescript/bin/tsc') },
    { name: 'TypeScript 7', tsc: await typescript7() },
  ];
}
