// What the reference docs say, read out of the bundled document once for both renderings: the
// Redoc page (docs.js) and generated/ERRORS.md (generate-errors-md.js). Nothing here is typed
// by hand: types, codes, statuses, headers and examples all come from the document.
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
 * @property {string} format e.g. "string, format uuid, pattern ..."
 * @property {unknown} example
 *
 * @typedef {object} DocsContent
 * @property {string} title
 * @property {string} version
 * @property {string} intro info.description
 * @property {import('./contract-model.js').ErrorTypeModel[]} types
 * @property {ResponseDoc[]} responses
 * @property {HeaderDoc[]} headers
 */

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
        format: [p.schema?.type, p.schema?.format && `format \`${p.schema.format}\``, p.schema?.pattern && `pattern \`${p.schema.pattern}\``, p.schema?.minLength && `at least ${p.schema.minLength} character`]
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

/** Text for a Markdown paragraph: characters Markdown would read as markup are escaped. @param {string} text */
export function markdownText(text) {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** A literal shown as code, whatever it contains. @param {string} text */
export function codeSpan(text) {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text for a Markdown table cell: one line, pipes escaped. @param {string} text */
export function tableCell(text) {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A how-to-fix text as Markdown: its numbered lines stay a list, the rest is escaped text. @param {string} text */
export function howToFixMarkdown(text) {
  return text
    .split('\n')
    .map((line) => {
      const item = /^(\d+)\. (.*)$/.exec(line);
      return item ? `${item[1]}. ${markdownText(item[2] ?? '')}` : markdownText(line);
    })
    .join('\n');
}

/** The reference's words on a type: scope and remarks, or that it states none. @param {import('./contract-model.js').ErrorTypeModel} type */
export function scopeText(type) {
  return type.scope.length ? type.scope.join('; ') : 'not stated in the reference';
}

/** What to tell a reader of a deprecated code. @param {{ replacement: string | null }} deprecated */
export function deprecationText(deprecated) {
  return deprecated.replacement ? `use ${codeSpan(deprecated.replacement)} instead; this code will be removed in a major release.` : 'this code will be removed in a major release.';
}
