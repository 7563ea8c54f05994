// Step: render the reference with Redocly's build-docs (Redoc) into dist/docs/index.html.
//
// Redoc renders operations and schemas; this contract has neither operations nor a place for
// prose per code. So the page is built from a copy of the bundle arranged for reading: the intro
// and a table of the error types on the opening section, one tag per error type whose sections
// are its codes (so the page's search finds a code and links to it), tags for the standard
// responses and the request headers, and the schemas. All of it is derived from the bundle, and
// every text of it is shown as text, never as live HTML (lib/docs-content.js).
//
// The page is self-contained: the Redoc bundle inlined, telemetry off (neither the CLI nor the
// page calls home), and the one image Redoc loads from a CDN (its "API docs by" logo) inlined.
// Its look on small screens comes from the page template (scripts/docs-page.hbs, named in
// redocly.yaml). It is rendered in a stage (lib/write-files.js) and renamed into place, so a
// failed or stopped render leaves the old page, and what a stopped one leaves is removed by the
// next command.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { bundleOrFail } from './bundle.js';
import {
  authoredMarkdown,
  codeBlock,
  codeSection,
  codeSpan,
  codesText,
  markdownText,
  howToFixMarkdown,
  readDocsContent,
  refAdvice,
  remarksText,
  scopeText,
  tableCell,
  typeDescription,
  typeSentences,
} from './lib/docs-content.js';
import { DOCS, REDOCLY_CONFIG, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { createStage, removeStage } from './lib/write-files.js';

const REDOCLY_CLI = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** Redoc's hash routes: #/<tag>, #/<tag>/<heading>, #/<schema tag>/<schema>. */
const slug = (/** @type {string} */ text) => text.toLowerCase().trim().replace(/\s+/g, '-');
const schemaLink = (/** @type {string} */ schemaTag, /** @type {string} */ name) => `[${name}](#/${slug(schemaTag)}/${name.toLowerCase()})`;

const RESPONSES_TAG = 'Standard responses';
const HEADERS_TAG = 'Request headers';
/** The sidebar group of the two: components API specs use, not an overview of the page. */
const COMPONENTS_GROUP = 'Responses and headers';

/** The images Redoc fetches from a CDN, and what the page shows instead. */
const CDN_IMAGES = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': inlineSvg('<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#4b5563">Redocly</text>', 48),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': inlineSvg('<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#4b5563">R</text>', 10),
};

/**
 * The document Redoc renders: the bundle with the reading order and prose laid over it, and
 * every text of it made safe to render (the schemas' texts included).
 * @param {any} document the bundled document
 * @param {{ schemaTag: string }} options schemaTag: Redoc's schemaDefinitionsTagName
 */
