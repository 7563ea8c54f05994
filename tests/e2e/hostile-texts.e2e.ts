// Texts of the spec are shown as text, never as live HTML, wherever the page shows them. A copy of
// the bundle gets hostile texts (an image from outside, a form, a link, a style, an entity, a
// Markdoc tag) as a message, a how-to-fix, a scope, remarks and prose; the real build-docs renders
// it in a copy of the project; the browser shows each text literally, makes no request, and no
// element or style comes from them: in the code sections, the tables, the schema pages and the
// search results.
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

const MESSAGE = hostile('plantedmessage');
const FIX = hostile('plantedfix');
const FIX_STEP = hostile('plantedstep');
const SCOPE = hostile('plantedscope');
const REMARKS = hostile('plantedremarks');
const INTRO = hostileProse('plantedintro');
const PROPERTY = hostileProse('plantedproperty');

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
  document.info.description += `\n\n${INTRO}\n`;
  await (await renderDocs(copy.root, document)).publish();
  browser = await launchChromium();
  docs = await openDocs(browser, path.join(copy.root, DOCS), { name: 'laptop', width: 1280, height: 900 });
  page = docs.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await copy?.remove();
});

/** The elements, styles and title a live hostile text would have made. */
function liveHtml(page: Page) {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    return {
      elements: [...doc.querySelectorAll('img[src*="example.invalid"], img[onerror], form, input[name="q"], a[href*="example.invalid"]')].map((e: any) => e.outerHTML.slice(0, 80)),
      styles: [...doc.querySelectorAll('style')].filter((s: any) => s.textContent.includes('pwned-')).length,
      title: doc.title,
    };
  });
}

describe.each<[string, string, string[]]>([
  ['the code section', '/payment_error/expired_card', [MESSAGE, FIX, FIX_STEP, JSON.stringify(MESSAGE)]],
  ['the type\'s table of codes', '/payment_error', [MESSAGE, FIX, `1. ${FIX_STEP}`]],
  ['the table of types', '/section/error-types', [SCOPE, REMARKS]],
  ['the type\'s page', '/account_error', [SCOPE]],
  ['the type\'s remarks', '/api_error', [REMARKS]],
  ['the schema page (enum table)', '/error-schemas/paymenterror', [MESSAGE, PROPERTY]],
  ['the schema page (scope)', '/error-schemas/accounterror', [SCOPE]],
  ['the schema page (remarks)', '/error-schemas/apierror', [REMARKS]],
  ['the intro', '/', [INTRO]],
])('%s (%s)', (_, route, texts) => {
  test('shows every planted text literally, with no element or style from it', async () => {
    const shown = await openSection(page, route, texts[0]?.split(' ')[0] ?? '');
    expect(texts.filter((text) => !shown.includes(text))).toEqual([]);
    expect(await liveHtml(page)).toEqual({ elements: [], styles: 0, title: 'Payment API error contract' });
  });
});

describe('the search results', () => {
  test('show the planted text as text', async () => {
    await openSearch(page);
    const routes = await search(page, 'plantedmessage', (found) => found.includes('/payment_error/expired_card'));
    expect(routes).toContain('/payment_error/expired_card');
    const dialog = await page.getByTestId('search-dialog').innerText();
    expect(dialog).toContain('plantedmessage <img src="http://example.invalid/plantedmessage.png"');
    expect(await liveHtml(page)).toEqual({ elements: [], styles: 0, title: 'Payment API error contract' });
    await closeSearch(page);
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
