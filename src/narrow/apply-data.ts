// Applies a narrowing plan to a document held as data: the Redocly decorator narrows the bundle
// this way, and the CLI checks with it that the text it wrote reads back as this document.
import type { Tree } from '../lint/document.ts';
import type { NarrowPlan } from './plan.ts';

/** Changes `document` in place; `tree` reads it (following the $refs the plan's paths go through). */
export function applyToData(document: Record<string, unknown>, plan: NarrowPlan, tree: Tree): void {
  for (const { path, component } of plan.responses) {
    let responses: unknown = document;
    for (const key of path.slice(0, -1)) responses = tree.get(responses, key);
    if (typeof responses === 'object' && responses !== null) (responses as Record<string, unknown>)[String(path[path.length - 1])] = { $ref: `#/components/responses/${component}` };
  }
  const components = (document['components'] ??= {}) as Record<string, Record<string, unknown> | undefined>;
  for (const kind of ['schemas', 'responses'] as const) {
    if (plan.components[kind].size === 0 && plan.unused[kind].length === 0) continue;
    const map = (components[kind] ??= {});
    for (const name of plan.unused[kind]) delete map[name];
    for (const [name, content] of plan.components[kind]) map[name] = content;
  }
}
