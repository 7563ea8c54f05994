// The reference docs without a browser: what the Redoc page is built from, the built page
// itself (telemetry off, nothing fetched from a CDN), and generated/ERRORS.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { docsInput, selfContained } from '../scripts/docs.js';
import { DOCS, REPO_ROOT } from '../scripts/lib/layout.js';
import { bundledDocument, readCatalog } from './helpers/contract.ts';

const catalog = readCatalog();
let input: any;
beforeAll(async () => {
  input = docsInput(await bundledDocument(), { schemaTag: 'Error schemas' });
});

describe('what Redoc renders', () => {
  test('opens on the intro and a table of every type with its status', () => {
    const description: string = input.info.description;
    expect(description).toContain('"type": "error type"');
    for (const t of catalog) expect(description).toContain(`| [${t.type}](#/${t.type}) | ${t.httpStatus} |`);
  });

  test('has one tag per type, in the order of the reference, grouped under Error codes', () => {
    const group = input['x-tagGroups'].find((g: any) => g.name === 'Error codes');
    expect(group.tags).toEqual(catalog.map((t) => t.type));
    expect(input['x-tagGroups'].flatMap((g: any) => g.tags)).toContain('Error schemas');
  });

  test.each(catalog.map((t) => [t.type, t] as const))('%s: a section per code, in order, with message and how to fix', (type, t) => {
    const description: string = input.tags.find((tag: any) => tag.name === type).description;
    const unescaped = description.replace(/\\(.)/g, '$1');
    const headings = [...description.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(t.codes.map((c) => c.code));
    for (const c of t.codes) {
      expect(description).toContain(`**Message:** \`${c.message}\``);
      if (c.howToFix) for (const line of c.howToFix.split('\n')) expect(unescaped).toContain(line);
    }
    expect(description).toContain(`Sent with **HTTP ${t.httpStatus}**`);
  });

  test('documents the standard responses and the request headers', () => {
    const responses = input.tags.find((tag: any) => tag.name === 'Standard responses').description;
    expect(responses).toMatch(/^## 400 BadRequest$/m);
    expect(responses).toMatch(/^## 500 InternalServerError$/m);
    for (const t of catalog) expect(responses).toContain(`"type": "${t.type}"`);
    const headers = input.tags.find((tag: any) => tag.name === 'Request headers').description;
    expect(headers).toMatch(/^Idempotency-Key: [0-9a-f-]{36}$/m);
    expect(headers).toMatch(/^x-on-behalf-of: \S+$/m);
  });

  test('the images Redoc would fetch from a CDN are inlined', () => {
    const html = '<img src="https://cdn.redoc.ly/redoc/logo-mini-full.svg"><script>x=`https://cdn.redoc.ly/redoc/logo-mini.svg`</script>';
    const out = selfContained(html);
    expect(out).not.toContain('https://');
    expect(out).toMatch(/^<img src="data:image\/svg\+xml,[^"`]+"><script>x=`data:image\/svg\+xml,[^"`]+`<\/script>$/);
  });
});

describe('the built page', () => {
  const html = () => {
    if (!existsSync(path.join(REPO_ROOT, DOCS))) throw new Error(`${DOCS} is missing: run \`npm run build\` before \`npm test\``);
    return readFileSync(path.join(REPO_ROOT, DOCS), 'utf8');
  };

  test('is built with telemetry off', () => {
    expect(html()).toContain('"disableTelemetry":true');
  });

  test('refers to no CDN image', () => {
    expect(html()).not.toMatch(/https:\/\/cdn\.redoc\.ly\/[^`"']+\.svg/);
  });

  test('carries the Redoc bundle inline: no external script or stylesheet', () => {
    expect(html()).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html()).not.toMatch(/<link[^>]+href=["']https?:/);
  });
});

describe('generated/ERRORS.md', () => {
  const markdown = readFileSync(path.join(REPO_ROOT, 'generated/ERRORS.md'), 'utf8');

  test.each(catalog.flatMap((t) => t.codes.map((c) => [`${t.type}.${c.code}`, c] as const)))('%s has its anchor and message', (anchor, c) => {
    expect(markdown).toContain(`<a id="${anchor}"></a>\`${c.code}\``);
    expect(markdown).toContain(`\`${c.message}\``);
  });

  test('every type has its anchor, in the order of the reference', () => {
    const anchors = [...markdown.matchAll(/^<a id="([a-z_]+)"><\/a>$/gm)].map((m) => m[1]);
    expect(anchors).toEqual(catalog.map((t) => t.type));
  });
});
