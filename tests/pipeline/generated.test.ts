// npm run check as part of npm test: generated/ must be exactly what openapi/ produces.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, test } from 'vitest';
import { findStaleFiles } from '../../scripts/check.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.js';

let copy: ProjectCopy | undefined;
afterEach(async () => {
  await copy?.remove();
  copy = undefined;
});

test('generated/ is up to date with openapi/', async () => {
  expect(await findStaleFiles(REPO_ROOT)).toEqual([]);
});

test('a stale, a missing and an extra file are each named', async () => {
  copy = await copyProject();
  await copy.replace('generated/openapi.yaml', 'Expired card', 'Expired Card');
  await copy.write('generated/notes.txt', 'hand-written');
  await rm(path.join(copy.root, 'generated/openapi.ts'));
  expect(await findStaleFiles(copy.root)).toEqual([
    { file: 'generated/openapi.yaml', problem: 'stale' },
    { file: 'generated/openapi.ts', problem: 'missing' },
    { file: 'generated/notes.txt', problem: 'not generated' },
  ]);
});

test('npm run check exits 1 and names the stale file', async () => {
  copy = await copyProject();
  await copy.replace('generated/openapi.json', '"Expired card"', '"Expired Card"');
  const result = await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'scripts/check.js'), '--root', copy.root]).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('generated/openapi.json:1:1 error check/stale: differs from what openapi/ produces');
});
