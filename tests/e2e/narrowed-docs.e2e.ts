// A downstream API's reference page, rendered by Redoc (redocly build-docs) from a spec narrowed
// with `payment-errors narrow` (tests/fixtures/narrow/): each operation's error responses show
// exactly the types and codes it declares, with their messages, in a real browser.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { specFiles } from '../../bin/spec-files.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { runCli } from '../../src/cli/commands.ts';
import { errorCatalog } from '../../src/runtime/index.ts';
import { downstreamProject, type Project } from '../helpers/lint.ts';
import { launchChromium } from '../helpers/browser.ts';

const REDOCLY_CLI = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

let project: Project;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  project = await downstreamProject();
  const spec = await project.write('openapi.yaml', await readFile(path.join(REPO_ROOT, 'tests/fixtures/narrow/openapi.yaml'), 'utf8'));
  const narrowed = path.join(project.dir, 'narrowed.yaml');
  const io = { stdout: () => {}, stderr: () => {}, readInput: () => Promise.reject(new Error('no input')), specs: specFiles() };
  expect(await runCli(['narrow', spec, '-o', narrowed], io)).toBe(0);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [REDOCLY_CLI, 'build-docs', narrowed, '--output', path.join(project.dir, 'page.html'), '--inlineBundle'], {
      cwd: project.dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build-docs exited ${code}`))));
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A plain build-docs page fetches Redocly's logo from a CDN: nothing leaves the machine in a test.
  await page.route('**/*', (route) => (/^(file|data):/.test(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(path.join(project.dir, 'page.html')).href);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await project?.remove();
});

/** Codes with the catalog's message of each, as the page's enum table shows them. */
function withMessages(type: string, codes: string[]): string[][] {
  return codes.map((code) => [code, errorCatalog.find((e) => e.type === type && e.code === code)?.message ?? '']);
}

/** The codes of one error type in the operation's response for a status, as the page shows them (code and message). */
async function codesShown(operation: string, status: string, type: string): Promise<{ types: string[]; codes: string[][] }> {
  await page.evaluate((hash) => ((globalThis as any).location.hash = hash), `#/other/${operation}`);
  const section = page.locator(`[data-section-id="/other/${operation}"]`).first();
  await section.waitFor();
  await section.getByRole('button', { name: status }).first().click();
  // The discriminator: one button per type the body may carry.
  const selector = section.locator('button').filter({ hasText: /_error$/ });
  await expect.poll(() => selector.count()).toBeGreaterThan(0);
  const types = await selector.allInnerTexts();
  await selector.filter({ hasText: new RegExp(`^${type}$`) }).first().click();
  const table = section.getByRole('table').filter({ hasText: 'Enum Value' }).first();
  // The table shows the chosen type's codes once the page has switched to it.
  const ofType: ReadonlySet<string> = new Set(errorCatalog.filter((e) => e.type === type).map((e) => e.code));
  await expect.poll(async () => ofType.has((await table.locator('tbody tr td').first().innerText().catch(() => '')).trim())).toBe(true);
  const codes = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td as any).innerText.trim())));
  return { types, codes };
}

test('POST /payments: its 400 carries the declared types only, and payment_error exactly the declared codes with their messages', async () => {
  expect(await codesShown('createpayment', '400', 'payment_error')).toEqual({
    types: ['invalid_request_error', 'payment_error'],
    codes: withMessages('payment_error', ['expired_card', 'not_enough_balance', '3DS_required']),
  });
});


test('POST /refunds: its default response carries every type it declares, and idempotence_error the two codes it lists', async () => {
  const shown = await codesShown('createrefund', 'default', 'idempotence_error');
  expect(shown.types).toEqual(['idempotence_error', 'api_error', 'refund_error']);
  expect(shown.codes).toEqual(withMessages('idempotence_error', ['request_being_processed', 'invalid_key_format']));
});
