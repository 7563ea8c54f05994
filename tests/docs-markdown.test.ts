// How texts from the document are written into Markdown, row by row. Whether Redoc then shows
// them as text, never as live HTML, is the browser test's business (tests/e2e/hostile-texts.e2e.ts).
import { describe, expect, test } from 'vitest';
import { authoredMarkdown, codeBlock, codeSpan, componentRef, howToFixMarkdown, markdownText, tableCell } from '../scripts/lib/docs-content.js';

describe('markdownText: a text shown as written', () => {
  test.each([
    ['plain text', 'Expired card', 'Expired card'],
    ['codes keep their underscores readable', 'use expired_card or 3DS_required', 'use expired_card or 3DS_required'],
    ['emphasis by underscores at word edges', '_x_ and __y__', '\\_x\\_ and \\_\\_y\\_\\_'],
    ['emphasis by stars, code, links', '*a* `b` [c](d) ![e](f)', '\\*a\\* \\`b\\` \\[c\\](d) !\\[e\\](f)'],
    ['raw HTML and autolinks', '<img src="http://example.invalid/x"> <http://example.invalid>', '\\<img src="http://example.invalid/x"> \\<http://example.invalid>'],
    ['entity references stay as written', '&lt;img &amp; &#60; AT&T', '\\&lt;img \\&amp; \\&#60; AT&T'],
    ['Markdoc tags and annotations', '{% debug %} {% .class %}', '\\{% debug %\\} \\{% .class %\\}'],
    ['strikethrough and table pipes', '~~a~~ | b', '\\~\\~a\\~\\~ \\| b'],
    ['backslashes', 'a\\b', 'a\\\\b'],
    ['what starts a block at the start of a line', '# h\n> q\n- l\n+ l\n1. n\n2) n\n===', '\\# h\n\\> q\n\\- l\n\\+ l\n1\\. n\n2\\) n\n\\==='],
    ['the same marks inside a line are text', 'a # b > c - d 1. e', 'a # b > c - d 1. e'],
  ])('%s', (_, given, want) => {
    expect(markdownText(given)).toBe(want);
  });
});

describe('code spans and blocks', () => {
  test.each([
    ['plain', 'Expired card', '`Expired card`'],
    ['with backticks inside', 'a ` b `` c', '```a ` b `` c```'],
    ['starting with a backtick', '`x', '`` `x ``'],
  ])('codeSpan: %s', (_, given, want) => {
    expect(codeSpan(given)).toBe(want);
  });

  test('a code block on the page is not processed by Markdoc; in ERRORS.md it is a plain fence', () => {
    expect(codeBlock('{"m": "{% debug %}"}', 'json', 'page')).toBe('```json {% process=false %}\n{"m": "{% debug %}"}\n```');
    expect(codeBlock('{"m": "{% debug %}"}', 'json', 'github')).toBe('```json\n{"m": "{% debug %}"}\n```');
  });

  test('a code block is longer than any run of backticks in it', () => {
    expect(codeBlock('a ```` b', 'json', 'github')).toBe('`````json\na ```` b\n`````');
  });
});

describe('authoredMarkdown: Markdown from openapi/ without live HTML', () => {
  test.each([
    ['Markdown stays Markdown', '**Scope** and `type`', '**Scope** and `type`'],
    ['HTML outside code is escaped', 'a <img src=x> &lt; {% debug %}', 'a \\<img src=x> \\&lt; \\{% debug %\\}'],
    ['code spans are left alone', 'see `<b>` and `` a`<i>`b ``', 'see `<b>` and `` a`<i>`b ``'],
    ['an unclosed backtick is text', 'a ` <b>', 'a ` \\<b>'],
  ])('%s', (_, given, want) => {
    expect(authoredMarkdown(given, 'github')).toBe(want);
  });

  test('fenced code blocks are left alone, and on the page not processed by Markdoc', () => {
    const given = 'Intro <b>\n\n```json\n{"a": "<b> {% x %}"}\n```\n\nAfter <i>';
    expect(authoredMarkdown(given, 'page')).toBe('Intro \\<b>\n\n```json {% process=false %}\n{"a": "<b> {% x %}"}\n```\n\nAfter \\<i>');
    expect(authoredMarkdown(given, 'github')).toBe('Intro \\<b>\n\n```json\n{"a": "<b> {% x %}"}\n```\n\nAfter \\<i>');
  });
});

test('tableCell: one line, pipes escaped', () => {
  expect(tableCell('a | b\nc')).toBe('a \\| b<br>c');
});

test('howToFixMarkdown: numbered lines stay a list, the rest is text', () => {
  expect(howToFixMarkdown('1. Adjust <b>;\n2. Contact *us*.\n- not a list')).toBe('1. Adjust \\<b>;\n2. Contact \\*us\\*.\n\\- not a list');
});

test('componentRef: the $ref an API spec at the root of a project writes, resolved through node_modules', () => {
  expect(componentRef('responses', 'BadRequest')).toBe('./node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/BadRequest');
  expect(componentRef('parameters', 'IdempotencyKey', '3.0')).toBe('./node_modules/payment-error-contract/generated/openapi-3.0.yaml#/components/parameters/IdempotencyKey');
});
