// The reference docs without a browser: what the Redoc page is built from, the built page
// itself (telemetry off, nothing fetched from a CDN, the page template), and generated/ERRORS.md.
// The catalog (the reference, transcribed) is the oracle.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { docsInput, selfContained, withScriptHashes } from '../../scripts/docs.js';
import { generateErrorsMarkdown } from '../../scripts/generate-errors-md.js';
import { componentRef } from '../../scripts/lib/docs-content.js';
import { DOCS, REPO_ROOT } from '../../scripts/lib/layout.js';
import { bundledDocument, readCatalog } from '../helpers/contract.ts';
import { copyProject } from '../helpers/project-copy.js';

const catalog = readCatalog();
let input: any;
beforeAll(async () => {
  input = docsInput(await bundledDocument(), { schemaTag: 'Error schemas' });
});

/** Markdown with its backslash escapes resolved: roughly what a reader sees. */
const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
const tag = (name: string, from: any = input): string => from.tags.find((t: any) => t.name === name).description;

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
    expect(description).not.toMatch(/\w\.\.(\s|$)/);
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
  // A line break used to end a message's code span: what followed rendered as Markdown.
  const lines = `FRAUD\n\n${hostile} now\n# plantedheading\n> quote\n- item\n1. one`;
  const image = '![logo](http://example.invalid/image.png)';
  const headerName = 'x-on-behalf-of<img src=http://example.invalid/h.png>';
  let planted: any;
  let errorsMd: string;
  beforeAll(async () => {
    const document = await bundledDocument();
    const code = document.components.schemas.PaymentError.properties.code;
    code['x-enumDescriptions'].expired_card = hostile;
    code['x-enumHowToFix'].expired_card = hostile;
    code['x-enumDescriptions'].fraud = lines;
    code['x-enumHowToFix'].fraud = lines;
    code.description = `property ${image}`;
    document.components.schemas.ApiError.description = `**Scope**\n\n- ${hostile}\n\n**Remarks**\n\n${lines}`;
    document.components.parameters.OnBehalfOf.name = headerName;
    document.components.parameters.OnBehalfOf.description += `\n\n${image}`;
    document.components.responses.BadRequest.description += `\n\n${image}`;
    document.components.examples.PaymentErrorExpiredCard.description = `example ${image}`;
    document.info.description += `\n\n${image}\n`;
    document.info['x-logo'] = { url: 'http://example.invalid/logo.png' };
    planted = docsInput(document, { schemaTag: 'Error schemas' });
    errorsMd = generateErrorsMarkdown(document)['generated/ERRORS.md'] ?? '';
  });

  /** Markdown as a renderer reads it, minus code blocks and code spans: what is left is read as Markdown. */
  const outsideCode = (markdown: string) => markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
  /** Every Markdown text the page renders. */
  const pageTexts = () => [
    planted.info.description,
    ...planted.tags.map((t: any) => t.description),
    planted.components.schemas.ApiError.description,
    planted.components.schemas.PaymentError.properties.code.description,
    ...Object.values<string>(planted.components.schemas.PaymentError.properties.code['x-enumDescriptions']),
    planted.components.parameters.OnBehalfOf.description,
    planted.components.responses.BadRequest.description,
    planted.components.examples.PaymentErrorExpiredCard.description,
  ];

  test.each<[string, () => string[]]>([
    ['the page', pageTexts],
    ['ERRORS.md', () => [errorsMd]],
  ])('%s: no HTML but <br>, no image, entity or Markdoc tag outside code', (_, texts) => {
    for (const text of texts()) {
      const rest = outsideCode(text).replace(/<br>|<a id="[a-z_.0-9A-Z]+"><\/a>|<!-- Generated[^\n]*-->/g, '');
      expect(rest).not.toMatch(/(?<!\\)(<|\{%|&lt;|!\[)/);
    }
  });

  test.each<[string, () => string]>([
    ['the page', () => tag('payment_error', planted)],
    ['ERRORS.md', () => errorsMd],
  ])('%s: a message with line breaks stays in its place, one line of Markdown, and starts no heading', (_, markdown) => {
    const text = markdown();
    expect(text).not.toMatch(/^#+ plantedheading/m);
    const spans = (pipe: string) => `\`FRAUD\`<br><br>\`\`<img src="http://example.invalid/x.png"> &lt;img {% debug %} *em* ~~s~~ ${pipe} \`t\` now\`\`<br>\`# plantedheading\`<br>\`> quote\`<br>\`- item\`<br>\`1. one\``;
    expect(text).toContain(`**Message** (the API sends it verbatim): ${spans('|')}\n`);
    // In the table of codes: the same spans, the pipe escaped, no literal <br> inside a span.
    expect(text).toContain(`| ${spans('\\|')} |`);
  });

  test('header names are text: in a heading on the page, in code in ERRORS.md', () => {
    expect(tag('Request headers', planted)).toMatch(/^## x-on-behalf-of\\<img src=http:\/\/example\.invalid\/h\.png>$/m);
    expect(errorsMd).toContain('| `x-on-behalf-of<img src=http://example.invalid/h.png>` | ');
    expect(errorsMd).toContain('`x-on-behalf-of<img src=http://example.invalid/h.png>`: An API spec uses it');
  });

  test('a logo that is not inline data is dropped; one that is stays', () => {
    expect(planted.info['x-logo']).toBeUndefined();
    const document = { ...structuredClone(planted), info: { ...planted.info, 'x-logo': { url: 'data:image/png;base64,AAAA' } } };
    expect(docsInput(document, { schemaTag: 'Error schemas' }).info['x-logo']).toEqual({ url: 'data:image/png;base64,AAAA' });
  });

  test('a description among values (a property named "description", an example value) is treated as what it is', () => {
    const document = structuredClone(planted);
    document.components.schemas.PaymentError.properties.description = { type: 'string', description: '<b>' };
    document.components.examples.PaymentErrorExpiredCard.value = { description: '<b>' };
    const input = docsInput(document, { schemaTag: 'Error schemas' });
    expect(input.components.schemas.PaymentError.properties.description.description).toBe('\\<b>');
    expect(input.components.examples.PaymentErrorExpiredCard.value).toEqual({ description: '<b>' });
  });
});

describe('a logo (x-logo)', () => {
  // The page loads nothing from outside: lint:redocly (run by the build) refuses a logo that is
  // not inline data, where it is written.
  test.each([
    ['from outside is refused, naming the file and line', 'http://example.invalid/logo.png', 1],
    ['as inline data is taken', 'data:image/png;base64,iVBORw0KGgo=', 0],
  ])('%s', async (_, url, exit) => {
    const copy = await copyProject();
    try {
      await copy.replace('openapi/openapi.yaml', /\n {2}summary: /, `\n  x-logo:\n    url: ${url}\n  summary: `);
      const run = await copy.run('lint-redocly');
      expect(run.code).toBe(exit);
      if (exit) expect(run.stdout + run.stderr).toMatch(/openapi\/openapi\.yaml:6:10 error redocly\/rule\/logo-inline: `x-logo` `url` must be a `data:image\/\.\.\.` URL/);
    } finally {
      await copy.remove();
    }
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

  test('has a Content-Security-Policy before anything else in <head>: nothing from outside, only its own scripts', () => {
    const page = html();
    const policy = /^<head>\s*<meta charset="utf8" \/>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/m.exec(page)?.[1] ?? '';
    expect(page.indexOf('<script')).toBeGreaterThan(page.indexOf(policy));
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
    expect(directives).toMatchObject({
      'default-src': ["'none'"],
      'style-src': ["'unsafe-inline'"],
      'img-src': ['data:'],
      'font-src': ['data:'],
      'form-action': ["'none'"],
      'base-uri': ["'none'"],
    });
    expect(Object.keys(directives).sort()).toEqual(['base-uri', 'default-src', 'font-src', 'form-action', 'img-src', 'script-src', 'style-src']);
    // Hashes only: no 'unsafe-inline', under which an onerror= attribute would run.
    expect(directives['script-src']).toHaveLength(2);
    for (const source of directives['script-src'] ?? []) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });
});

describe('withScriptHashes: the page\'s policy allows exactly its own inline scripts', () => {
  const template = (body: string) => `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'"></head><body>${body}</body>`;
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  test('one hash per script, as the HTML parser reads it: to the first </script, <script> inside it is text', () => {
    const out = withScriptHashes(template('<script>a()</script><script type="module">b("<script>")</script ><script>a()</script>'));
    expect(out).toContain(`script-src ${sha('a()')} ${sha('b("<script>")')}"`);
  });

  test('a page without scripts allows none', () => {
    expect(withScriptHashes(template('<p>x</p>'))).toContain(`script-src 'none'"`);
  });

  test.each([
    ['no policy', '<head></head><script>a()</script>', /no Content-Security-Policy/],
    ['a policy that already allows scripts', template('').replace("'none'\"", "'unsafe-inline'\""), /no Content-Security-Policy/],
    ['a script from a file', template('<script src="x.js"></script>'), /loads a script from a file/],
    ['a script before the policy', `<script>a()</script>${template('')}`, /before the Content-Security-Policy/],
  ])('refuses %s', (_, html, problem) => {
    expect(() => withScriptHashes(html)).toThrow(problem);
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

  test('scope and remarks read the same in the table and in the type\'s section, one period to a sentence', () => {
    for (const t of catalog) {
      const scope = t.scope.length ? t.scope.join('; ') : 'not stated in the reference';
      const remarks = t.remarks ?? 'none';
      const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);
      expect(markdown).toContain(`| [\`${t.type}\`](#${t.type}) | ${t.httpStatus} | ${scope} | ${remarks} |`);
      expect(markdown).toContain(`Sent with **HTTP ${t.httpStatus}**. Scope: ${sentence(scope)} Remarks: ${sentence(remarks)}\n`);
    }
    expect(catalog.some((t) => t.remarks?.endsWith('.'))).toBe(true);
    expect(markdown).not.toMatch(/\w\.\.(\s|$)/);
  });

  test('captions and codes read as written in the raw Markdown (no escaped underscores)', () => {
    expect(markdown).toContain('payment_error: expired_card:');
    expect(markdown).not.toMatch(/[a-z0-9]\\_[a-z0-9]/i);
  });
});
