// Narrowing a spec file, for the CLI (`payment-errors narrow <spec> [-o <out>]`): the file with
// each declaring operation's error responses narrowed to its x-payment-errors (see plan.ts), in
// the same format, every other byte as it was. Nothing comes out when the spec has a problem, and
// nothing that does not read back as the narrowed document (verify.ts).
import type { JsonPath } from '../openapi/document.ts';
import { operationName } from '../openapi/walk.ts';
import { applyToText } from './apply-text.ts';
import { loadSpec, SpecError, type SpecFiles } from '../openapi/load.ts';
import { CopyLimitError, planNarrowing } from './plan.ts';
import { verifyNarrowed } from './verify.ts';

export interface NarrowFiles extends SpecFiles {
  /** The $ref, relative to `from`, rewritten relative to `to`; undefined for one that is not a relative file path. */
  rebase(ref: string, from: string, to: string): string | undefined;
}

export type NarrowResult =
  | {
      readonly kind: 'narrowed';
      readonly text: string;
      /** The operations whose error responses were narrowed: "POST /payments", "webhook paymentSucceeded POST". */
      readonly operations: readonly string[];
      /** Of those, the ones whose error responses were already the $refs narrowing writes (a run before): nothing of them changed. */
      readonly unchanged: readonly string[];
      /** The components written, by kind. */
      readonly components: { readonly schemas: readonly string[]; readonly responses: readonly string[] };
      /** The components an earlier run wrote that nothing uses any more, removed, by kind. */
      readonly removed: { readonly schemas: readonly string[]; readonly responses: readonly string[] };
    }
  /** A declaration that is not well formed: each problem at its place. */
  | { readonly kind: 'declaration'; readonly problems: ReadonlyArray<{ readonly path: string; readonly message: string }> }
  /** The spec cannot be read, or its text cannot be narrowed here (or would not read back as narrowed: `unverified`). */
  | { readonly kind: 'unreadable' | 'cannot-narrow' | 'unverified'; readonly message: string };

/** Narrows a spec; `out` is where the result goes (its relative $refs are rewritten for it), undefined for in place or standard output. */
export async function narrowSpec(file: string, out: string | undefined, files: NarrowFiles): Promise<NarrowResult> {
  let spec;
  try {
    spec = await loadSpec(file, files);
  } catch (error) {
    if (error instanceof SpecError) return { kind: error.kind, message: error.message };
    throw error;
  }
  let plan;
  try {
    plan = planNarrowing(spec.source.data, spec.tree);
  } catch (error) {
    if (error instanceof CopyLimitError) return { kind: 'cannot-narrow', message: `${file}: ${error.path.join('.')}: ${error.message}` };
    throw error;
  }
  if (plan.problems.length > 0) return { kind: 'declaration', problems: plan.problems.map((p) => ({ path: p.path.join('.'), message: p.message })) };
  // Before the text is checked (verify.ts changes the data it read): which operations are narrowed already.
  const changed = new Map<string, boolean>();
  for (const { path, component } of plan.responses) {
    const name = operationName({ path });
    changed.set(name, changed.get(name) === true || !isRefTo(valueAt(spec.source.data, path), `#/components/responses/${component}`));
  }
  const moved = out !== undefined && files.rebase('x.yaml', file, out) !== './x.yaml';
  const rebase = moved ? (ref: string) => files.rebase(ref, file, out) : undefined;
  let text: string;
  try {
    text = applyToText(spec.source, plan, rebase);
  } catch (error) {
    // What it refuses (TextNarrowingError), and anything unforeseen: a message, never a stack trace.
    return { kind: 'cannot-narrow', message: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const wrong = verifyNarrowed(text, spec.source, plan, rebase);
  if (wrong) {
    return {
      kind: 'unverified',
      message: `${file}: narrow stopped before writing what it would have got wrong: ${wrong}. This is a fault of narrow (please report it with the spec); meanwhile narrow a bundled copy, or use the Redocly decorator`,
    };
  }
  return {
    kind: 'narrowed',
    text,
    operations: [...changed.keys()],
    unchanged: [...changed].filter(([, yes]) => !yes).map(([name]) => name),
    components: { schemas: [...plan.components.schemas.keys()], responses: [...plan.components.responses.keys()] },
    removed: { schemas: plan.unused.schemas, responses: plan.unused.responses },
  };
}

/** The value at a path of data as a parser gave it (own members only). */
function valueAt(data: unknown, path: JsonPath): unknown {
  let node = data;
  for (const key of path) node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** A Reference Object that is just this $ref. */
function isRefTo(node: unknown, ref: string): boolean {
  return typeof node === 'object' && node !== null && Object.keys(node).length === 1 && (node as { $ref?: unknown }).$ref === ref;
}