export function docsInput(document, { schemaTag }) {
  const content = readDocsContent(document);
  const input = structuredClone(document);
  const intro = [
    authoredMarkdown(content.intro, 'page'),
    '**Have an error in hand?** Search this page (Ctrl+K) for its `code` or for words of its message: each code has a section with its type, HTTP status, message, how to fix it and a correct body. The search matches the start of words and forgives no typo; `npx payment-errors explain <code>` suggests the nearest code, and `payment-errors check` checks a whole response.',
    '# Error types',
    'Each type is sent with one HTTP status. Select a type for its codes, with the message the API sends and how to fix it.',
    '| Type | HTTP status | Scope | Remarks | Codes |\n| --- | --- | --- | --- | --- |\n' +
      content.types
        .map((t) => `| [${t.type}](#/${slug(t.type)}) | ${t.httpStatus} | ${tableCell(scopeText(t))} | ${tableCell(remarksText(t))} | ${t.codes.length || 'none listed yet'} |`)
        .join('\n'),
  ].join('\n\n');

  const typeTags = content.types.map((t) => ({
    name: t.type,
    description: [
      typeSentences(t),
      `Schema: ${schemaLink(schemaTag, t.schema)}.`,
      codesText(t),
      ...(t.codes.length
        ? [
            'The message is what the API sends, verbatim.\n\n' +
              '| Code | Message | How to fix |\n| --- | --- | --- |\n' +
              t.codes
                .map((c) => `| [${c.code}](#/${slug(t.type)}/${slug(c.code)})${c.deprecated ? ' (deprecated)' : ''} | ${tableCell(codeSpan(c.message))} | ${c.howToFix ? tableCell(howToFixMarkdown(c.howToFix)) : '–'} |`)
                .join('\n'),
          ]
        : []),
      ...t.codes.map((c) => codeSection(t, c, { heading: `## ${c.code}`, typeLink: `#/${slug(t.type)}`, flavor: 'page' })),
    ].join('\n\n'),
    'x-traitTag': true,
  }));

  const responsesTag = {
    name: RESPONSES_TAG,
    description: [
      'The error responses every operation may return.',
      ...content.responses.map((r) =>
        [
          `## ${r.httpStatus} ${r.name}`,
          authoredMarkdown(r.description, 'page'),
          r.schema ? `Body: ${schemaLink(schemaTag, r.schema)}. ${refAdvice('responses', r.name)}` : '',
          ...r.examples.map((e) => `**${markdownText(e.summary)}**${e.description ? ` ${authoredMarkdown(e.description, 'page')}` : ''}\n\n${codeBlock(JSON.stringify(e.value, null, 2), 'json', 'page')}`),
        ]
          .filter(Boolean)
          .join('\n\n'),
      ),
    ].join('\n\n'),
    'x-traitTag': true,
  };

  const headersTag = {
    name: HEADERS_TAG,
    description: [
      'The request headers the errors refer to.',
      ...content.headers.map((h) =>
        [
          `## ${markdownText(h.name)}`,
          authoredMarkdown(h.description, 'page'),
          `**Required:** ${h.required ? 'yes' : 'no'}. **Schema:** ${h.format}.`,
          refAdvice('parameters', h.component),
          `Example:\n\n${codeBlock(`${h.name}: ${String(h.example)}`, 'http', 'page')}`,
        ].join('\n\n'),
      ),
    ].join('\n\n'),
    'x-traitTag': true,
  };

  asText(input);
  typeDescriptions(input.components?.schemas ?? {}, content.types);
  input.info.description = intro;
  input.tags = [responsesTag, headersTag, ...typeTags];
  input['x-tagGroups'] = [
    { name: COMPONENTS_GROUP, tags: [RESPONSES_TAG, HEADERS_TAG] },
    { name: 'Error codes', tags: content.types.map((t) => t.type) },
    { name: 'Schemas', tags: [schemaTag] },
  ];
  return input;
}

/**
 * Makes every text of the document safe to render, in place: descriptions (of the info, the
 * schemas and their properties, responses, parameters, examples, ...) keep their Markdown without
 * live HTML or images, the messages of x-enumDescriptions (Redoc renders them as Markdown with HTML
 * allowed) become text, and a logo (x-logo) that is not inline data is dropped: the page loads
 * nothing from outside (the lint of the build refuses such a logo, naming where it is).
 * @param {unknown} node @param {boolean} [names] whether node maps names to objects
 */
function asText(node, names = false) {
  if (Array.isArray(node)) return node.forEach((item) => asText(item));
  if (typeof node !== 'object' || node === null) return;
  const object = /** @type {Record<string, unknown>} */ (node);
  for (const [key, value] of Object.entries(object)) {
    // In a map of names (properties, components, ...) a key is a name: `description`, `value` and
    // `example` are properties like any other.
    if (names) asText(value);
    else if (key === 'description' && typeof value === 'string') object[key] = authoredMarkdown(value, 'page');
    else if (key === 'x-enumDescriptions' && typeof value === 'object' && value !== null) {
      object[key] = Object.fromEntries(Object.entries(value).map(([code, text]) => [code, typeof text === 'string' ? markdownText(text) : text]));
    } else if (key === 'x-logo' && !isInlineImage(/** @type {any} */ (value)?.url)) delete object[key];
    else if (VALUES.has(key) || (key === 'examples' && Array.isArray(value))) continue;
    else asText(value, NAME_MAPS.has(key));
  }
}

/** Keys whose value is a value (of a schema, an example), shown as JSON: never Markdown. */
const VALUES = new Set(['const', 'enum', 'default', 'example', 'value']);
/** Keys whose value maps names to objects. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'responses', 'parameters', 'headers', 'requestBodies', 'securitySchemes', 'links', 'callbacks', 'pathItems', 'paths', 'webhooks', 'content', 'encoding', 'examples']);

/** An image the page can show without loading it: a data: URL. @param {unknown} url */
function isInlineImage(url) {
  return typeof url === 'string' && /^data:image\//i.test(url.trim());
}

/**
 * An error type's schema description, rebuilt from the reference's scope and remarks as text.
 * @param {Record<string, any>} schemas @param {import('./lib/contract-model.js').ErrorTypeModel[]} types
 */
