// The reference page (dist/docs/index.html, from `npm run build`) opened from disk in headless
// Chromium, as a support engineer uses it on a laptop (1280x900) and on a phone (390x844): every
// code's section with its type, status, message, how to fix and example body, nothing wider than
// the screen, one search hit per code. Screenshots of both widths go to dist/e2e/ for review.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { componentRef } from '../../scripts/lib/docs-content.js';
import { readContract, type ErrorTypeModel } from '../../scripts/lib/contract-model.js';
import { DOCS, REPO_ROOT } from '../../scripts/lib/layout.js';
import { closeSearch, launchChromium, openDocs, openSearch, openSection, search, sectionAt, VIEWPORTS, type DocsPage } from '../helpers/browser.ts';

const SCREENSHOTS = path.join(REPO_ROOT, 'dist/e2e');

let browser: Browser;
let types: ErrorTypeModel[];

beforeAll(async () => {
  types = readContract(JSON.parse(await readFile(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'))).types;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const codes = () => types.flatMap((t) => t.codes.map((c) => ({ type: t, code: c, route: `/${t.type}/${c.code.toLowerCase()}` })));

/** The codes a search is likeliest to get wrong: the longest, one that begins another, one in mixed case. */
function hardToSearch(all: ReturnType<typeof codes>) {
  const longest = all.reduce((a, b) => (b.code.code.length > a.code.code.length ? b : a));
  const prefix = all.find((c) => all.some((o) => o.code.code.startsWith(`${c.code.code}_`)));
  const mixedCase = all.find((c) => /[A-Z]/.test(c.code.code) && /[a-z]/.test(c.code.code));
  return [...new Set([longest, prefix, mixedCase])].filter((c) => c !== undefined);
}

/**
 * What of a section does not fit the viewport: elements whose box runs past either edge, and
 * elements whose content is cut (wider than the element, which hides or scrolls it).
 */
function overflowing(page: Page, route: string): Promise<string[]> {
  return page.evaluate((route) => {
    const doc = globalThis as any;
    const width = doc.document.documentElement.clientWidth;
    const section = doc.document.querySelector(`[data-section-id="${route}"]`);
    const found: string[] = [];
    for (const el of [section, ...section.querySelectorAll('*')]) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      const name = `${el.tagName.toLowerCase()} "${String(el.textContent).slice(0, 30)}"`;
      if (box.left < -0.5 || box.right > width + 0.5) found.push(`${name} spans ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
      else if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) found.push(`${name} cuts its content: ${el.scrollWidth} in ${el.clientWidth}`);
    }
    return found;
  }, route);
}

describe.each(VIEWPORTS)('at $width x $height ($name)', (viewport) => {
  let docs: DocsPage;
  let page: Page;

  beforeAll(async () => {
    docs = await openDocs(browser, path.join(REPO_ROOT, DOCS), viewport);
    page = docs.page;
  });

  describe('the opening section', () => {
    test('shows the standardized format', async () => {
      const intro = await openSection(page, '/', 'standardized body');
      expect(intro).toContain('"type": "error type"');
      expect(intro).toContain('"code": "error code"');
      expect(intro).toContain('"message": "error message"');
    });

    test('has a table of the types with each type\'s HTTP status, scope, remarks and codes', async () => {
      const table = page.getByRole('table').filter({ hasText: 'invalid_request_error' }).first();
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as any).innerText.trim())));
      expect(rows.map((cells) => cells.slice(0, 2))).toEqual(types.map((t) => [t.type, String(t.httpStatus)]));
      expect(rows.map((cells) => cells.length)).toEqual(types.map(() => 5));
      expect(await overflowing(page, '/section/error-types')).toEqual([]);
    });

    test('links each type to its codes', async () => {
      await openSection(page, '/section/error-types', 'invalid_request_error');
      await page.getByRole('table').filter({ hasText: 'invalid_request_error' }).first().getByRole('link', { name: 'payment_error' }).click();
      await expect.poll(() => page.url()).toMatch(/#\/payment_error$/);
      await expect.poll(() => sectionAt(page, '/payment_error').innerText()).toContain('Sent with HTTP 400');
    });
  });

  describe('every code', () => {
    test('has a section headed by the code, whole, with type, status, message, how to fix and an example body', async () => {
      const wrong: string[] = [];
      for (const { type, code, route } of codes()) {
        const text = await openSection(page, route, 'Example body');
        const section = sectionAt(page, route);
        const heading = section.locator('h2').first();
        const want = [
          `Type: ${type.type} · HTTP status: ${type.httpStatus}`,
          `Message (the API sends it verbatim): ${code.message}`,
          ...(code.howToFix ? code.howToFix.split('\n').map((line) => line.replace(/^\d+\. /, '')) : ['How to fix: the reference gives no advice for this code.']),
          `Example body (HTTP ${type.httpStatus}):`,
        ];
        wrong.push(...want.filter((s) => !text.includes(s)).map((s) => `${route}: no "${s}"`));
        if ((await heading.innerText()) !== code.code) wrong.push(`${route}: heading "${await heading.innerText()}"`);
        const example = JSON.parse(await section.locator('pre').first().innerText());
        if (JSON.stringify(example) !== JSON.stringify({ type: type.type, code: code.code, message: code.message })) wrong.push(`${route}: example ${JSON.stringify(example)}`);
        wrong.push(...(await overflowing(page, route)).map((o) => `${route}: ${o}`));
      }
      expect(wrong).toEqual([]);
    });

    // The search index is the same at both widths: on the laptop every code is searched, by its
    // code and by its message; on the phone, through the menu, the codes the search could get wrong.
    const laptop = viewport.width >= 672;
    test(`${laptop ? 'is' : 'the longest, a prefix of another and a mixed-case one are'} found once by the page's search, first${laptop ? ', and by words of its message' : ''}`, async () => {
      await openSearch(page);
      const wrong: string[] = [];
      const searched = laptop ? codes() : hardToSearch(codes());
      expect(searched.length).toBeGreaterThan(laptop ? 40 : 2);
      for (const { code, route } of searched) {
        const found = await search(page, code.code, (routes) => routes.includes(route));
        const own = found.filter((r) => r === route).length;
        if (own !== 1 || found[0] !== route) wrong.push(`${code.code}: ${own} hits for its section, first hit ${found[0]}`);
        if (laptop && !(await search(page, code.message, (routes) => routes.includes(route))).includes(route)) wrong.push(`"${code.message}" does not find ${code.code}`);
      }
      await closeSearch(page);
      expect(wrong).toEqual([]);
    });

    test('a search hit opens the code\'s section', async () => {
      await openSearch(page);
      await search(page, '3DS_required', (routes) => routes.includes('/payment_error/3ds_required'));
      await page.getByTestId('search-dialog').locator('a[href="#/payment_error/3ds_required"]').first().click();
      await expect.poll(() => page.url()).toMatch(/#\/payment_error\/3ds_required$/);
      const section = sectionAt(page, '/payment_error/3ds_required');
      await expect.poll(() => section.innerText()).toContain('The issuer bank requires the 3D Secure process');
      await expect.poll(() => section.isVisible()).toBe(true);
      await closeSearch(page);
    });
  });

  describe('each type', () => {
    test.each(['invalid_request_error', 'idempotence_error', 'account_error', 'payment_error'])('%s lists its codes with message and how to fix', async (name) => {
      const codes = types.find((t) => t.type === name)?.codes ?? [];
      expect(codes.length, `${name} has codes in the catalog`).toBeGreaterThan(0);
      const text = await openSection(page, `/${name}`, 'Sent with HTTP');
      for (const c of codes) {
        expect(text).toContain(c.message);
        if (c.howToFix) expect(text).toContain(c.howToFix.split('\n')[0]?.replace(/^\d+\. /, ''));
      }
      expect(await overflowing(page, `/${name}`)).toEqual([]);
    });
  });

  describe('the standard responses and headers', () => {
    test('document both responses, with an example of every type and the $ref an API spec writes', async () => {
      const bad = await openSection(page, '/standard-responses/400-badrequest', 'BadRequestErrorBody');
      const internal = await openSection(page, '/standard-responses/500-internalservererror', 'ApiError');
      for (const type of types) expect(type.httpStatus === 500 ? internal : bad).toContain(`"type": "${type.type}"`);
      expect(bad.replace(/\s+/g, '')).toContain(componentRef('responses', 'BadRequest'));
    });

    test('document the idempotency key and x-on-behalf-of, with examples', async () => {
      expect(await openSection(page, '/request-headers/idempotency-key', 'format uuid')).toMatch(/Idempotency-Key: [0-9a-f-]{36}/);
      expect(await openSection(page, '/request-headers/x-on-behalf-of', 'sub_account_not_found')).toMatch(/x-on-behalf-of: \S+/);
    });
  });

  if (viewport.width < 672) {
    test('the menu button sits in the bar at the top, over no text; the menu opens below the bar', async () => {
      await openSection(page, '/payment_error/idempotency_violation', 'Example body');
      const bar = await page.locator('.page-bar').boundingBox();
      const button = await page.getByTestId('floating-button').boundingBox();
      const heading = await sectionAt(page, '/payment_error/idempotency_violation').locator('h2').first().boundingBox();
      expect(bar && button && heading).toBeTruthy();
      if (!bar || !button || !heading) return;
      expect(button.y).toBeGreaterThanOrEqual(bar.y);
      expect(button.y + button.height).toBeLessThanOrEqual(bar.y + bar.height);
      expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);
      await page.getByTestId('floating-button').click();
      const search = await page.getByTestId('search-trigger').boundingBox();
      expect(search?.y).toBeGreaterThanOrEqual(bar.y + bar.height);
      await page.getByTestId('floating-button').click();
    });
  }

  test('screenshots of the opening section, a type and a code\'s entry go to dist/e2e/ for review', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const shots: Array<[string, string, string]> = [
      ['types', '/section/error-types', 'invalid_request_error'],
      ['type', '/payment_error', 'Sent with HTTP'],
      ['code', '/payment_error/order_amount_too_small', 'Contact customer support'],
      ['long-code', '/payment_error/3ds_not_authenticated_failed', 'Example body'],
    ];
    for (const [name, route, expected] of shots) {
      // A fresh load (goto alone only changes the hash), so the page shows the entry as a reader
      // arriving by link sees it: once its heading is at the top of the screen, where Redoc
      // scrolls it after rendering.
      await page.goto(`${page.url().split('#')[0]}#${route}`);
      await page.reload();
      await expect.poll(() => sectionAt(page, route).innerText().catch(() => ''), { timeout: 10_000 }).toContain(expected);
      const heading = sectionAt(page, route).locator('h1, h2').first();
      await expect.poll(async () => (await heading.boundingBox())?.y ?? -1, { timeout: 10_000 }).toSatisfy((y: number) => y >= 0 && y < viewport.height / 3);
      const file = path.join(SCREENSHOTS, `${viewport.name}-${name}.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  describe('the page on its own', () => {
    // Last: it covers every interaction above.
    test('made no request that would leave the machine', () => {
      expect(docs.outgoing).toEqual([]);
    });

    test('logged no console error', () => {
      expect(docs.consoleErrors).toEqual([]);
    });
  });
});
