// Texts of the spec are shown as text, never as live HTML, wherever the page shows them, and the
// page loads nothing from outside. A copy of the bundle gets hostile texts (an image from outside,
// a form, a link, a style, an entity, a Markdoc tag; line breaks that would end a code span and
// start a heading, a quote or a list) as a message, a how-to-fix, a scope, remarks, a header's
// name, and Markdown images in prose (the intro, a response's, a header's, a property's
// description) and a remote x-logo; the real build-docs renders it in a copy of the project; the
// browser shows each text literally, makes no request, and no element or style comes from them:
// in the code sections, the tables, the schema pages, the sidebar and the search results. Last,
// the page's Content-Security-Policy is shown to stop what escaping might one day miss.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderDocs } from '../../scripts/docs.js';
import { DOCS, REPO_ROOT } from '../../scripts/lib/layout.js';
import { closeSearch, launchChromium, openDocs, openSearch, openSection, search, type DocsPage } from '../helpers/browser.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.js';

/** A text that is live HTML, an entity and a Markdoc tag if rendered as Markdown; `mark` names where it was planted. */
const hostile = (mark: string) =>
  `${mark} <img src="http://example.invalid/${mark}.png" onerror="document.title='pwned'"> <form action="http://example.invalid/f"><input name="q"></form> ` +
  `<a href="http://example.invalid/a">link</a> <style>.pwned-${mark}{display:none}</style> &lt;img {% debug %} *em* ~~s~~ | \`t\``;
/** Prose written in openapi/ keeps its Markdown: only its HTML, entities and Markdoc tags must stay text. */
const hostileProse = (mark: string) => `${mark} <img src="http://example.invalid/${mark}.png"> <a href="http://example.invalid/a">link</a> &lt;img {% debug %}`;

/** A message with line breaks: each line would start a block of its own if the text ended its code span. */
const lines = (mark: string) => `${mark.toUpperCase()}\n\n<img src="http://example.invalid/${mark}.png"> now\n# ${mark}heading\n> quote\n- item\n1. one`;
/** A Markdown image in prose: authored Markdown keeps its Markdown, but an image would be loaded. */
const image = (mark: string) => `![${mark}](http://example.invalid/${mark}.png)`;

const MESSAGE = hostile('plantedmessage');
const LINES = lines('plantedlines');
const FIX_LINES = lines('plantedfixlines');
const HEADER_NAME = 'x-on-behalf-of<img src="http://example.invalid/plantedheadername.png">';
const FIX = hostile('plantedfix');
const FIX_STEP = hostile('plantedstep');
const SCOPE = hostile('plantedscope');
const REMARKS = hostile('plantedremarks');
const INTRO = hostileProse('plantedintro');
const PROPERTY = `${hostileProse('plantedproperty')} ${image('plantedpropertyimage')}`;
const INTRO_IMAGE = image('plantedintroimage');
const RESPONSE_IMAGE = image('plantedresponseimage');
const HEADER_IMAGE = image('plantedheaderimage');

let copy: ProjectCopy;
let browser: Browser;
let docs: DocsPage;
let page: Page;