function typeDescriptions(schemas, types) {
  for (const type of types) {
    const schema = schemas[type.schema];
    if (schema && typeof schema === 'object') schema.description = typeDescription(type);
  }
}

/** Replaces what the page would fetch from a CDN by inline data. @param {string} html */
export function selfContained(html) {
  let out = html;
  for (const [url, data] of Object.entries(CDN_IMAGES)) out = out.split(url).join(data);
  return out;
}

/** What the page template's Content-Security-Policy allows of scripts until the page's own are known. */
const NO_SCRIPTS = "script-src 'none'";

/**
 * The page with its Content-Security-Policy (scripts/docs-page.hbs) allowing exactly its own
 * inline scripts, by their SHA-256: Redoc's bundle and its color-mode snippet run, and nothing
 * else does, not even an event handler attribute or a javascript: link that got into the page.
 * The template says `script-src 'none'`, so a page that missed this step shows nothing rather than
 * running more than it should.
 * @param {string} html
 */
export function withScriptHashes(html) {
  const policy = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/.exec(html);
  if (!policy || policy[0].split(NO_SCRIPTS).length !== 2) throw new Error(`the page template has no Content-Security-Policy <meta> with ${NO_SCRIPTS}`);
  const hashes = [];
  // As the HTML parser reads a script: its text runs to the first `</script` (the bundle escapes
  // that sequence in its strings); a <script> inside it is text.
  const open = /<script\b([^>]*)>/gi;
  for (let at = 0; ; ) {
    open.lastIndex = at;
    const tag = open.exec(html);
    if (!tag) break;
    if (/\ssrc\s*=/i.test(tag[1] ?? '')) throw new Error(`the page loads a script from a file: ${tag[0]}`);
    const start = tag.index + tag[0].length;
    const length = html.slice(start).search(/<\/script[\s/>]/i);
    const end = length < 0 ? html.length : start + length;
    if (tag.index > policy.index) hashes.push(`'sha256-${createHash('sha256').update(html.slice(start, end).replace(/\r\n?/g, '\n')).digest('base64')}'`);
    else throw new Error('a script comes before the Content-Security-Policy <meta> of the page template');
    at = end;
  }
  const allowed = `script-src ${[...new Set(hashes)].join(' ') || "'none'"}`;
  return html.slice(0, policy.index) + policy[0].replace(NO_SCRIPTS, allowed) + html.slice(policy.index + policy[0].length);
}

/**
 * Renders the page next to its target. Resolves to `publish` (renames it into place) and
 * `discard`, so that the build publishes it only when every other step succeeded too.
 * @param {string} root
 * @param {unknown} document the bundled document
 * @param {{ signal?: AbortSignal }} [options] aborting stops the render
 * @returns {Promise<{ publish: () => Promise<string>, discard: () => Promise<void> }>}
 */
export async function renderDocs(root, document, { signal } = {}) {
  const configFile = path.join(root, REDOCLY_CONFIG);
  const options = parse(await readFile(configFile, 'utf8'))?.openapi ?? {};
  const target = path.join(root, DOCS);
  const work = await createStage(root);
  const discard = () => removeStage(work);
  try {
    const input = path.join(work, 'openapi.json');
    await writeFile(input, JSON.stringify(docsInput(document, { schemaTag: String(options.schemaDefinitionsTagName ?? 'Schemas') })));
    const output = path.join(work, 'index.html');
    await run(process.execPath, [REDOCLY_CLI, 'build-docs', input, '--output', output, '--inlineBundle', '--config', configFile], signal);
    await writeFile(output, withScriptHashes(selfContained(await readFile(output, 'utf8'))));
    return {
      publish: async () => {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(output, target);
        await discard();
        return `docs: wrote ${DOCS}`;
      },
      discard,
    };
  } catch (error) {
    await discard();
    throw error;
  }
}

/** Renders and publishes the page. @param {string} root @param {unknown} document the bundled document */
export async function buildDocs(root, document) {
  return (await renderDocs(root, document)).publish();
}

/** @param {string} body SVG content @param {number} width */
function inlineSvg(body, width) {
  return `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14">${body}</svg>`)}`;
}

/**
 * Runs a command with telemetry and update checks off; fails with its output.
 * @param {string} command @param {string[]} args @param {AbortSignal} [signal]
 */
function run(command, args, signal) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`redocly build-docs failed (exit ${code}):\n${output}`))));
  });
}

if (isMain(import.meta)) {
  await runMain(async () => {
    const root = rootFromArgv();
    return buildDocs(root, await bundleOrFail(root));
  });
}
