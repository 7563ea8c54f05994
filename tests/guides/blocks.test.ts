// No code block of README.md or docs/*.md goes unchecked: each one is of a kind the harness
// (tests/packed/guides.test.ts, `npm run test:guides`) checks, every command of a shell block has a
// runner, and a block marked `<!-- tested: tests/... -->` names a test that exists and reads it.
// This part is fast and in `npm test`; running the blocks is the harness's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkOf, codeBlocks, coverageProblem, guideFiles, NOT_YET_WRITTEN, readGuide, shellLines, shownOutput, type DocBlock } from '../helpers/doc-blocks.ts';

const blocks = guideFiles().flatMap((doc) => codeBlocks(doc, readGuide(doc)));

/** What is wrong with a block for the harness, if anything. */
function problemsOf(block: DocBlock, root?: string): string[] {
  try {
    const check = checkOf(block);
    const problems = [coverageProblem(block, root)].filter((p): p is string => p !== undefined);
    if (check.kind === 'shell') shellLines(block);
    return problems;
  } catch (error) {
    return [(error as Error).message];
  }
}

test('the guides have code blocks, and the README only a few', () => {
  expect(blocks.length).toBeGreaterThan(30);
  // The install, three examples and the downstream walk (issue 20 wants it whole in the README).
  expect(blocks.filter((b) => b.doc === 'README.md').length).toBeLessThanOrEqual(16);
});

test.each(guideFiles())('%s: every code block is of a kind the harness checks, or names the test that covers it', (doc) => {
  expect(blocks.filter((b) => b.doc === doc).flatMap((b) => problemsOf(b))).toEqual([]);
});

test('each kind of check is used, so that none of them is dead code', () => {
  const kinds = new Set(blocks.map((b) => checkOf(b).kind));
  expect([...kinds].sort()).toEqual(['contract-edit', 'covered', 'json-body', 'openapi', 'redocly-config', 'shell', 'spectral-config', 'typescript']);
});

test("the README's install and downstream section are walked by tests/packed/downstream-walk.test.ts, block by block", () => {
  const marked = blocks.filter((b) => b.tested === 'tests/packed/downstream-walk.test.ts');
  expect(marked.map((b) => b.heading)).toEqual([
    'Install',
    ...Array(3).fill('Linting an API spec'),
    ...Array(4).fill('A per-operation contract narrowed into a typed client'),
    'TypeScript 5 and 7',
  ]);
  expect(NOT_YET_WRITTEN).toEqual({});
});

test('TypeScript blocks that show output say it with `// → ` lines', () => {
  const shown = blocks.filter((b) => checkOf(b).kind === 'typescript' && shownOutput(b.code).length > 0);
  expect(shown.length).toBeGreaterThanOrEqual(4);
});

test('shell commands: where each runs and how', () => {
  const [install] = blocks.filter((b) => b.doc === 'README.md' && b.heading === 'Install');
  expect(install && shellLines(install).map((l) => [l.context, l.steps.map((s) => s.how)])).toEqual([
    ['repo', ['run', 'run', 'run']],
    ['project', ['run']],
  ]);
  const [seven] = blocks.filter((b) => b.doc === 'README.md' && b.heading === 'TypeScript 5 and 7');
  expect(seven && shellLines(seven).map((l) => [l.context, l.steps.map((s) => s.how)])).toEqual([
    ['project', ['link']],
    ['project', ['npx-packages']],
    ['project', ['run']],
  ]);
  const cli = blocks.find((b) => b.doc === 'docs/cli.md' && b.lang === 'sh');
  expect(cli && shellLines(cli).find((l) => l.command.includes('expird_card'))?.exit).toBe(1);
});

// Planted guides, to show the checks fail on what they are for.
const root = mkdtempSync(path.join(tmpdir(), 'guide-blocks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'tests'));
mkdirSync(path.join(root, 'docs'));
writeFileSync(path.join(root, 'tests/reads-it.test.ts'), "const [tree] = blocksUnder('docs/planted.md', 'Layout');\n");
writeFileSync(path.join(root, 'tests/reads-another.test.ts'), "const [tree] = blocksUnder('docs/other.md', 'Layout');\n");

function planted(markdown: string): string[] {
  writeFileSync(path.join(root, 'docs/planted.md'), markdown);
  return codeBlocks('docs/planted.md', markdown).flatMap((b) => problemsOf(b, root));
}

test('a planted guide whose blocks all have a check passes', () => {
  expect(planted('## Layout\n\n<!-- tested: tests/reads-it.test.ts -->\n```text\nsrc/\n```\n\n```ts\nconst a = 1;\n```\n')).toEqual([]);
});

test.each([
  ['a block of a language no check knows', '## Example\n\n```python\nprint(1)\n```\n', ['docs/planted.md:3: no check for a ```python block; mark the test that covers it with <!-- tested: tests/... -->']],
  ['a block with no language', '## Example\n\n```\nsomething\n```\n', ['docs/planted.md:3: no check for a ```(no language) block; mark the test that covers it with <!-- tested: tests/... -->']],
  ['a YAML block that is neither a spec nor a named config', '## Example\n\n```yaml\nfoo: bar\n```\n', ['docs/planted.md:3: a YAML block that is neither an OpenAPI document (or part of one) nor a config named on its first line (# .spectral.yaml, # redocly.yaml)']],
  ['an edit of the contract that does not say where it goes', '## Example\n\n```yaml\n# openapi/components/schemas/PaymentError.yaml\nx-enumDeprecated: {}\n```\n', ['docs/planted.md:3: an edit of openapi/components/schemas/PaymentError.yaml must say where it goes ("# openapi/components/schemas/PaymentError.yaml, beside <key>")']],
  ['a marker naming a test that does not exist', '## Layout\n\n<!-- tested: tests/gone.test.ts -->\n```text\nsrc/\n```\n', ['docs/planted.md:4: the marker names tests/gone.test.ts, which does not exist']],
  ['a marker naming a test that reads another block', '## Layout\n\n<!-- tested: tests/reads-another.test.ts -->\n```text\nsrc/\n```\n', ["docs/planted.md:4: tests/reads-another.test.ts does not read this block: it should call blocksUnder('docs/planted.md', 'Layout')"]],
  ['a shell command with no runner', '## Example\n\n```sh\nnpx payment-errors list\nrm -rf /\n```\n', ['docs/planted.md:5: no runner for `rm -rf /` in the project']],
  ['a contributor command in the project', '## Example\n\n```sh\n# in your project\nnpm run build\n```\n', ['docs/planted.md:5: no runner for `npm run build` in the project']],
  ['a pipeline with a part that cannot run', '## Example\n\n```sh\n# in a clone of this repository\nnpm test | npm run build\n```\n', ['docs/planted.md:5: a pipeline runs whole or not at all, and `npm test | npm run build` has a part that cannot run']],
])('fails on %s, naming the block', (_name, markdown, problems) => {
  expect(planted(markdown)).toEqual(problems);
});

test('a test named as not yet written that exists now must leave NOT_YET_WRITTEN', () => {
  const file = 'tests/planned.test.ts';
  NOT_YET_WRITTEN[file] = 'planted: written by this test';
  try {
    writeFileSync(path.join(root, file), '');
    expect(planted(`## Walk\n\n<!-- tested: ${file} -->\n\`\`\`sh\nnpx payment-errors list\n\`\`\`\n`)).toEqual([
      `docs/planted.md:4: ${file} exists now: remove it from NOT_YET_WRITTEN (tests/helpers/doc-blocks.ts) so that it covers the block`,
    ]);
  } finally {
    delete NOT_YET_WRITTEN[file];
  }
});
