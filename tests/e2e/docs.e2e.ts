// The reference page (dist/docs/index.html, from `npm run build`) opened from disk in headless
// Chromium, with every request that would leave the page recorded and refused.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOCS, REPO_ROOT } from '../../scripts/lib/layout.js';
import { readContract, type ErrorTypeModel } from '../../scripts/lib/contract-model.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, 'dist/e2e');
const PAGE = pathToFileURL(path.join(REPO_ROOT, DOCS)).href;

let browser: Browser;
let page: Page;
let types: ErrorTypeModel[];
const outgoing: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, DOCS))) throw new Error(`${DOCS} is missing: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  types = readContract(JSON.parse(await readFile(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'))).types;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // Everything but the file itself and inline data would leave the machine: record it, refuse it.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    outgoing.push(url);
    return route.abort();
  });
  await page.goto(PAGE);
  await page.getByRole('heading', { name: 'Error types' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

const slug = (text: string) => text.toLowerCase();

/**
 * Goes to a route of the page (#/payment_error/expired_card) and resolves to the text of its
 * section once Redoc has rendered it (Redoc renders the sections near the viewport only).
 */
async function openSection(route: string, expected: string): Promise<string> {
  // Runs in the page; the tests are compiled without the DOM library.
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#${route}`);
  const section = page.locator(`[data-section-id="${route}"]`).first();
  await expect.poll(() => section.innerText().catch(() => ''), { timeout: 10_000 }).toContain(expected);
  return section.innerText();
}

describe('the opening section', () => {
  test('shows the standardized format', async () => {
    const intro = await page.locator('body').innerText();
    expect(intro).toContain('"type": "error type"');
    expect(intro).toContain('"code": "error code"');
    expect(intro).toContain('"message": "error message"');
  });

  test('has a table of the seven types with each type\'s HTTP status', async () => {
    const table = page.getByRole('table').filter({ hasText: 'HTTP status' }).first();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(types.length);
    for (const [i, type] of types.entries()) {
      const cells = rows[i]?.split('\t').map((c) => c.trim());
      expect(cells?.slice(0, 2), type.type).toEqual([type.type, String(type.httpStatus)]);
    }
  });

  test('links each type to its codes', async () => {
    await page.getByRole('table').filter({ hasText: 'HTTP status' }).first().getByRole('link', { name: 'payment_error' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/payment_error$/);
    await expect.poll(() => page.locator('[data-section-id="/payment_error"]').innerText()).toContain('Sent with HTTP 400');
  });
});

describe('every code', () => {
  test('has a section with its message and how to fix', async () => {
    const missing: string[] = [];
    for (const type of types) {
      for (const c of type.codes) {
        const text = await openSection(`/${type.type}/${slug(c.code)}`, c.code);
        const want = [c.message, ...(c.howToFix ? c.howToFix.split('\n').map((line) => line.replace(/^\d+\. /, '')) : [])];
        missing.push(...want.filter((s) => !text.includes(s)).map((s) => `${type.type}.${c.code}: ${s}`));
      }
    }
    expect(missing).toEqual([]);
  });

  test('is found by the page\'s search, which links to its section', async () => {
    await page.getByTestId('search-trigger').click();
    const input = page.getByPlaceholder('Search docs...');
    const notFound: string[] = [];
    for (const type of types) {
      for (const { code } of type.codes) {
        await input.fill(code);
        const hit = page.getByTestId('search-dialog').locator(`a[href="#/${type.type}/${slug(code)}"]`);
        if (!(await hit.first().waitFor({ timeout: 5_000 }).then(() => true, () => false))) notFound.push(`${type.type}.${code}`);
      }
    }
    await page.keyboard.press('Escape');
    expect(notFound).toEqual([]);
  });

  test('a search hit opens the code\'s section', async () => {
    await page.getByTestId('search-trigger').click();
    await page.getByPlaceholder('Search docs...').fill('3DS_required');
    await page.getByTestId('search-dialog').locator('a[href="#/payment_error/3ds_required"]').first().click();
    await expect.poll(() => page.url()).toMatch(/#\/payment_error\/3ds_required$/);
    const section = page.locator('[data-section-id="/payment_error/3ds_required"]');
    await expect.poll(() => section.innerText()).toContain('The issuer bank requires the 3D Secure process');
    await expect.poll(() => section.isVisible()).toBe(true);
  });
});

describe('the standard responses and headers', () => {
  test('document both responses, with an example of every type', async () => {
    const bad = await openSection('/standard-responses/400-badrequest', 'BadRequestErrorBody');
    const internal = await openSection('/standard-responses/500-internalservererror', 'ApiError');
    for (const type of types) expect(type.httpStatus === 500 ? internal : bad).toContain(`"type": "${type.type}"`);
  });

  test('document the idempotency key and x-on-behalf-of, with examples', async () => {
    expect(await openSection('/request-headers/idempotency-key', 'format uuid')).toMatch(/Idempotency-Key: [0-9a-f-]{36}/);
    expect(await openSection('/request-headers/x-on-behalf-of', 'sub_account_not_found')).toMatch(/x-on-behalf-of: \S+/);
  });
});

describe('for review', () => {
  test('screenshots of the types table and of one code\'s entry go to dist/e2e/', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.goto(PAGE);
    const table = page.getByRole('table').filter({ hasText: 'HTTP status' }).first();
    await table.waitFor();
    await table.screenshot({ path: path.join(SCREENSHOTS, 'types-table.png') });
    // A fresh load, so the sidebar shows the entry open as a reader arriving by link sees it.
    await page.goto(`${PAGE}#/payment_error/order_amount_too_small`);
    await expect.poll(() => page.locator('[data-section-id="/payment_error/order_amount_too_small"]').innerText().catch(() => '')).toContain('Contact customer support');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'code-entry.png') });
    for (const file of ['types-table.png', 'code-entry.png']) expect(existsSync(path.join(SCREENSHOTS, file))).toBe(true);
  });
});

describe('the page on its own', () => {
  // Last: it covers every interaction above.
  test('made no request that would leave the machine', () => {
    expect(outgoing).toEqual([]);
  });

  test('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
