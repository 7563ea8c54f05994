// Step: render the reference with Redocly's build-docs (Redoc) into dist/docs/index.html.
//
// Redoc renders operations and schemas; this contract has neither operations nor a place for
// prose per code. So the page is built from a copy of the bundle arranged for reading: the intro
// and a table of the error types on the opening section, one tag per error type whose sections
// are its codes (so the page's search finds a code and links to it), tags for the standard
// responses and the request headers, and the schemas. All of it is derived from the bundle.
//
// The page is self-contained: the Redoc bundle inlined, telemetry off (neither the CLI nor the
// page calls home), and the one image Redoc loads from a CDN (its "API docs by" logo) inlined.
// It is rendered in a stage (lib/write-files.js) and renamed into place, so a failed or stopped
// render leaves the old page, and what a stopped one leaves is removed by the next command.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { bundleOrFail } from './bundle.js';
import { codeSpan, deprecationText, howToFixMarkdown, markdownText, readDocsContent, scopeText, tableCell } from './lib/docs-content.js';
import { DOCS, REDOCLY_CONFIG, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { createStage } from './lib/write-files.js';

const REDOCLY_CLI = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** Redoc's hash routes: #/<tag>, #/<tag>/<heading>, #/<schema tag>/<schema>. */
const slug = (/** @type {string} */ text) => text.toLowerCase().trim().replace(/\s+/g, '-');
const schemaLink = (/** @type {string} */ schemaTag, /** @type {string} */ name) => `[${name}](#/${slug(schemaTag)}/${name.toLowerCase()})`;

const RESPONSES_TAG = 'Standard responses';
const HEADERS_TAG = 'Request headers';

/** The images Redoc fetches from a CDN, and what the page shows instead. */
const CDN_IMAGES = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': inlineSvg('<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#4b5563">Redocly</text>', 48),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': inlineSvg('<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#4b5563">R</text>', 10),
};

/**
 * The document Redoc renders: the bundle with the reading order and prose laid over it.
 * @param {any} document the bundled document
 * @param {{ schemaTag: string }} options schemaTag: Redoc's schemaDefinitionsTagName
 */
export function docsInput(document, { schemaTag }) {
  const content = readDocsContent(document);
  const input = structuredClone(document);
  input.info.description = [
    content.intro,
    '# Error types',
    'Each type is sent with one HTTP status. Select a type for its codes, with the message the API sends and how to fix it.',
    '| Type | HTTP status | Scope | Remarks | Codes |\n| --- | --- | --- | --- | --- |\n' +
      content.types
        .map((t) => `| [${t.type}](#/${slug(t.type)}) | ${t.httpStatus} | ${tableCell(markdownText(t.scope.join('; ') || '-'))} | ${tableCell(markdownText(t.remarks ?? '-'))} | ${t.codes.length || 'none listed yet'} |`)
        .join('\n'),
  ].join('\n\n');

  const typeTags = content.types.map((t) => ({
    name: t.type,
    description: [
      `Sent with **HTTP ${t.httpStatus}**. Scope: ${markdownText(scopeText(t))}.${t.remarks ? ` Remarks: ${markdownText(t.remarks)}` : ''}`,
      `Schema: ${schemaLink(schemaTag, t.schema)}.`,
      t.codes.length
        ? `${t.codes.length} codes, in the order of the reference. The message is what the API sends, verbatim.\n\n` +
          '| Code | Message |\n| --- | --- |\n' +
          t.codes.map((c) => `| [${c.code}](#/${slug(t.type)}/${slug(c.code)})${c.deprecated ? ' (deprecated)' : ''} | ${tableCell(codeSpan(c.message))} |`).join('\n')
        : `The reference lists no codes for ${codeSpan(t.type)} yet: any code of the form ${codeSpan(t.codePattern ?? '')} may be sent, with a message that says what happened.`,
      ...t.codes.map((c) =>
        [
          `## ${c.code}`,
          ...(c.deprecated ? [`**Deprecated:** ${deprecationText(c.deprecated)}`] : []),
          `**Message:** ${codeSpan(c.message)}`,
          ...(c.howToFix ? [`**How to fix:**\n\n${howToFixMarkdown(c.howToFix)}`] : []),
        ].join('\n\n'),
      ),
    ].join('\n\n'),
    'x-traitTag': true,
  }));

  const responsesTag = {
    name: RESPONSES_TAG,
    description: [
      'The error responses every operation may return. API specs use them by `$ref`, e.g. `./node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/BadRequest` from a spec at the root of the project (`generated/openapi-3.0.yaml` for an OpenAPI 3.0 spec).',
      ...content.responses.map((r) =>
        [
          `## ${r.httpStatus} ${r.name}`,
          r.description,
          r.schema ? `Body: ${schemaLink(schemaTag, r.schema)}. Component: ${codeSpan(`#/components/responses/${r.name}`)}.` : '',
          ...r.examples.map((e) => `**${markdownText(e.summary)}**${e.description ? ` ${e.description}` : ''}\n\n\`\`\`json\n${JSON.stringify(e.value, null, 2)}\n\`\`\``),
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
      'The request headers the errors refer to. API specs use them by `$ref`, e.g. `./node_modules/payment-error-contract/generated/openapi.yaml#/components/parameters/IdempotencyKey`.',
      ...content.headers.map((h) =>
        [
          `## ${h.name}`,
          h.description,
          `| Required | Schema | Component |\n| --- | --- | --- |\n| ${h.required ? 'yes' : 'no'} | ${tableCell(h.format)} | ${codeSpan(`#/components/parameters/${h.component}`)} |`,
          `Example:\n\n\`\`\`http\n${h.name}: ${String(h.example)}\n\`\`\``,
        ].join('\n\n'),
      ),
    ].join('\n\n'),
    'x-traitTag': true,
  };

  input.tags = [responsesTag, headersTag, ...typeTags];
  input['x-tagGroups'] = [
    { name: 'Overview', tags: [RESPONSES_TAG, HEADERS_TAG] },
    { name: 'Error codes', tags: content.types.map((t) => t.type) },
    { name: 'Schemas', tags: [schemaTag] },
  ];
  return input;
}

/** Replaces what the page would fetch from a CDN by inline data. @param {string} html */
export function selfContained(html) {
  let out = html;
  for (const [url, data] of Object.entries(CDN_IMAGES)) out = out.split(url).join(data);
  return out;
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
  const discard = () => rm(work, { recursive: true, force: true });
  try {
    const input = path.join(work, 'openapi.json');
    await writeFile(input, JSON.stringify(docsInput(document, { schemaTag: String(options.schemaDefinitionsTagName ?? 'Schemas') })));
    const output = path.join(work, 'index.html');
    await run(process.execPath, [REDOCLY_CLI, 'build-docs', input, '--output', output, '--inlineBundle', '--config', configFile], signal);
    await writeFile(output, selfContained(await readFile(output, 'utf8')));
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
