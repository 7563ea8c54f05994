// The reference docs without a browser: what the Redoc page is built from, the built page
// itself (telemetry off, nothing fetched from a CDN, the page template), and generated/ERRORS.md.
// The catalog (the reference, transcribed) is the oracle.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { docsInput, selfContained } from '../scripts/docs.js';
import { componentRef } from '../scripts/lib/docs-content.js';
import { DOCS, REPO_ROOT } from '../scripts/lib/layout.js';
import { bundledDocument, readCatalog } from './helpers/contract.ts';

const catalog = readCatalog();
let input: any;
beforeAll(async () => {
  input = docsInput(await bundledDocument(), { schemaTag: 'Error schemas' });
});

/** Markdown with its backslash escapes resolved: roughly what a reader sees. */
const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
const tag = (name: string): string => input.tags.find((t: any) => t.name === name).description;

describe('what Redoc renders', () => {
  test('opens on the intro and a table of every type with its status, scope and remarks', () => {
    const description: string = input.info.description;
    expect(description).toContain('"type": "error type"');
    for (const t of catalog) {
      const scope = t.scope.length ? t.scope.join('; ') : 'not stated in the reference';
      expect(unescape(description)).toContain(`| [${t.type}](#/${t.type}) | ${t.httpStatus} | ${scope} | ${t.remarks ?? 'none'} |`);
    }
  });

  test('has one tag per type, in the order of the reference, grouped under Error codes; no group reads as an overview', () => {
    const groups = input['x-tagGroups'];
    expect(groups.find((g: any) => g.name === 'Error codes').tags).toEqual(catalog.map((t) => t.type));
    expect(groups.map((g: any) => g.name)).toEqual(['Responses and headers', 'Error codes', 'Schemas']);
    expect(groups.flatMap((g: any) => g.tags)).toContain('Error schemas');
  });

  test.each(catalog.map((t) => [t.type, t] as const))('%s: a table of its codes with how to fix, then a section per code, in order', (type, t) => {
    const description = tag(type);
    expect(description).toContain(`Sent with **HTTP ${t.httpStatus}**`);
    const headings = [...description.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(t.codes.map((c) => c.code));
    if (t.codes.length) expect(description).toContain('| Code | Message | How to fix |');
    for (const c of t.codes) {
      expect(description).toMatch(new RegExp(`^\\| \\[${c.code}\\]\\(#/${type}/${c.code.toLowerCase()}\\) \\| \`${c.message}\` \\| `, 'm'));
    }
  });

  test.each(catalog.flatMap((t) => t.codes.map((c) => [`${t.type}.${c.code}`, t, c] as const)))(
    '%s: its section has type, status, message, how to fix (or that there is none) and an example body',
    (_, t, c) => {
      const section = tag(t.type).split(/^## /m).find((s) => s.startsWith(`${c.code}\n`)) ?? '';
      expect(section).toContain(`**Type:** [\`${t.type}\`](#/${t.type}) · **HTTP status:** ${t.httpStatus}`);
      expect(section).toContain(`**Message** (the API sends it verbatim): \`${c.message}\``);
      if (c.howToFix) for (const line of c.howToFix.split('\n')) expect(unescape(section)).toContain(line);
      else expect(section).toContain('**How to fix:** the reference gives no advice for this code.');
      const example = /```json \{% process=false %\}\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
      expect(JSON.parse(example)).toEqual({ type: t.type, code: c.code, message: c.message });
    },
  );

  test('documents the standard responses and the request headers, with the $ref that resolves from an API spec', () => {
    const responses = tag('Standard responses');
    expect(responses).toMatch(/^## 400 BadRequest$/m);
    expect(responses).toMatch(/^## 500 InternalServerError$/m);
    for (const t of catalog) expect(responses).toContain(`"type": "${t.type}"`);
    expect(responses).toContain(`\`${componentRef('responses', 'BadRequest')}\``);
    expect(responses).toContain(`\`${componentRef('responses', 'BadRequest', '3.0')}\``);
    expect(responses).not.toContain('payment-error-contract/openapi.yaml#');
    const headers = tag('Request headers');
    expect(headers).toMatch(/^Idempotency-Key: [0-9a-f-]{36}$/m);
    expect(headers).toMatch(/^x-on-behalf-of: \S+$/m);
    expect(headers).toContain(`\`${componentRef('parameters', 'IdempotencyKey')}\``);
  });

  test('schema pages: a type\'s description is its scope and remarks as text, its messages are text', () => {
    const schemas = input.components.schemas;
    expect(schemas.AccountError.description).toBe('**Scope**\n\n- house account\n- sub account\n- account product (metadata, restrict, auth trade)');
    expect(schemas.ApiError.description).toBe('**Scope**\n\n- any internal unexpected error\n\n**Remarks**\n\nContact technical support.');
    expect(schemas.PaymentError.properties.code['x-enumDescriptions'].expired_card).toBe('Expired card');
  });

  test('the images Redoc would fetch from a CDN are inlined', () => {
    const html = '<img src="https://cdn.redoc.ly/redoc/logo-mini-full.svg"><script>x=`https://cdn.redoc.ly/redoc/logo-mini.svg`</script>';
    const out = selfContained(html);
    expect(out).not.toContain('https://');
    expect(out).toMatch(/^<img src="data:image\/svg\+xml,[^"`]+"><script>x=`data:image\/svg\+xml,[^"`]+`<\/script>$/);
  });
});

describe('what a hostile text becomes', () => {
  const hostile = '<img src="http://example.invalid/x.png"> &lt;img {% debug %} *em* ~~s~~ | `t`';
  let planted: any;
  beforeAll(async () => {
    const document = await bundledDocument();
    const code = document.components.schemas.PaymentError.properties.code;
    code['x-enumDescriptions'].expired_card = hostile;
    code['x-enumHowToFix'].expired_card = hostile;
    document.components.schemas.ApiError.description = `**Scope**\n\n- ${hostile}\n\n**Remarks**\n\n${hostile}`;
    planted = docsInput(document, { schemaTag: 'Error schemas' });
  });

  test('no raw < or {% is left outside code in any description or message Redoc renders as Markdown', () => {
    const texts = [
      planted.info.description,
      ...planted.tags.map((t: any) => t.description),
      planted.components.schemas.ApiError.description,
      ...Object.values<string>(planted.components.schemas.PaymentError.properties.code['x-enumDescriptions']),
    ];
    const outsideCode = (markdown: string) => markdown.replace(/```[^\n]*\n[\s\S]*?\n```/g, '').replace(/(`+)[\s\S]*?\1/g, '');
    for (const text of texts) expect(outsideCode(text)).not.toMatch(/(?<!\\)(<img|\{%|&lt;)/);
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

  test('is rendered with the page template (scripts/docs-page.hbs)', () => {
    expect(html()).toContain('<header class="page-bar">Payment API error contract</header>');
  });
});

describe('generated/ERRORS.md', () => {
  const markdown = readFileSync(path.join(REPO_ROOT, 'generated/ERRORS.md'), 'utf8');

  test.each(catalog.flatMap((t) => t.codes.map((c) => [`${t.type}.${c.code}`, t, c] as const)))('%s: its anchor and the section the page has', (anchor, t, c) => {
    const section = markdown.split(`<a id="${anchor}"></a>\n\n`)[1]?.split(/\n<a id=|\n## /)[0] ?? '';
    expect(section).toMatch(new RegExp(`^### ${c.code}\n`));
    expect(section).toContain(`**Type:** [\`${t.type}\`](#${t.type}) · **HTTP status:** ${t.httpStatus}`);
    expect(section).toContain(`**Message** (the API sends it verbatim): \`${c.message}\``);
    expect(section).toContain(c.howToFix ? '**How to fix:**\n\n' : '**How to fix:** the reference gives no advice for this code.');
    expect(JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '')).toEqual({ type: t.type, code: c.code, message: c.message });
    expect(markdown).toContain(`| [\`${c.code}\`](#${anchor}) | \`${c.message}\` | `);
  });

  test('every type has its anchor, in the order of the reference', () => {
    const anchors = [...markdown.matchAll(/^<a id="([a-z_]+)"><\/a>$/gm)].map((m) => m[1]);
    expect(anchors).toEqual(catalog.map((t) => t.type));
  });

  test('scope and remarks read the same in the table and in the type\'s section', () => {
    for (const t of catalog) {
      const scope = t.scope.length ? t.scope.join('; ') : 'not stated in the reference';
      const remarks = t.remarks ?? 'none';
      expect(markdown).toContain(`| [\`${t.type}\`](#${t.type}) | ${t.httpStatus} | ${scope} | ${remarks} |`);
      expect(markdown).toContain(`Sent with **HTTP ${t.httpStatus}**. Scope: ${scope}. Remarks: ${remarks}.`);
    }
  });

  test('captions and codes read as written in the raw Markdown (no escaped underscores)', () => {
    expect(markdown).toContain('payment_error: expired_card:');
    expect(markdown).not.toMatch(/[a-z0-9]\\_[a-z0-9]/i);
  });
});
