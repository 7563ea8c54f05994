// Applies a narrowing plan to a document held as data: the Redocly decorator narrows the bundle
// this way, and the CLI holds the text it writes against the same plan applied to the data it
// read (verify.ts). apply-text.ts makes the same changes to a file's text.
import type { Tree } from '../openapi/document.ts';
import type { NarrowPlan } from './plan.ts';

/** Changes `document` in place; `tree` reads it (following the $refs the plan's paths go through). */
export function applyToData(document: Record<string, unknown>, plan: NarrowPlan, tree: Tree): void {
  for (const { path, component } of plan.responses) {
    let responses: unknown = document;
    for (const key of path.slice(0, -1)) responses = tree.get(responses, key);
    if (typeof responses === 'object' && responses !== null) (responses as Record<string, unknown>)[String(path[path.length - 1])] = { $ref: `#/components/responses/${component}` };
  }
  const kinds = (['schemas', 'responses'] as const).filter((kind) => plan.components[kind].size > 0 || plan.unused[kind].length > 0);
  if (kinds.length === 0) return;
  const components = (isMap(document['components']) ? document['components'] : (document['components'] = {})) as Record<string, unknown>;
  const before = Object.keys(components).length;
  for (const kind of kinds) {
    const map = (isMap(components[kind]) ? components[kind] : (components[kind] = {})) as Record<string, unknown>;
    const had = Object.keys(map).length;
    for (const name of plan.unused[kind]) delete map[name];
    for (const [name, content] of plan.components[kind]) map[name] = content;
    // A map narrowing emptied goes, and `components` with it when nothing is left (as apply-text.ts writes it).
    if (had > 0 && Object.keys(map).length === 0) delete components[kind];
  }
  if (before > 0 && Object.keys(components).length === 0) delete document['components'];
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
