// The lint rules of src/kit/lint/ as Redocly rules (`payment-errors/<name>`). This file only adapts
// them: it reads the document through Redocly's resolver, file by file, and places each finding
// in the user's file (never inside node_modules).
import { openApiVersion, isRef, type Finding } from '../openapi/document.ts';
import { installedPackageRoot, isInstalledFile, messageOf } from '../lint/package-ref.ts';
import { runRule, type Rule } from '../lint/rule.ts';
import { treeOf } from './tree.ts';
import type { Location, Visitor, VisitorContext } from './types.ts';

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

/** A lint rule as a Redocly visitor: the rule runs once the walk is done, on the whole document. */
export function lintVisitor(rule: Rule): Visitor {
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

