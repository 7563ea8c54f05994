// payment-errors list [--type <type>]: every documented code with its type, status, message and how to fix.
import { contractVersion, errorTypes, httpStatusByType } from '../../generated/error-catalog.ts';
import type { ErrorType } from '../runtime/types.ts';
import { entryJson, openCodesText, typeJson, typeNotes } from './catalog-text.ts';
import { done, type Command, type Run } from './run.ts';

export const listCommand: Command = {
  name: 'list',
  synopsis: 'list [--type <type>] [--json]',
  summary: 'Every documented code with its type, HTTP status, message and how to fix.',
  details: 'With --type, the codes of one error type only. The types whose codes the reference leaves open say so.',
  options: ['type'],
  operands: { min: 0, max: 0, problem: 'list takes no arguments' },
  run: (run) => list(run, run.args.type as ErrorType | undefined),
};

function list(run: Run, only: ErrorType | undefined): number {
  const types = only ? [only] : errorTypes;
  const entries = run.catalog.filter((e) => types.includes(e.type));
  if (run.json) return done(run, '', { contractVersion, types: types.map(typeJson), codes: entries.map(entryJson) });
  const width = Math.max(0, ...entries.map((e) => e.code.length));
  const pad = ''.padEnd(width);
  const out: string[] = [];
  for (const t of types) {
    out.push(`${t} (HTTP ${httpStatusByType[t]}). ${typeNotes(t)}`);
    const codes = entries.filter((e) => e.type === t);
    if (codes.length === 0) out.push(`  ${openCodesText(t)}`);
    for (const e of codes) {
      out.push(`  ${e.code.padEnd(width)}  ${e.message}`);
      if (e.deprecated) out.push(`  ${pad}  Deprecated${e.deprecated.replacement ? `: use ${e.deprecated.replacement}` : ''}.`);
      if (e.howToFix) out.push(...e.howToFix.split('\n').map((line, i) => `  ${pad}  ${i ? '  ' : 'Fix: '}${line}`));
    }
    out.push('');
  }
  return done(run, out.join('\n'));
}

