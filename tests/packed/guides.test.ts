// Every code block of README.md and docs/*.md, run as written (tests/helpers/guide-harness.ts says
// how each kind is checked): in a copy of this repository, the README's install (npm ci, build,
// npm pack) and, in a new project beside it, `npm install` of the tarball; then each guide's blocks
// in order in that project, starting from what the install left. What a block could not run is
// printed with the reason.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { blocksUnder, guideFiles, readGuide, shellLines } from '../helpers/doc-blocks.ts';
import { copyRepository, runGuide, runShellLine, startStubApi, type GuideEnv } from '../helpers/guide-harness.ts';

let work: string;
let server: Server | undefined;
let env: GuideEnv;
/** The README's install blocks, which the setup ran. */
const installed = new Set<string>();

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'guides-'));
  const repo = path.join(work, 'payment-error-contract');
  const project = path.join(work, 'your-project');
  await copyRepository(repo);
  await mkdir(project);
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'your-project', private: true, type: 'module' }, null, 2));
  const api = await startStubApi();
  server = api.server;
  env = { repo, project, api: api.url, ran: new Map() };
  // The install that works today, exactly as the README writes it.
  const notes: string[] = [];
  for (const block of blocksUnder('README.md', 'Install')) {
    for (const line of shellLines(block)) {
      const failures = await runShellLine(line, env, notes);
      if (failures.length) throw new Error(`the README's install fails:\n${failures.join('\n')}`);
    }
    installed.add(`${block.doc}:${block.line}`);
  }
});

afterAll(async () => {
  server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test.each(guideFiles())('%s: every code block runs as written', async (doc) => {
  const { failures, notes } = await runGuide(doc, readGuide(doc), env, installed);
  if (notes.length) console.info(`${doc}, checked without running as written:\n  ${notes.join('\n  ')}`);
  expect(failures).toEqual([]);
});
