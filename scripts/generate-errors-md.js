// Step: generate generated/ERRORS.md, the reference for people who browse the repository: the
// error types, every code with its message and how to fix, the standard responses and the request
// headers. Each type and each code has a stable anchor: ERRORS.md#payment_error.expired_card.
import { GENERATED_HEADER } from './bundle.js';
import { codeSpan, deprecationText, howToFixMarkdown, markdownText, readDocsContent, scopeText, tableCell } from './lib/docs-content.js';
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
    `Contract version ${content.version}.`,
    '',
    content.intro,
    '',
    '## Error types',
    '',
    '| Type | HTTP status | Scope | Remarks | Codes |',
    '| --- | --- | --- | --- | --- |',
    ...content.types.map(
      (t) => `| [\`${t.type}\`](#${anchor(t.type)}) | ${t.httpStatus} | ${tableCell(markdownText(t.scope.join('; ') || '-'))} | ${tableCell(markdownText(t.remarks ?? '-'))} | ${t.codes.length || 'none listed yet'} |`,
    ),
    '',
  ];
  for (const t of content.types) {
    lines.push(`<a id="${anchor(t.type)}"></a>`, '', `## ${t.type}`, '');
    lines.push(`Sent with HTTP ${t.httpStatus}. Scope: ${markdownText(scopeText(t))}.${t.remarks ? ` Remarks: ${markdownText(t.remarks)}` : ''}`, '');
    if (t.codes.length === 0) {
      lines.push(`The reference lists no codes for \`${t.type}\` yet: any code of the form ${codeSpan(t.codePattern ?? '')} may be sent.`, '');
      continue;
    }
    lines.push('| Code | Message | How to fix |', '| --- | --- | --- |');
    for (const c of t.codes) {
      const fix = [c.deprecated ? `**Deprecated:** ${deprecationText(c.deprecated)}` : '', c.howToFix ? howToFixMarkdown(c.howToFix) : ''].filter(Boolean).join('\n');
      lines.push(`| <a id="${anchor(t.type, c.code)}"></a>\`${c.code}\` | ${tableCell(codeSpan(c.message))} | ${tableCell(fix)} |`);
    }
    lines.push('');
  }
  lines.push('## Standard responses', '');
  for (const r of content.responses) {
    lines.push(`### ${r.httpStatus} ${r.name}`, '', r.description, '', `Body: \`${r.schema ?? ''}\`. Component: \`#/components/responses/${r.name}\`.`, '');
    for (const e of r.examples) lines.push(`${markdownText(e.summary)}:`, '', '```json', JSON.stringify(e.value, null, 2), '```', '');
  }
  lines.push('## Request headers', '', '| Header | Required | Schema | Description | Example |', '| --- | --- | --- | --- | --- |');
  for (const h of content.headers) {
    lines.push(`| \`${h.name}\` | ${h.required ? 'yes' : 'no'} | ${tableCell(h.format)} | ${tableCell(h.description)} | ${codeSpan(String(h.example))} |`);
  }
  lines.push('');
  return { [`${GENERATED}/ERRORS.md`]: lines.join('\n') };
}

await runGenerator(import.meta, generateErrorsMarkdown);
