// Benchmark: the reference page: its size, and how soon a reader sees it in headless Chromium
// (Debian's, as the browser test uses), opened from disk with every outside request refused:
// from load until the types table shows, and from loading a link to the last code of the
// reference until that code's section shows its message (Redoc renders sections as they are
// reached, so that is the code a reader waits longest for). Skipped without Chromium.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { readContract } from '../scripts/lib/contract-model.js';
import { DOCS, REPO_ROOT } from '../scripts/lib/layout.js';
import { median } from './stats.js';

const CHROMIUM = '/usr/bin/chromium';

/** @param {{ runs: number }} options */
export async function benchDocs({ runs }) {
  const page = path.join(REPO_ROOT, DOCS);
  const figures = [{ figure: 'Docs: size of the page (self-contained)', unit: 'KiB', ours: (await stat(page)).size / 1024, alternative: undefined, target: {} }];
  if (!existsSync(CHROMIUM)) {
    console.error(`bench: ${CHROMIUM} is missing; the docs load time is not measured`);
    return figures;
  }
  const { types } = readContract(JSON.parse(await readFile(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8')));
  const lastType = types.filter((t) => t.codes.length).at(-1);
  const last = lastType?.codes.at(-1);
  if (!lastType || !last) throw new Error('bench: the spec has no code');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    /** Milliseconds from navigation start until `shown` holds in the page. @param {string} hash @param {string} selector @param {string} text */
    const timeToShow = async (hash, selector, text) => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.route('**/*', (route) => (/^(file|data):/.test(route.request().url()) ? route.continue() : route.abort()));
      await tab.goto(pathToFileURL(page).href + hash, { waitUntil: 'commit' });
      // Runs in the page, where `document` is the page's (the scripts are checked without the DOM library).
      const handle = await tab.waitForFunction(
        ([css, want]) => (/** @type {any} */ (globalThis).document.querySelector(css)?.textContent ?? '').includes(want) && performance.now(),
        [selector, text],
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = Number(await handle.jsonValue());
      await context.close();
      return ms;
    };
    const measure = async (/** @type {() => Promise<number>} */ once) => {
      await once(); // the first load warms the browser up
      /** @type {number[]} */
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await once());
      return median(times);
    };
    const route = `/${lastType.type}/${last.code.toLowerCase()}`;
    figures.push(
      { figure: 'Docs: from load until the types table shows, headless Chromium', unit: 'ms', ours: await measure(() => timeToShow('', 'table', 'HTTP status')), alternative: undefined, target: {} },
      {
        figure: `Docs: from loading a link to the last code (#${route}) until its section shows its message`,
        unit: 'ms',
        ours: await measure(() => timeToShow(`#${route}`, `[data-section-id="${route}"]`, last.message)),
        alternative: undefined,
        target: {},
      },
    );
  } finally {
    await browser.close();
  }
  return figures;
}
