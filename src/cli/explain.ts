// payment-errors explain <code | type | type.code>: what a code or a type means, with a correct
// body; an unknown one gets the nearest known as a suggestion.
import { errorTypes, httpStatusByType, remarksByType } from '../../generated/error-catalog.ts';
import { isCodeOf, isErrorType } from '../runtime/lookup.ts';
import { nearest } from '../runtime/suggest.ts';
import type { CatalogEntry, ErrorType } from '../runtime/types.ts';
import { quote } from '../lib/text.ts';
import { entryJson, openCodesText, openPattern, scopeText, typeJson } from './catalog-text.ts';
import { done, fail, type Command, type Run } from './run.ts';

export const explainCommand: Command = {
  name: 'explain',
  synopsis: 'explain <code | type | type.code> [--type <type>] [--json]',
  summary: 'What a code or an error type means, and what a correct body looks like.',
  details: [
    'A code (expired_card), a type (payment_error), or both as ERRORS.md anchors write them',
    '(payment_error.expired_card). An unknown code or type exits 1 and suggests the nearest known',
    'codes or types; a code of another type than --type says whose it is. For a type whose codes the',
    'reference leaves open (api_error), any well-formed code is valid: explain db_down --type',
    'api_error describes it, and says so when the code is a documented code of another type.',
  ].join('\n'),
  options: ['type'],
  operands: { min: 1, max: 1, problem: 'explain takes one code or type' },
  run: (run, [what = '']) => explain(run, what, run.args.type as ErrorType | undefined),
};

function explain(run: Run, what: string, typeOption: ErrorType | undefined): number {
  // The anchor form of ERRORS.md and the page: payment_error.expired_card, payment_error/expired_card.
  const pair = /^([a-z_]+)[./](.+)$/.exec(what);
  const named = pair && isErrorType(pair[1]) ? { type: pair[1], code: pair[2] ?? '' } : undefined;
  // paymnt_error.expired_card: the anchor form with a mistyped type.
  const nearPairType = pair && !named ? nearest(pair[1] ?? '', errorTypes) : [];
  if (pair && nearPairType.length > 0) {
    return fail(run, { exit: 1, kind: 'unknown-type', message: `unknown error type ${quote(pair[1] ?? '')} in ${quote(what)}`, suggestions: nearPairType.map((t) => `${t}.${pair[2]}`) });
  }
  if (named && typeOption !== undefined && typeOption !== named.type) {
    return fail(run, { exit: 2, kind: 'usage', message: `${quote(what)} names its type, and --type ${typeOption} says another`, help: 'explain' });
  }
  const type = named?.type ?? typeOption;
  const code = named?.code ?? what;
  if (!named && (typeOption === undefined || typeOption === what) && isErrorType(what)) return explainType(run, what);

  const matches = run.catalog.filter((e) => e.code === code);
  const entry = matches.find((e) => type === undefined || e.type === type);
  if (entry && (type !== undefined || matches.length === 1)) return explainEntry(run, entry);
  if (type === undefined && matches.length > 1) {
    const pairs = matches.map((e) => `${e.type}.${e.code}`);
    return fail(run, { exit: 1, kind: 'ambiguous-code', message: `${quote(code)} is a code of ${matches.map((e) => e.type).join(' and ')}: say which with --type <type>`, suggestions: pairs });
  }
  const pattern = type && openPattern(type);
  if (type !== undefined && pattern !== undefined) {
    if (isCodeOf(type, code)) return explainOpenCode(run, type, code, matches);
    return fail(run, { exit: 1, kind: 'unknown-code', message: `${quote(code)} is not a well-formed code: ${type} codes have the form ${pattern}` });
  }
  if (type !== undefined && matches.length > 0) {
    const owners = matches.map((e) => e.type);
    return fail(run, {
      exit: 1,
      kind: 'code-of-other-type',
      message: `${quote(code)} is not a code of ${type}: it is a code of ${owners.join(' and ')}`,
      suggestions: owners.map((t) => `${t}.${code}`),
    });
  }
  const candidates = run.catalog.filter((e) => type === undefined || e.type === type).map((e) => e.code);
  const near = nearest(code, candidates);
  // paymet_error: closer to a type than to any code.
  const nearTypes = type === undefined && near.length === 0 ? nearest(code, errorTypes) : [];
  if (nearTypes.length > 0) return fail(run, { exit: 1, kind: 'unknown-type', message: `unknown code or error type ${quote(code)}`, suggestions: nearTypes });
  const open = errorTypes.filter((t) => openPattern(t) !== undefined);
  // With no near match, the code may be one of a type whose codes are open.
  const note = type === undefined && near.length === 0 && open.length > 0 ? `; any well-formed code may come with ${open.join(', ')} (their codes are not listed): add --type to see one` : '';
  return fail(run, { exit: 1, kind: 'unknown-code', message: `unknown code ${quote(code)}${type ? ` of ${type}` : ''}${note}`, suggestions: near });
}

function explainEntry(run: Run, entry: CatalogEntry): number {
  if (run.json) return done(run, '', entryJson(entry));
  const lines = [
    entry.code,
    `  type:        ${entry.type}`,
    `  HTTP status: ${entry.httpStatus}`,
    `  message:     ${entry.message}`,
    `  how to fix:  ${entry.howToFix ? entry.howToFix.split('\n').join('\n               ') : 'the reference gives none'}`,
  ];
  if (entry.deprecated) lines.push(`  deprecated:  ${entry.deprecated.replacement ? `use ${entry.deprecated.replacement} instead` : 'yes, with no replacement'}`);
  lines.push(`  example:     ${JSON.stringify({ type: entry.type, code: entry.code, message: entry.message })}`);
  return done(run, lines.join('\n') + '\n');
}

/**
 * A well-formed code of a type whose codes the reference leaves open; `documented` are the
 * entries of other types with the same code (explain expired_card --type api_error).
 */
function explainOpenCode(run: Run, type: ErrorType, code: string, documented: readonly CatalogEntry[]): number {
  const status = httpStatusByType[type];
  const elsewhere = documented.map((e) => e.type);
  if (run.json) return done(run, '', { type, code, httpStatus: status, message: null, howToFix: null, deprecated: null, documentedIn: elsewhere });
  const lines = [
    code,
    `  type:        ${type}`,
    `  HTTP status: ${status}`,
    `  message:     not documented: the reference lists no codes for ${type}, so any well-formed code`,
    `               may be sent, with a message that says what happened`,
    `  scope:       ${scopeText(type)}`,
    `  remarks:     ${remarksByType[type] || 'none'}`,
    `  example:     ${JSON.stringify({ type, code, message: 'what happened, for people' })}`,
    ...documented.map((e) => `  note:        ${code} is also a documented code of ${e.type}: payment-errors explain ${e.type}.${code}`),
  ];
  return done(run, lines.join('\n') + '\n');
}

function explainType(run: Run, type: ErrorType): number {
  const entries = run.catalog.filter((e) => e.type === type);
  if (run.json) return done(run, '', { ...typeJson(type), codes: entries.map(entryJson) });
  const width = Math.max(0, ...entries.map((e) => e.code.length));
  const lines = [
    type,
    `  HTTP status: ${httpStatusByType[type]}`,
    `  scope:       ${scopeText(type)}`,
    `  remarks:     ${remarksByType[type] || 'none'}`,
    entries.length ? `  codes:       ${entries.length} (payment-errors explain <code> for one)` : `  codes:       ${openCodesText(type)}`,
    ...entries.map((e) => `    ${e.code.padEnd(width)}  ${e.message}`),
  ];
  return done(run, lines.join('\n') + '\n');
}

