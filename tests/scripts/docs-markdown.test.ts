// How texts from the document are written into Markdown, row by row. Whether Redoc then shows
// them as text, never as live HTML, is the browser test's business (tests/e2e/hostile-texts.e2e.ts).
import { describe, expect, test } from 'vitest';
import { authoredMarkdown, codeBlock, codeSpan, componentRef, howToFixMarkdown, markdownText, tableCell } from '../../scripts/lib/docs-content.js';

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
    ['what starts a block at the start of a line', '# h\n> q\n- l\n+ l\n1. n\n2) n\n===', '\\# h<br>\\> q<br>\\- l<br>\\+ l<br>1\\. n<br>2\\) n<br>\\==='],
    ['the same marks inside a line are text', 'a # b > c - d 1. e', 'a # b > c - d 1. e'],
    // One Markdown line: a blank line cannot end the paragraph, nor a line start a block.
    ['line breaks of every kind, blank lines included', 'a\n\n<b>\r\n# h\rc', 'a<br><br>\\<b><br>\\# h<br>c'],
  ])('%s', (_, given, want) => {
    expect(markdownText(given)).toBe(want);
  });
});

describe('code spans and blocks', () => {
  test.each([
    ['plain', 'Expired card', '`Expired card`'],
    ['with backticks inside', 'a ` b `` c', '```a ` b `` c```'],
    ['starting with a backtick', '`x', '`` `x ``'],
    // Markdown drops one space at each end of a span that has one at both.
    ['a space at both ends', ' a ', '`  a  `'],
    ['only spaces', '  ', '`  `'],
    // A code span cannot hold a line break: a blank line or a line starting `#` would end it.
    ['lines: one span each, joined by <br>', 'FRAUD\n\n<img src="http://x"> now\n# Heading', '`FRAUD`<br><br>`<img src="http://x"> now`<br>`# Heading`'],
    ['CR LF and CR', 'a\r\nb\rc', '`a`<br>`b`<br>`c`'],
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
    ['a backslash-escaped backtick opens no code span', '\\`<img src=x>`', '\\`\\<img src=x>`'],
    ['an escaped backslash before a backtick does not escape it', '\\\\`<b>`', '\\\\`<b>`'],
    // An image would be loaded from wherever it points: it shows as the characters written.
    ['images are text, links stay links', '![logo](http://example.invalid/i.png) [a](#b) `![c](d)`', '!\\[logo](http://example.invalid/i.png) [a](#b) `![c](d)`'],
    ['reference images too', '![logo][l]\n\n[l]: http://example.invalid/i.png', '!\\[logo][l]\n\n[l]: http://example.invalid/i.png'],
    ['a code block left open is closed, so that it cannot swallow what follows', 'a\n```\n<b>', 'a\n```\n<b>\n```'],
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

describe('howToFixMarkdown: verbatim; numbered steps are a list when the list shows the same numbers', () => {
  test.each([
    ['steps from 1, in order: a list', '1. Adjust <b>;\n2. Contact *us*.', '1. Adjust \\<b>;\n2. Contact \\*us\\*.'],
    ['steps from 3, in order: a list that starts at 3', '3. a\n4. b', '3. a\n4. b'],
    // A Markdown list would renumber 1. 3. as 1. 2.
    ['steps out of order: text, line for line', '1. a\n3. b', '1\\. a<br>3\\. b'],
    ['text and steps: text, line for line', 'Do this:\n1. a\n- not a list', 'Do this:<br>1\\. a<br>\\- not a list'],
    ['a blank line and a heading: text, line for line', '1. a\n\n# b', '1\\. a<br><br>\\# b'],
    ['one line', 'Try *another* card.', 'Try \\*another\\* card.'],
  ])('%s', (_, given, want) => {
    expect(howToFixMarkdown(given)).toBe(want);
  });
});

test('componentRef: the $ref an API spec at the root of a project writes, resolved through node_modules', () => {
  expect(componentRef('responses', 'BadRequest')).toBe('./node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/BadRequest');
  expect(componentRef('parameters', 'IdempotencyKey', '3.0')).toBe('./node_modules/payment-error-contract/generated/openapi-3.0.yaml#/components/parameters/IdempotencyKey');
});
