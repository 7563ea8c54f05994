// The reference page in headless Chromium (Debian's, driven by playwright-core), for the browser
// tests: every request that would leave the page is recorded and refused, console errors are
// recorded, and sections and search are reached the way a reader reaches them.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';

export interface Viewport {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

/** A laptop and a phone. */
export const VIEWPORTS: readonly Viewport[] = [
  { name: 'laptop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface DocsPage {
  readonly page: Page;
  /** Every URL the page asked for that is neither the file itself nor inline data. */
  readonly outgoing: string[];
  readonly consoleErrors: string[];
  readonly viewport: Viewport;
}

/** Opens a page file and waits for Redoc to render its opening section. */
export async function openDocs(browser: Browser, file: string, viewport: Viewport): Promise<DocsPage> {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
  const outgoing: string[] = [];
  const consoleErrors: string[] = [];
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
  // A clock the tests can move: time runs as usual, and search() skips the search's debounce.
  await page.clock.install();
  await page.clock.resume();
  await page.goto(pathToFileURL(file).href);
  await page.getByRole('heading', { name: 'Error types' }).waitFor();
  return { page, outgoing, consoleErrors, viewport };
}

/**
 * Goes to a route of the page (/payment_error/expired_card) and resolves to the text of its
 * section once Redoc has rendered it (Redoc renders the sections near the viewport only).
 */
export async function openSection(page: Page, route: string, expected: string): Promise<string> {
  // Runs in the page; the tests are compiled without the DOM library.
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#${route}`);
  const section = sectionAt(page, route);
  // The text that showed `expected`: Redoc may re-render the section right after.
  let text = '';
  await expect.poll(async () => (text = await section.innerText().catch(() => '')), { timeout: 10_000 }).toContain(expected);
  return text;
}

export function sectionAt(page: Page, route: string) {
  // Routes come from headings, whose words may be anything (a planted `"` included).
  return page.locator(`[data-section-id="${route.replace(/["\\]/g, '\\$&')}"]`).first();
}

/** Opens the search dialog (on a phone, from the menu). */
export async function openSearch(page: Page): Promise<void> {
  const trigger = page.getByTestId('search-trigger');
  if (!(await trigger.isVisible())) await page.getByTestId('floating-button').click();
  await trigger.click();
  await page.getByPlaceholder('Search docs...').waitFor();
}

/** Closes the search dialog, and the menu it was opened from. */
export async function closeSearch(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const button = page.getByTestId('floating-button');
  if ((await page.locator('.menu-content').isVisible()) && (await button.isVisible())) await button.click();
}

const SEARCH_DEBOUNCE_MS = 500;

/**
 * Searches and resolves to the routes of the hits, in order (`/payment_error/expired_card`),
 * once they show every hit expected.
 */
export async function search(page: Page, query: string, expected: (routes: string[]) => boolean = (routes) => routes.length > 0): Promise<string[]> {
  await page.getByPlaceholder('Search docs...').fill(query);
  // Redoc searches 500 ms after the last keystroke (and shows only the hits of what the box holds).
  await page.clock.fastForward(SEARCH_DEBOUNCE_MS);
  const hits = page.getByTestId('search-dialog').locator('a[data-component-name="Search/SearchItem"]');
  const routes = async () => (await hits.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((href) => href.split('#')[1] ?? '');
  let last: string[] = [];
  await expect
    .poll(
      async () => {
        last = await routes();
        return expected(last);
      },
      { timeout: 5_000 },
    )
    .toBe(true)
    .catch(() => {});
  return last;
}
