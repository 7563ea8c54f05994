// The Redocly CLI plugin API teams adopt with `plugins: [payment-error-contract/redocly]` and
// `extends: [payment-errors/recommended]`: the checks of src/lint/, each a rule named
// `payment-errors/<name>`. This file only adapts them: it reads the document through Redocly's
// resolver, file by file, and places each finding in the user's file (never inside node_modules).
import { DECLARATION } from '../declaration.ts';
import { isRef, openApiVersion, pointerKey, type Finding, type Tree } from '../lint/document.ts';
import { installedPackageRoot, isInstalledFile, messageOf } from '../lint/package-ref.ts';
import { rules, runRule, type Rule } from '../lint/rules.ts';
import { applyToData } from '../narrow/apply-data.ts';
import { planNarrowing } from '../narrow/plan.ts';
import type { Location, Plugin, Visitor, VisitorContext } from './types.ts';

export const PLUGIN_ID = 'payment-errors';

/** Redocly hands a rule the document as written: a $ref is resolved from the file it is in. */
function redoclyTree(ctx: VisitorContext): Tree {
  const rootFile = ctx.location.source.absoluteRef;
  // The file of each object read from a file other than the root's: a $ref in it resolves from there.
  const fileOf = new WeakMap<object, string>();
  // Where each $ref object leads, resolved once: it is in one file, however often it is read.
  const targets = new WeakMap<object, unknown>();
  return {
    get(node, key) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
      const value = (node as Record<string | number, unknown>)[key];
      if (!isRef(value)) {
        const from = typeof value === 'object' && value !== null ? fileOf.get(node) : undefined;
        if (from !== undefined && !fileOf.has(value as object)) fileOf.set(value as object, from);
        return value;
      }
      if (targets.has(value)) return targets.get(value);
      const resolved = ctx.resolve(value, fileOf.get(node) ?? rootFile);
      const target = resolved.location ? resolved.node : undefined;
      const file = resolved.location?.source.absoluteRef;
      if (typeof target === 'object' && target !== null && file !== rootFile && file !== undefined) fileOf.set(target, file);
      targets.set(value, target);
      return target;
    },
  };
}

/** One tree per document, shared by the rules: what one rule resolved and walked, the others reuse. */
const trees = new WeakMap<object, Tree>();

function treeOf(root: object, ctx: VisitorContext): Tree {
  let tree = trees.get(root);
  if (!tree) trees.set(root, (tree = redoclyTree(ctx)));
  return tree;
}

/**
 * Where the finding is written: along its path, following the user's own $refs (up to `use`),
 * and stopping on a $ref below `use` or into an installed package: the $ref is the place to edit.
 * Undefined for a finding only about what the user wrote (`written`), when a $ref on that part of
 * the path leads into an installed package.
 */
function placeOf(root: unknown, ctx: VisitorContext, { path, use, written }: Finding): Location | undefined {
  let node = root;
  let location = ctx.location;
  for (const [i, key] of path.entries()) {
    const value = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
    const here = location.child([key]);
    if (!isRef(value)) {
      node = value;
      location = here;
      continue;
    }
    const mine = written !== undefined && i < written;
    const resolved = use !== undefined && i >= use && !mine ? undefined : ctx.resolve(value, location.source.absoluteRef);
    const root = ctx.location.source.absoluteRef;
    if (mine && resolved?.location && isInstalledFile(resolved.location.source.absoluteRef, root)) return undefined;
    if (!resolved?.location || resolved.node === undefined || isInstalledFile(resolved.location.source.absoluteRef, root) || (use !== undefined && i >= use)) return here.key();
    node = resolved.node;
    location = resolved.location;
  }
  return path.length ? location.key() : location;
}

function visitor(rule: Rule): Visitor {
  // The files the document's $refs lead to, seen as Redocly walks it; read once the walk is done.
  const files = new Set<string>();
  return {
    ref: {
      enter(_ref, _ctx, resolved) {
        if (resolved.location) files.add(resolved.location.source.absoluteRef);
      },
    },
    Root: {
      leave(root, ctx) {
        const version = openApiVersion(root);
        if (!version || typeof root !== 'object' || root === null) return;
        const findings = runRule(rule, root, treeOf(root, ctx));
        const packageRoot = findings.length ? installedPackageRoot(files) : undefined;
        // Findings the rule keeps apart (an example chosen in two places) may land on one place
        // (the example both $ref): reported there once, as Spectral does.
        const placed = new Set<string>();
        for (const finding of findings) {
          const location = placeOf(root, ctx, finding);
          if (!location) continue;
          const message = messageOf(finding, version, location.source.absoluteRef, packageRoot);
          const at = `${location.source.absoluteRef}#${location.pointer} ${message}`;
          if (placed.has(at)) continue;
          placed.add(at);
          ctx.report({ message, location });
        }
      },
    },
  };
}

/**
 * The narrow decorator (`decorators: { payment-errors/narrow: on }`): `redocly bundle` writes each
 * declaring operation's error responses narrowed to its x-payment-errors (src/narrow/plan.ts).
 * It runs as the bundle is finished, when every $ref left is local to the bundle.
 */
function narrowDecorator(): Visitor {
  return {
    ref: { enter() {} },
    Root: {
      leave(root, ctx) {
        if (!openApiVersion(root) || typeof root !== 'object' || root === null) return;
        const tree = bundleTree(root, ctx);
        const plan = planNarrowing(root, tree);
        if (plan.problems.length > 0) {
          for (const { message, path } of plan.problems) {
            const text = message.startsWith(DECLARATION) ? message : `${DECLARATION}: ${message}`;
            ctx.report({ message: `${text}; the document was not narrowed.`, location: ctx.location.child([...path]) });
          }
          return;
        }
        applyToData(root as Record<string, unknown>, plan, tree);
      },
    },
  };
}

/** The bundle read through local $refs (pointers into itself), and Redocly's resolver for the rest. */
function bundleTree(root: object, ctx: VisitorContext): Tree {
  const outside = redoclyTree(ctx);
  const pointer = (ref: string): unknown => {
    let node: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
      const key = pointerKey(raw);
      if (key === undefined) return undefined;
      node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
    return node;
  };
  return {
    get(node, key) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
      let value = (node as Record<string | number, unknown>)[key];
      for (let hops = 0; isRef(value) && value.$ref.startsWith('#/') && hops < 32; hops++) value = pointer(value.$ref);
      return isRef(value) ? outside.get(node, key) : value;
    },
  };
}

const severities = (strict: boolean) => Object.fromEntries(rules.map((rule) => [`${PLUGIN_ID}/${rule.name}`, strict ? 'error' : rule.severity] as const));

/** The plugin: its rules, `recommended` (each rule at its severity) and `all` (every rule an error, for CI that fails on any finding). */
export default function paymentErrorsPlugin(): Plugin {
  return {
    id: PLUGIN_ID,
    rules: { oas3: Object.fromEntries(rules.map((rule) => [rule.name, () => visitor(rule)])) },
    decorators: { oas3: { narrow: narrowDecorator } },
    configs: { recommended: { rules: severities(false) }, all: { rules: severities(true) } },
  };
}
