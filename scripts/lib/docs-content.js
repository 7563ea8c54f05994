// What the reference docs say, read out of the bundled document once for both renderings: the
// Redoc page (docs.js) and generated/ERRORS.md (generate-errors-md.js). Nothing here is typed
// by hand: types, codes, statuses, headers and examples all come from the document.
//
// Every text from the document is written into Markdown as text: a message or how-to-fix with
// `<img src=...>`, `&lt;` or a Markdoc tag `{% ... %}` shows exactly those characters, on the
// page (Redoc renders Markdown with HTML allowed, and Markdoc tags even inside code blocks) and
// in ERRORS.md.
import { readContract } from './contract-model.js';

/**
 * @typedef {object} ResponseDoc
 * @property {string} name component name, e.g. BadRequest
 * @property {number} httpStatus
 * @property {string} description
 * @property {string | undefined} schema the schema component of its body
 * @property {Array<{ summary: string, description?: string, value: unknown }>} examples
 *
 * @typedef {object} HeaderDoc
 * @property {string} component e.g. IdempotencyKey
 * @property {string} name the header, e.g. Idempotency-Key
 * @property {boolean} required
 * @property {string} description
 * @property {string} format Markdown, e.g. "string, format `uuid`, pattern `...`"
 * @property {unknown} example
 *
 * @typedef {object} DocsContent
 * @property {string} title
 * @property {string} version
 * @property {string} intro info.description
 * @property {import('./contract-model.js').ErrorTypeModel[]} types
 * @property {ResponseDoc[]} responses
 * @property {HeaderDoc[]} headers
 *
 * @typedef {'page' | 'github'} Flavor where the Markdown is rendered: Redoc's Markdoc, or GitHub
 */

/** The package API specs install, and the files of its bundle they `$ref`. */
const PACKAGE = 'payment-error-contract';
const BUNDLE_31 = 'generated/openapi.yaml';
const BUNDLE_30 = 'generated/openapi-3.0.yaml';

/**
 * The `$ref` an API spec at the root of a project that installed this package writes to use a
 * shared component: it resolves as a relative file, through node_modules.
 * @param {'responses' | 'parameters' | 'schemas'} kind @param {string} name @param {'3.1' | '3.0'} [version]
 */
export function componentRef(kind, name, version = '3.1') {
  return `./node_modules/${PACKAGE}/${version === '3.0' ? BUNDLE_30 : BUNDLE_31}#/components/${kind}/${name}`;
}

/** How an API spec uses a shared component, as Markdown. @param {'responses' | 'parameters' | 'schemas'} kind @param {string} name */
export function refAdvice(kind, name) {
  return `An API spec uses it by \`$ref\`: ${codeSpan(componentRef(kind, name))} (an OpenAPI 3.0 spec: ${codeSpan(componentRef(kind, name, '3.0'))}).`;
}

/** @param {any} document the bundled document @returns {DocsContent} */
export function readDocsContent(document) {
  const contract = readContract(document);
  const components = document.components ?? {};
  return {
    title: String(document.info?.title ?? ''),
    version: contract.version,
    intro: String(document.info?.description ?? '').trim(),
    types: contract.types,
    responses: contract.responses.map(({ name, httpStatus }) => {
      const response = components.responses[name];
      const media = response.content?.['application/json'] ?? {};
      return {
        name,
        httpStatus,
        description: String(response.description ?? ''),
        schema: refName(media.schema?.$ref),
        examples: Object.values(media.examples ?? {}).map((/** @type {any} */ e) => {
          const example = components.examples?.[refName(e.$ref) ?? ''] ?? e;
          return { summary: String(example.summary ?? ''), ...(example.description ? { description: String(example.description) } : {}), value: example.value };
        }),
      };
    }),
    headers: Object.entries(components.parameters ?? {})
      .filter(([, p]) => /** @type {any} */ (p).in === 'header')
      .map(([component, /** @type {any} */ p]) => ({
        component,
        name: String(p.name),
        required: p.required === true,
        description: String(p.description ?? ''),
        format: [
          p.schema?.type && markdownText(String(p.schema.type)),
          p.schema?.format && `format ${codeSpan(String(p.schema.format))}`,
          p.schema?.pattern && `pattern ${codeSpan(String(p.schema.pattern))}`,
          p.schema?.minLength && `at least ${Number(p.schema.minLength)} character${p.schema.minLength === 1 ? '' : 's'}`,
        ]
          .filter(Boolean)
          .join(', '),
        example: p.example,
      })),
  };
}

/** @param {unknown} ref */
function refName(ref) {
  return typeof ref === 'string' ? ref.split('/').pop() : undefined;
}

// --- text into Markdown ------------------------------------------------------------------------
//
// A text from the document may have line breaks. Markdown reads a blank line, or a line starting
// `#`, `>`, `-` or `1.`, as the start of a new block, and a code span cannot hold one: so every
// text is written on one Markdown line, each of its line breaks an HTML `<br>` that we write (the
// only HTML in what we generate; Redoc and GitHub both render it).

