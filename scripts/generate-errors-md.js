// Step: generate generated/ERRORS.md, the reference for people who browse the repository: the
// error types, a section per code with the same content as the page's (type, status, message,
// how to fix, deprecation, example body), the standard responses and the request headers. Each
// type and each code has a stable anchor: ERRORS.md#payment_error.expired_card.
import { GENERATED_HEADER } from './bundle.js';
import {
  authoredMarkdown,
  codeBlock,
  codeSection,
  codeSpan,
  codesText,
  howToFixMarkdown,
  markdownText,
  readDocsContent,
  refAdvice,
  remarksText,
  scopeText,
  tableCell,
  typeSentences,
} from './lib/docs-content.js';
import { GENERATED } from './lib/layout.js';
import { runGenerator } from './lib/generator-step.js';

/** The anchor of a type, or of a code of a type. @param {string} type @param {string} [code] */
export const anchor = (type, code) => (code === undefined ? type : `${type}.${code}`);

/** @param {any} document the bundled document @returns {Record<string, string>} */
export function generateErrorsMarkdown(document) {
  const content = readDocsContent(document);
  const lines = [
    `<!-- ${GENERATED_HEADER} -->`,
    '',
    `# ${markdownText(content.title)}: error reference`,
    '',
    `Contract version ${codeSpan(content.version)}.`,
    '',
    authoredMarkdown(content.intro, 'github'),
    '',
    '## Error types',
    '',
    '| Type | HTTP status | Scope | Remarks | Codes |',
    '| --- | --- | --- | --- | --- |',
    ...content.types.map(
      (t) => `| [${codeSpan(t.type)}](#${anchor(t.type)}) | ${t.httpStatus} | ${tableCell(scopeText(t))} | ${tableCell(remarksText(t))} | ${t.codes.length || 'none listed yet'} |`,
    ),
    '',
  ];
  for (const t of content.types) {
    lines.push(`<a id="${anchor(t.type)}"></a>`, '', `## ${t.type}`, '');
    lines.push(typeSentences(t), '', codesText(t), '');
    if (t.codes.length === 0) continue;
    lines.push('| Code | Message | How to fix |', '| --- | --- | --- |');
    for (const c of t.codes) {
      const code = `[${codeSpan(c.code)}](#${anchor(t.type, c.code)})${c.deprecated ? ' (deprecated)' : ''}`;
      lines.push(`| ${code} | ${tableCell(codeSpan(c.message))} | ${c.howToFix ? tableCell(howToFixMarkdown(c.howToFix)) : '–'} |`);
    }
    lines.push('');
    for (const c of t.codes) {
      lines.push(`<a id="${anchor(t.type, c.code)}"></a>`, '', codeSection(t, c, { heading: `### ${c.code}`, typeLink: `#${anchor(t.type)}`, flavor: 'github' }), '');
    }
  }
  lines.push('## Standard responses', '');
  for (const r of content.responses) {
    lines.push(`### ${r.httpStatus} ${r.name}`, '', authoredMarkdown(r.description, 'github'), '');
    if (r.schema) lines.push(`Body: ${codeSpan(r.schema)}. ${refAdvice('responses', r.name)}`, '');
    for (const e of r.examples) {
      lines.push(`${markdownText(e.summary)}:${e.description ? ` ${authoredMarkdown(e.description, 'github')}` : ''}`, '', codeBlock(JSON.stringify(e.value, null, 2), 'json', 'github'), '');
    }
  }
  lines.push('## Request headers', '', '| Header | Required | Schema | Description | Example |', '| --- | --- | --- | --- | --- |');
  for (const h of content.headers) {
    lines.push(`| ${tableCell(codeSpan(h.name))} | ${h.required ? 'yes' : 'no'} | ${tableCell(h.format)} | ${tableCell(authoredMarkdown(h.description, 'github'))} | ${tableCell(codeSpan(String(h.example)))} |`);
  }
  lines.push('');
  for (const h of content.headers) lines.push(`${codeSpan(h.name)}: ${refAdvice('parameters', h.component)}`, '');
  return { [`${GENERATED}/ERRORS.md`]: lines.join('\n') };
}

await runGenerator(import.meta, generateErrorsMarkdown);
