// The layout tree of docs/contributing.md against the files of the repository: every path it lists
// exists, and every file that should be listed is. The tree is read simply, so that whoever
// rewrites it needs to know only this:
// - one entry per line, two spaces of indentation per level; a folder ends with `/`;
// - a description follows `#`; a line of only a `#` comment continues the one above;
// - a folder whose description says "one file per" stands for its files, which need not be listed;
// - an entry whose description says "not committed" need not exist (dist/, .pipeline/).
// What must be listed: every file in git (tracked, or new and not ignored), except what lies below
// a folder of tests/ (tests/ lists its top-level files and folders) and the files inside the folders
// of openapi/ (openapi/ lists its folders).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { blocksUnder } from '../helpers/doc-blocks.ts';

interface Entry {
  path: string;
  line: number;
  folder: boolean;
  wholeFolder: boolean;
  committed: boolean;
}

/** The entries of a tree, each with its full path; throws naming the line for one that does not fit the format. */
function readTree(tree: string, firstLine = 1): Entry[] {
  const entries: Entry[] = [];
  const parents: string[] = [];
  for (const [i, text] of tree.split('\n').entries()) {
    const hash = text.search(/(^|\s)#/);
    const name = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
    const description = hash < 0 ? '' : text.slice(hash).replace(/^\s*#\s?/, '');
    const previous = entries.at(-1);
    if (name.trim() === '') {
      // A description continued: its words count for the entry above.
      if (previous && /one file per/.test(description)) previous.wholeFolder = previous.folder;
      if (previous && /not committed/.test(description)) previous.committed = false;
      continue;
    }
    const indent = name.length - name.trimStart().length;
    if (indent % 2 !== 0 || indent / 2 > parents.length || /\s/.test(name.trim())) throw new Error(`tree line ${firstLine + i}: "${text}" is not one entry at an indentation of two spaces per level`);
    parents.length = indent / 2;
    const entry = name.trim();
    const full = [...parents, entry].join('');
    const folder = entry.endsWith('/');
    entries.push({ path: full, line: firstLine + i, folder, wholeFolder: folder && /one file per/.test(description), committed: !/not committed/.test(description) });
    if (folder) parents.push(entry);
  }
  return entries;
}

/** The files a tree must list, of those given (paths relative to the root, with `/`). */
function mustBeListed(file: string): string | undefined {
  const parts = file.split('/');
  if (parts[0] === 'tests' && parts.length > 2) return `tests/${parts[1]}/`;
  if (parts[0] === 'openapi' && parts.length > 2) return `${parts.slice(0, -1).join('/')}/`;
  return file;
}

/** What is wrong with a tree against a list of files: listed paths that are not there, and files (or folders) not listed. */
function treeProblems(entries: Entry[], files: string[], exists: (p: string) => boolean): string[] {
  const problems: string[] = [];
  for (const e of entries) if (e.committed && !exists(e.path)) problems.push(`line ${e.line}: ${e.path} is listed but does not exist`);
  const listed = new Set(entries.map((e) => e.path));
  const whole = entries.filter((e) => e.wholeFolder).map((e) => e.path);
  const needed = new Set(files.map(mustBeListed).filter((p): p is string => p !== undefined));
  for (const p of [...needed].sort()) {
    if (listed.has(p) || whole.some((folder) => p.startsWith(folder) && p !== folder)) continue;
    problems.push(`${p} is not in the tree`);
  }
  return problems;
}

function gitFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && existsSync(path.join(REPO_ROOT, f)));
}

const [block] = blocksUnder('docs/contributing.md', 'Layout');

test('the layout tree of docs/contributing.md lists exactly the files of the repository', () => {
  expect(block).toBeDefined();
  const entries = readTree(block?.code ?? '', (block?.line ?? 0) + 1);
  expect(entries.length).toBeGreaterThan(50);
  expect(treeProblems(entries, gitFiles(), (p) => existsSync(path.join(REPO_ROOT, p))).map((problem) => `docs/contributing.md, ${problem}`)).toEqual([]);
});

// The check on a planted tree and file list, to show it fails on what it is for.
const TREE = `src/                 # the package
  index.ts           # what it exports
  lint/              # one file per rule
scripts/
  build.js
tests/
  fixtures/          # one folder per case
  cli.test.ts
dist/                # not committed
openapi/
  openapi.yaml
  components/
    schemas/`;
const FILES = ['src/index.ts', 'src/lint/body.ts', 'scripts/build.js', 'tests/cli.test.ts', 'tests/fixtures/a/openapi.yaml', 'openapi/openapi.yaml', 'openapi/components/schemas/PaymentError.yaml'];
const exists = (p: string) => FILES.some((f) => f === p || f.startsWith(p));

test('a planted tree that matches its files passes', () => {
  expect(treeProblems(readTree(TREE), FILES, exists)).toEqual([]);
});

test.each([
  ['a listed file that is not there', TREE.replace('  build.js', '  build.js\n  bundle.js'), FILES, ['line 6: scripts/bundle.js is listed but does not exist']],
  ['a file that is not listed', TREE, [...FILES, 'scripts/check.js'], ['scripts/check.js is not in the tree']],
  ['a folder of tests/ that is not listed', TREE, [...FILES, 'tests/runtime/parse.test.ts'], ['tests/runtime/ is not in the tree']],
  ['a folder of openapi/ that is not listed', TREE, [...FILES, 'openapi/components/examples/A.yaml'], ['openapi/components/examples/ is not in the tree']],
  ['a folder listed whole that does not say "one file per"', TREE.replace('# one file per rule', '# the rules'), FILES, ['src/lint/body.ts is not in the tree']],
  ['a root file that is not listed', TREE, [...FILES, 'vitest.config.ts'], ['vitest.config.ts is not in the tree']],
])('fails on %s, naming the path', (_name, tree, files, problems) => {
  expect(treeProblems(readTree(tree), files, (p) => files.some((f) => f === p || f.startsWith(p)))).toEqual(problems);
});

test('a line that is not one entry at two spaces per level is refused, naming it', () => {
  expect(() => readTree('src/\n   index.ts')).toThrow('tree line 2: "   index.ts" is not one entry at an indentation of two spaces per level');
  expect(() => readTree('src/\n  index.ts types.ts')).toThrow('tree line 2');
});