/** What ends a line in Markdown. */
const LINE_BREAK = /\r\n|\r|\n/;
const BREAK = '<br>';

/** The lines of a text. @param {string} text */
function linesOf(text) {
  return text.split(LINE_BREAK);
}

/**
 * What Markdown would read as markup in a line of text: backslashes, code, emphasis, links and
 * images, raw HTML and autolinks, table pipes, strikethrough, Markdoc tags and annotations (`{`),
 * entity references (`&lt;` stays `&lt;`), `_` where it can start or end emphasis (not inside a
 * word, so that `expired_card` stays readable in the raw Markdown), and what starts a block at the
 * start of the line (headings, quotes, lists, setext underlines).
 */
const MARKUP = /[\\`*[\]<|~{}]|&(?=#?[A-Za-z0-9]+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|^[ \t]*(?:[#>+=-]|\d+[.)])/gu;

/** A line shown as written in Markdown. @param {string} line */
function lineText(line) {
  return line.replace(MARKUP, (markup) => `${markup.slice(0, -1)}\\${markup.slice(-1)}`);
}

/** A text shown as written in Markdown, whatever it contains, its line breaks included. @param {string} text */
export function markdownText(text) {
  return linesOf(text).map(lineText).join(BREAK);
}

/**
 * A literal shown as code, whatever it contains (Markdown and Markdoc read nothing in a code span):
 * one code span per line, the lines joined by `<br>`.
 * @param {string} text
 */
export function codeSpan(text) {
  return linesOf(text)
    .map((line, _, lines) => (line === '' && lines.length > 1 ? '' : lineSpan(line)))
    .join(BREAK);
}

/** @param {string} line */
function lineSpan(line) {
  const fence = '`'.repeat(longestRun(line, '`') + 1);
  // A span loses a space at each end when it has one at both (and is not all spaces), and a
  // backtick at an end would join the fence: a space more at each end keeps the text as it is.
  const pad = /^`|`$/.test(line) || (/^ [^]*[^ ][^]* $/.test(line)) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * A fenced code block of `text`. On the page the block says `process=false`: Markdoc reads its
 * tags inside code blocks otherwise, and a `{% ... %}` in a message would vanish from the example.
 * @param {string} text @param {string} language @param {Flavor} flavor
 */
export function codeBlock(text, language, flavor) {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}${language}${flavor === 'page' ? ' {% process=false %}' : ''}\n${text}\n${fence}`;
}

/** Markdown for a table cell: one line (its line breaks as `<br>`), pipes escaped. @param {string} markdown */
export function tableCell(markdown) {
  return markdown.replace(/\|/g, '\\|').split(LINE_BREAK).join(BREAK);
}

/**
 * A how-to-fix text as Markdown, verbatim. Numbered steps (`1. ...`, `2. ...`, every line one, in
 * order) become a list, which shows the same numbers; any other text is shown line for line.
 * @param {string} text
 */
export function howToFixMarkdown(text) {
  const lines = linesOf(text);
  const items = lines.map((line) => /^(\d{1,9})\. (\S.*)$/.exec(line));
  const first = Number(items[0]?.[1]);
  const steps = items.every((item, i) => item && Number(item[1]) === first + i);
  return steps ? items.map((item) => `${item?.[1]}. ${lineText(item?.[2] ?? '')}`).join('\n') : markdownText(text);
}

/**
 * Markdown written in openapi/ (descriptions), kept as Markdown but with nothing live and nothing
 * loaded: outside code, `<` (HTML, autolinks), entity references, Markdoc's `{` and the `[` of an
 * image (`![alt](url)` shows as those characters) are escaped; on the page, code blocks are not
 * processed by Markdoc; a code block left open is closed, so that it cannot swallow what follows.
 * @param {string} markdown @param {Flavor} flavor
 */