beforeAll(async () => {
  copy = await copyProject();
  const document = JSON.parse(await readFile(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));
  const schemas = document.components.schemas;
  schemas.PaymentError.properties.code['x-enumDescriptions'].expired_card = MESSAGE;
  schemas.PaymentError.properties.code['x-enumHowToFix'].expired_card = `${FIX}\n1. ${FIX_STEP}`;
  schemas.PaymentError.properties.code.description = PROPERTY;
  schemas.AccountError.description = `**Scope**\n\n- ${SCOPE}\n- sub account`;
  schemas.ApiError.description = `**Scope**\n\n- any internal unexpected error\n\n**Remarks**\n\n${REMARKS}`;
  document.info.description += `\n\n${INTRO}\n\n${INTRO_IMAGE}\n`;
  document.info['x-logo'] = { url: 'http://example.invalid/plantedlogo.png', altText: 'plantedlogo' };
  schemas.PaymentError.properties.code['x-enumDescriptions'].fraud = LINES;
  schemas.PaymentError.properties.code['x-enumHowToFix'].fraud = FIX_LINES;
  document.components.parameters.OnBehalfOf.name = HEADER_NAME;
  document.components.parameters.IdempotencyKey.description += `\n\n${HEADER_IMAGE}`;
  document.components.responses.BadRequest.description += `\n\n${RESPONSE_IMAGE}`;
  await (await renderDocs(copy.root, document)).publish();
  browser = await launchChromium();
  docs = await openDocs(browser, path.join(copy.root, DOCS), { name: 'laptop', width: 1280, height: 900 });
  page = docs.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await copy?.remove();
});

const NOTHING_LIVE = { elements: [], headings: [], styles: 0, title: 'Payment API error contract' };

/**
 * The elements, headings, styles and title a live hostile text would have made. (Redoc's own links
 * to a section, `#/request-headers/...`, carry the heading's words, planted ones included.)
 */
function liveHtml(page: Page) {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    return {
      elements: [...doc.querySelectorAll('img:not([src^="data:"]), img[onerror], form, input[name="q"], a[href*="example.invalid"]:not([href^="#"]), blockquote')].map((e: any) => e.outerHTML.slice(0, 80)),
      headings: [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h: any) => h.textContent).filter((text: string) => /heading$/.test(text)),
      styles: [...doc.querySelectorAll('style')].filter((s: any) => s.textContent.includes('pwned-')).length,
      title: doc.title,
    };
  });
}

describe.each<[string, string, string[]]>([
  ['the code section', '/payment_error/expired_card', [MESSAGE, FIX, FIX_STEP, JSON.stringify(MESSAGE)]],
  ['the code section of a message with line breaks', '/payment_error/fraud', [`Message (the API sends it verbatim): ${LINES}\n`, `How to fix:\n\n${FIX_LINES}\n`, JSON.stringify(LINES)]],
  ['the type\'s table of codes', '/payment_error', [MESSAGE, FIX, `1. ${FIX_STEP}`, LINES, FIX_LINES]],
  ['the table of types', '/section/error-types', [SCOPE, REMARKS]],
  ['the type\'s page', '/account_error', [SCOPE]],
  ['the type\'s remarks', '/api_error', [REMARKS]],
  ['the schema page (enum table)', '/error-schemas/paymenterror', [MESSAGE, PROPERTY, LINES]],
  ['the schema page (scope)', '/error-schemas/accounterror', [SCOPE]],
  ['the schema page (remarks)', '/error-schemas/apierror', [REMARKS]],
  ['the intro', '/', [INTRO, INTRO_IMAGE]],
  ['a response', '/standard-responses/400-badrequest', [RESPONSE_IMAGE]],
  ['a header', '/request-headers/idempotency-key', [HEADER_IMAGE]],
])('%s (%s)', (_, route, texts) => {
  test('shows every planted text literally, with no element or style from it', async () => {
    const shown = await openSection(page, route, texts[0]?.split(' ')[0] ?? '');
    expect(texts.filter((text) => !shown.includes(text))).toEqual([]);
    expect(await liveHtml(page)).toEqual(NOTHING_LIVE);
  });
});

