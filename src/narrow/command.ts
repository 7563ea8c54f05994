// `payment-errors narrow <spec> [-o <out>]`: the spec with each declaring operation's error
// responses narrowed to its x-payment-errors (see plan.ts), written in the same format, every
// other byte as it was. Nothing is written when the spec has a problem; exit codes: 0 written,
// 1 a declaration is not well formed, 2 the spec cannot be read or narrowed here.
import { applyToText } from './apply-text.ts';
import { loadSpec, SpecError, type SpecFiles } from './load.ts';
import { planNarrowing } from './plan.ts';

export interface NarrowIo extends SpecFiles {
  /** Writes a file whole or not at all (staged, then renamed into place). */
  write(file: string, text: string): Promise<void>;
  /** The $ref, relative to `from`, rewritten relative to `to`; undefined for one that is not a relative file path. */
  rebase(ref: string, from: string, to: string): string | undefined;
  stdout(text: string): void;
  stderr(text: string): void;
}

export async function narrowSpec(file: string, out: string | undefined, io: NarrowIo): Promise<number> {
  let spec;
  try {
    spec = await loadSpec(file, io);
  } catch (error) {
    if (error instanceof SpecError) return fail(io, error.message, 2);
    throw error;
  }
  const plan = planNarrowing(spec.source.data, spec.tree);
  if (plan.problems.length > 0) {
    for (const p of plan.problems) io.stderr(`payment-errors: ${file}: ${p.path.join('.')}: ${p.message}\n`);
    io.stderr(`payment-errors: ${file} was not narrowed: fix its x-payment-errors first (nothing was written).\n`);
    return 1;
  }
  let text: string;
  try {
    const yaml = spec.source.format === 'yaml' ? await io.yaml() : undefined;
    const moved = out !== undefined && io.rebase('x.yaml', file, out) !== './x.yaml';
    text = applyToText(spec.source, plan, moved ? (ref) => io.rebase(ref, file, out) : undefined, yaml && ((t) => yaml.load(t)));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(io, `${file}: ${why}${/not written in this file/.test(why) ? ": narrow changes the file's own operations only (bundle the spec first, or narrow it with the Redocly decorator)" : ' (nothing was written)'}`, 2);
  }
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    await io.write(out, text);
  } catch (error) {
    return fail(io, `cannot write ${out}: ${error instanceof Error ? error.message : String(error)} (nothing was written)`, 2);
  }
  const n = new Set(plan.responses.map((r) => r.path.slice(0, 3).join(' '))).size;
  io.stderr(`payment-errors: narrowed the error responses of ${n} operation${n === 1 ? '' : 's'}; wrote ${out}\n`);
  return 0;
}

function fail(io: NarrowIo, message: string, code: number): number {
  io.stderr(`payment-errors: ${message}\n`);
  return code;
}