export function authoredMarkdown(markdown, flavor) {
  const out = [];
  /** @type {string | undefined} the fence of the code block we are in */
  let fence;
  for (const line of linesOf(markdown)) {
    if (fence !== undefined) {
      out.push(line);
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
    if (open) {
      fence = open[2] ?? '```';
      const info = (open[3] ?? '').replace(/[{}]/g, '');
      out.push(`${open[1]}${fence}${info}${flavor === 'page' ? ' {% process=false %}' : ''}`);
      continue;
    }
    out.push(outsideCodeSpans(line, (text) => text.replace(/[<{}]|&(?=#?[A-Za-z0-9]+;)|!(?=\[)/g, (c) => (c === '!' ? '!\\' : `\\${c}`))));
  }
  if (fence !== undefined) out.push(fence);
  return out.join('\n');
}

/** Applies `escape` to the parts of a line that are not code spans. @param {string} line @param {(text: string) => string} escape */
function outsideCodeSpans(line, escape) {
  let out = '';
  let at = 0;
  for (const run of line.matchAll(/`+/g)) {
    let start = run.index ?? 0;
    if (start < at) continue;
    // A backslash before a run makes its first backtick text (an even number escape each other).
    const backslashes = /\\*$/.exec(line.slice(at, start))?.[0].length ?? 0;
    if (backslashes % 2 === 1) start += 1;
    const ticks = line.slice(start, start + run[0].length - (start - (run.index ?? 0)));
    if (ticks === '') continue;
    const close = line.indexOf(ticks, start + ticks.length);
    // A run of backticks with no run of the same length after it is text, not a code span.
    if (close < 0 || line[close + ticks.length] === '`') continue;
    out += escape(line.slice(at, start)) + line.slice(start, close + ticks.length);
    at = close + ticks.length;
  }
  return out + escape(line.slice(at));
}

/** @param {string} text @param {string} char */
function longestRun(text, char) {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

// --- what the reference says, as Markdown ------------------------------------------------------

/** The reference's scope of a type, or that it states none: the same words in tables and sections. @param {import('./contract-model.js').ErrorTypeModel} type */
export function scopeText(type) {
  return type.scope.length ? markdownText(type.scope.join('; ')) : 'not stated in the reference';
}

/** The reference's remarks on a type, or that it has none. @param {import('./contract-model.js').ErrorTypeModel} type */
export function remarksText(type) {
  return type.remarks ? markdownText(type.remarks) : 'none';
}

/**
 * The opening sentences of a type's section: its status, scope and remarks. A scope or remarks
 * that ends a sentence itself (`Contact technical support.`) gets no second period.
 * @param {import('./contract-model.js').ErrorTypeModel} type
 */
export function typeSentences(type) {
  const sentence = (/** @type {string} */ text) => (/[.!?]$/.test(text) ? text : `${text}.`);
  return `Sent with **HTTP ${type.httpStatus}**. Scope: ${sentence(scopeText(type))} Remarks: ${sentence(remarksText(type))}`;
}

/** What the reference says of a type's codes, in a sentence. @param {import('./contract-model.js').ErrorTypeModel} type */
export function codesText(type) {
  return type.codes.length
    ? `${type.codes.length} codes, in the order of the reference.`
    : `The reference lists no codes for ${codeSpan(type.type)} yet: any code of the form ${codeSpan(type.codePattern ?? '')} may be sent, with a message that says what happened.`;
}

/** What to tell a reader of a deprecated code. @param {{ replacement: string | null }} deprecated */
export function deprecationText(deprecated) {
  return deprecated.replacement ? `use ${codeSpan(deprecated.replacement)} instead; this code will be removed in a major release.` : 'this code will be removed in a major release.';
}

/** The body the API sends for a code, as JSON. @param {string} type @param {{ code: string, message: string }} code */
function exampleBody(type, code) {
  return JSON.stringify({ type, code: code.code, message: code.message }, null, 2);
}

/**
 * The section of one code: the same content on the page and in ERRORS.md. Everything a support
 * engineer with a body in hand needs: deprecation, type and status, the message the API sends,
 * how to fix it (or that the reference gives nothing), and the body to compare with.
 * @param {import('./contract-model.js').ErrorTypeModel} type
 * @param {import('./contract-model.js').ErrorCode} code
 * @param {{ heading: string, typeLink: string, flavor: Flavor }} options
 *   heading: the heading line, e.g. `## expired_card`; typeLink: where the type's link goes
 */
export function codeSection(type, code, { heading, typeLink, flavor }) {
  return [
    heading,
    // First, so that nobody starts using a code on its way out.
    ...(code.deprecated ? [`**Deprecated:** ${deprecationText(code.deprecated)}`] : []),
    `**Type:** [${codeSpan(type.type)}](${typeLink}) · **HTTP status:** ${type.httpStatus}`,
    `**Message** (the API sends it verbatim): ${code.message ? codeSpan(code.message) : '(none)'}`,
    code.howToFix ? `**How to fix:**\n\n${howToFixMarkdown(code.howToFix)}` : '**How to fix:** the reference gives no advice for this code.',
    `**Example body** (HTTP ${type.httpStatus}):`,
    codeBlock(exampleBody(type.type, code), 'json', flavor),
  ].join('\n\n');
}

/**
 * A type's schema description as the page shows it: its scope and remarks from the reference, as
 * text (the document writes them as Markdown sections).
 * @param {import('./contract-model.js').ErrorTypeModel} type
 */
export function typeDescription(type) {
  return [
    '**Scope**',
    type.scope.length ? type.scope.map((s) => `- ${markdownText(s)}`).join('\n') : 'The reference states no scope for this type.',
    ...(type.remarks ? ['**Remarks**', markdownText(type.remarks)] : []),
  ].join('\n\n');
}