describe('the search results and the sidebar', () => {
  test('show the planted text as text', async () => {
    await openSearch(page);
    const routes = await search(page, 'plantedmessage', (found) => found.includes('/payment_error/expired_card'));
    expect(routes).toContain('/payment_error/expired_card');
    const dialog = await page.getByTestId('search-dialog').innerText();
    expect(dialog).toContain('plantedmessage <img src="http://example.invalid/plantedmessage.png"');
    expect(await liveHtml(page)).toEqual(NOTHING_LIVE);
    await closeSearch(page);
  });

  test('a line of a message is no section of its own: the search finds the code\'s section, the sidebar has no entry for it', async () => {
    await openSearch(page);
    const routes = await search(page, 'plantedlinesheading', (found) => found.includes('/payment_error/fraud'));
    await closeSearch(page);
    expect(routes).toEqual(['/payment_error/fraud', '/payment_error']);
    await openSection(page, '/payment_error/fraud', 'plantedlinesheading');
    const sidebar = await page.locator('.menu-content').evaluate((menu: any) => menu.textContent as string);
    expect(sidebar).toContain('fraud');
    expect(sidebar).not.toContain('plantedlinesheading');
  });

  test('a header\'s name is its section\'s heading, as text', async () => {
    await openSearch(page);
    const [route = ''] = await search(page, 'plantedheadername', (found) => found.some((r) => r.startsWith('/request-headers/')));
    await closeSearch(page);
    expect(route).toMatch(/^\/request-headers\//);
    const shown = await openSection(page, route, 'x-on-behalf-of');
    expect(shown.split('\n')[0]).toBe(HEADER_NAME);
    expect(shown).toContain(`${HEADER_NAME}: `);
    expect(await liveHtml(page)).toEqual(NOTHING_LIVE);
  });

  test('the remote logo is not shown', async () => {
    expect(await page.locator('img[alt="plantedlogo"]').count()).toBe(0);
  });
});

describe('the Content-Security-Policy, for what escaping might miss', () => {
  // A second page: what it injects is meant to fail, and says so on the console.
  test('HTML put into the page loads nothing from outside and runs nothing', async () => {
    const other = await openDocs(browser, path.join(copy.root, DOCS), { name: 'laptop', width: 1280, height: 900 });
    const blocked = await other.page.evaluate(async () => {
      const doc = (globalThis as any).document;
      const violations: string[] = [];
      doc.addEventListener('securitypolicyviolation', (e: any) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const div = doc.createElement('div');
      div.innerHTML = [
        '<img src="http://example.invalid/csp.png" onerror="document.title=\'pwned\'">',
        '<img src="x" onerror="document.title=\'pwned\'">',
        '<link rel="stylesheet" href="http://example.invalid/csp.css">',
        '<iframe src="http://example.invalid/csp.html"></iframe>',
        '<style>@font-face{font-family:p;src:url(http://example.invalid/csp.woff)} .csp{font-family:p;background:url(http://example.invalid/csp-bg.png)}</style><p class="csp">x</p>',
        '<a id="csp-js" href="javascript:document.title=\'pwned\'">x</a>',
        '<form id="csp-form" action="http://example.invalid/csp-form"><input name="q"></form>',
      ].join('');
      doc.body.append(div);
      const script = doc.createElement('script');
      script.src = 'http://example.invalid/csp.js';
      doc.body.append(script);
      const inline = doc.createElement('script');
      inline.textContent = "document.title='pwned'";
      doc.body.append(inline);
      await (globalThis as any).fetch('http://example.invalid/csp-fetch').catch(() => {});
      doc.getElementById('csp-js').click();
      doc.getElementById('csp-form').submit();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { violations, title: doc.title };
    });
    expect(other.outgoing).toEqual([]);
    expect(blocked.title).toBe('Payment API error contract');
    for (const directive of ['img-src', 'style-src-elem', 'frame-src', 'font-src', 'script-src-elem', 'script-src-attr', 'connect-src', 'form-action']) {
      expect(blocked.violations.map((v) => v.split(' ')[0])).toContain(directive);
    }
    await other.page.close();
  });
});

describe('the page on its own', () => {
  // Last: it covers every visit above.
  test('made no request that would leave the machine', () => {
    expect(docs.outgoing).toEqual([]);
  });

  test('logged no console error', () => {
    expect(docs.consoleErrors).toEqual([]);
  });
});
