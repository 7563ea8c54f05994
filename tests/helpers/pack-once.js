// globalSetup of the slow suites (vitest.slow.config.ts): `npm pack` of this repository once for
// every test file that installs the package, instead of once per file. packedProject() installs
// this tarball when the variable names one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pack, TARBALL_VARIABLE } from './packed-project.js';

export default async function packOnce() {
  const directory = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-tarball-'));
  process.env[TARBALL_VARIABLE] = await pack(directory);
  return async () => {
    delete process.env[TARBALL_VARIABLE];
    await rm(directory, { recursive: true, force: true });
  };
}
