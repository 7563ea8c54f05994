// payment-errors narrow <spec> [-o <out | ->]: each declaring operation's error responses narrowed
// to its x-payment-errors (src/kit/narrow/), written whole or not at all (bin/spec-files.js).
import { DECLARATION } from '../runtime/declaration.ts';
import { printable } from '../lib/text.ts';
import { narrowSpec } from '../kit/narrow/command.ts';
import type { CliArgs } from './args.ts';
import { done, fail, readProblem, type Command, type Run } from './run.ts';

export const narrowCommand: Command = {
  name: 'narrow',
  synopsis: 'narrow <spec> [-o <out | ->] [--json]',
  summary: "Narrows each declaring operation's error responses to its x-payment-errors.",
  details: [
    'Reads an OpenAPI spec (YAML or JSON, 3.0 or 3.1) and writes it in the same format with each',
    "error response of an operation that declares x-payment-errors narrowed to exactly the declared",
    'types and codes (their messages, how-to-fix and examples), so that generated types, docs and',
    'mock servers follow it. Operations without a declaration are left byte for byte, and so is the',
    'rest of the file; equal declarations share components; narrowing twice changes nothing.',
    'Without -o the result goes to standard output (--json then needs -o). Relative $refs are',
    'rewritten for a file written to another folder. Nothing is written when a declaration is not',
    'well formed, is misplaced, or declares a type none of the operation\'s error responses carries',
    '(exit 1), or the spec cannot be read or narrowed here (exit 2), and nothing that does not read',
    'back as the narrowed spec: narrow checks its output before writing. -o - writes to standard',
    'output; -o replaces a regular file only (a symbolic link is written through, the file it leads',
    'to replaced; a file with other hard links is refused), keeping its mode and owner.',
    'YAML is read as Redocly and Spectral read it (merge keys included). Redocly users narrow with',
    'redocly bundle and the payment-errors/narrow decorator instead.',
  ].join('\n'),
  options: ['out'],
  operands: { min: 1, max: 1, problem: 'narrow takes one spec file' },
  run: (run, [file = '']) => narrow(run, file),
};

async function narrow(run: Run & { readonly args: CliArgs }, file: string): Promise<number> {
  // -o - is standard output, as without -o (for pipes).
  const out = run.args.out === '-' ? undefined : run.args.out;
  if (run.json && out === undefined) return fail(run, { exit: 2, kind: 'usage', message: 'narrow --json needs -o <out>: without it the narrowed spec is the output', help: 'narrow' });
  const specs = run.io.specs;
  if (!specs) return fail(run, { exit: 2, kind: 'spec-unreadable', message: 'this CLI cannot read spec files' });
  const result = await narrowSpec(file, out, specs);
  if (result.kind === 'declaration') {
    const n = result.problems.length;
    return fail(run, { exit: 1, kind: 'declaration', message: `${file} was not narrowed: ${n} problem${n === 1 ? '' : 's'} with its ${DECLARATION} (nothing was written)`, problems: result.problems, file });
  }
  if (result.kind !== 'narrowed') {
    const kind = result.kind === 'unreadable' ? 'spec-unreadable' : result.kind === 'unverified' ? 'narrow-unverified' : 'cannot-narrow';
    return fail(run, { exit: 2, kind, message: `${result.message} (nothing was written)` });
  }
  if (out === undefined) {
    run.io.stdout(result.text);
    return 0;
  }
  try {
    await specs.write(out, result.text);
  } catch (error) {
    return fail(run, { exit: 2, kind: 'output-unwritable', message: `cannot write ${out}: ${readProblem(error)} (nothing was written)` });
  }
  if (run.json) return done(run, '', { written: out, operations: result.operations, unchanged: result.unchanged, components: result.components, removed: result.removed });
  const removed = result.removed.schemas.length + result.removed.responses.length;
  const summary = `${narrowedSummary(result.operations.length, result.unchanged.length)}${removed ? `; removed ${removed} component${removed === 1 ? '' : 's'} an earlier run wrote that nothing uses` : ''}; wrote ${out}`;
  run.io.stderr(`payment-errors: ${printable(summary)}\n`);
  return 0;
}

/** What narrowing did, told so that a count never hides what it did not do: `n` operations narrowed, `unchanged` of them narrowed already. */
function narrowedSummary(n: number, unchanged: number): string {
  const operations = (count: number) => `${count} operation${count === 1 ? '' : 's'}`;
  if (n === 0) return `no operation declares ${DECLARATION}, so no error response was narrowed`;
  if (unchanged === n) return `the error responses of the ${n === 1 ? 'one declaring operation were' : `${n} declaring operations were`} narrowed already: nothing of them changed`;
  return `narrowed the error responses of ${operations(n - unchanged)}${unchanged > 0 ? ` (${unchanged} more narrowed already)` : ''}`;
}

