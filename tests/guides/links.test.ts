// Every relative link of README.md and docs/*.md resolves: the file or folder is there, and an
// anchor (`#heading`) is one the target has by GitHub's rules (headings, and the ids of HTML
// anchors such as ERRORS.md's). Links to other sites are not followed (no network in tests).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { anchorsOf, brokenLinks, githubSlug, guideFiles, readGuide } from '../helpers/doc-blocks.ts';

test.each(guideFiles())('%s: every relative link and anchor resolves', (doc) => {
  expect(brokenLinks(doc, readGuide(doc))).toEqual([]);
});

test.each([
  ['Use the shared components by `$ref`', 'use-the-shared-components-by-ref'],
  ['The CLI: `payment-errors`', 'the-cli-payment-errors'],
  ['A server on Web standards: `errorResponse`', 'a-server-on-web-standards-errorresponse'],
  ['Offline, and its Content-Security-Policy', 'offline-and-its-content-security-policy'],
  ['x-payment-errors and `check --spec`', 'x-payment-errors-and-check---spec'],
  ['Looking up [codes](x.md) & types', 'looking-up-codes--types'],
  ['snake_case stays', 'snake_case-stays'],
])('GitHub\'s anchor of "%s" is #%s', (heading, slug) => {
  expect(githubSlug(heading)).toBe(slug);
});

test('a heading written twice gets -1 for its second anchor, and HTML anchors count', () => {
  expect([...anchorsOf('# A\n\n## Same\n\n## Same\n\n<a id="payment_error.expired_card"></a>\n\n```md\n## In a block\n```\n')]).toEqual(['a', 'same', 'same-1', 'payment_error.expired_card']);
});

// A planted guide in a folder of its own, to show the check fails on what it is for.
const root = mkdtempSync(path.join(tmpdir(), 'guide-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'docs'));
writeFileSync(path.join(root, 'docs/there.md'), '# There\n\n## A section\n');
writeFileSync(path.join(root, 'LICENSE'), 'MIT\n');

test.each([
  ['a link to a file that is not there', '[gone](gone.md)', 'docs/planted.md:3: gone.md: docs/gone.md does not exist'],
  ['an anchor the target does not have', '[there](there.md#no-such-section)', 'docs/planted.md:3: there.md#no-such-section: docs/there.md has no heading or element with the anchor #no-such-section'],
  ['an anchor of its own that is not there', '[here](#nowhere)', 'docs/planted.md:3: #nowhere: docs/planted.md has no heading or element with the anchor #nowhere'],
  ['a link out of the repository', '[out](../../etc/passwd)', 'docs/planted.md:3: ../../etc/passwd: leads out of the repository'],
])('fails on %s', (_name, link, problem) => {
  writeFileSync(path.join(root, 'docs/planted.md'), `# Planted\n\n${link} and [fine](there.md#a-section), [up](../LICENSE), \`[code](nowhere.md)\`\n`);
  expect(brokenLinks('docs/planted.md', readGuide('docs/planted.md', root), root)).toEqual([problem]);
});

test('a link inside a code block or a code span is not a link', () => {
  writeFileSync(path.join(root, 'docs/planted.md'), '# Planted\n\n`[a](gone.md)`\n\n```md\n[b](gone.md)\n```\n');
  expect(brokenLinks('docs/planted.md', readGuide('docs/planted.md', root), root)).toEqual([]);
});
