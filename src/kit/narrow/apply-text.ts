// Applies a narrowing plan to the text of a spec file: each replaced response and each component
// is written where it goes, in the file's own style (YAML block or flow, JSON, minified JSON, its
// indentation and line endings); every other byte stays as it was. Only the file's own operations
// can be narrowed this way. What this writes is checked against the plan applied to the data
// (verify.ts) before anything is written.
import type { JsonPath } from '../openapi/document.ts';
import { forEachRef, type Shape } from '../openapi/refs.ts';
import type { NarrowPlan } from './plan.ts';
import { entryOf, type Source, type SourceNode } from '../openapi/source.ts';
import { scalarText } from '../openapi/yaml-outline.ts';
import { Style, type Edit, type Entry } from './text-style.ts';

/** Why a change cannot be written in this file; the message names the place. */
export class TextNarrowingError extends Error {}

/** The text of the file with the plan applied. `rebase` rewrites a relative $ref for a file written elsewhere (undefined: leave it). */
export function applyToText(source: Source, plan: NarrowPlan, rebase?: (ref: string) => string | undefined): string {
  const style = new Style(source);
  const shared = source.format === 'yaml' ? Aliases.of(source) : undefined;
  const edits: Edit[] = [];
  // Every edit, an insertion too, goes through here: a YAML anchor on what it changes, or around it, that an alias also stands for refuses it.
  const change = (path: JsonPath, chain: readonly SourceNode[], edit: Edit) => {
    shared?.check(path, chain, edit);
    edits.push(edit);
  };

  // Responses a YAML merge key (<<) brings into an operation's responses: each narrowed by a key
  // of that map's own, which takes precedence over the merged one (written after the <<, where both
  // engines read it so); what the anchor stands for stays as it is.
  const overrides = new Map<SourceNode, { path: JsonPath; chain: readonly SourceNode[]; entries: Array<[string, unknown]> }>();
  for (const { path, component } of plan.responses) {
    const ref = `#/components/responses/${component}`;
    const { chain, merged } = chainAt(source, path, true);
    const node = chain[chain.length - 1]!;
    if (merged) {
      const override = overrides.get(node) ?? { path: path.slice(0, -1), chain, entries: [] };
      override.entries.push([String(path[path.length - 1]), { $ref: ref }]);
      overrides.set(node, override);
      continue;
    }
    // Already this $ref (a second run): left as it is, wherever it is written.
    if (isRefTo(source, node, ref)) continue;
    change(path, chain, style.replaceValue(node, { $ref: ref }));
  }
  for (const [map, { path, chain, entries }] of overrides) change(path, chain, style.addEntries(map, entries));

  const root = source.root;
  const data = source.data as Record<string, unknown>;
  const components = entryOf(root, 'components');
  if (!components) refuseMerged(source, root, data, ['components']);
  if (components) refuseAlias(source, components.value, ['components']);
  if (components && components.value.kind !== 'map' && !isNull(source, components.value)) throw new TextNarrowingError('components is not a map');
  const holder = components?.value.kind === 'map' ? components.value : undefined;
  const inData = own(data, 'components');
  // The kinds to create in `components`, and the kinds narrowing leaves with no component.
  const create: Array<[string, unknown]> = [];
  const emptied: Entry[] = [];
  for (const kind of ['schemas', 'responses'] as const) {
    const entry = holder && entryOf(holder, kind);
    if (holder && !entry) refuseMerged(source, holder, inData, ['components', kind]);
    if (entry) refuseAlias(source, entry.value, ['components', kind]);
    if (entry && entry.value.kind !== 'map' && !isNull(source, entry.value)) throw new TextNarrowingError(`components.${kind} is not a map`);
    const map = entry?.value.kind === 'map' ? entry.value : undefined;
    const at = (name: string): JsonPath => ['components', kind, name];
    const removed = plan.unused[kind].flatMap((name) => {
      const e = map && entryOf(map, name);
      if (!e && map) refuseMerged(source, map, own(inData, kind), at(name));
      return e ? [[name, e] as const] : [];
    });
    const added: Array<[string, unknown]> = [];
    for (const [name, content] of plan.components[kind]) {
      const e = map && entryOf(map, name);
      if (e) change(at(name), [root, holder!, map!, e.value], style.replaceValue(e.value, content));
      else added.push([name, content]);
    }
    if (map && removed.length > 0 && removed.length === map.entries.length && added.length === 0) {
      emptied.push(entry!);
      continue;
    }
    for (const [name, e] of removed) change(at(name), [root, holder!, map!, e.value], style.removeEntry(map!, e));
    if (added.length === 0) continue;
    if (map) change(['components', kind], [root, holder!, map], style.addEntries(map, added));
    else if (entry) for (const edit of style.setMap(holder!, entry, Object.fromEntries(added))) change(['components', kind], [root, holder!, entry.value], edit);
    else create.push([kind, Object.fromEntries(added)]);
  }
  // A map narrowing emptied goes (an empty `responses:` would read as null); so does `components` when nothing is left in it.
  if (holder && emptied.length > 0 && emptied.length === holder.entries.length && create.length === 0) {
    change(['components'], [root, holder], style.removeEntry(root, components!));
  } else {
    for (const entry of emptied) change(['components', entry.key], [root, holder!, entry.value], style.removeEntry(holder!, entry));
  }
  if (create.length > 0) {
    if (holder) change(['components'], [root, holder], style.addEntries(holder, create));
    else if (components) for (const edit of style.setMap(root, components, Object.fromEntries(create))) change(['components'], [root, components.value], edit);
    else change([], [root], style.addEntries(root, [['components', Object.fromEntries(create)]]));
  }

  if (rebase) {
    forEachRef([{ node: root }], (holder) => {
      const node = entryOf(holder, '$ref')!.value;
      const ref = scalarValue(source, node) as string;
      const moved = rebase(ref);
      if (moved === undefined || moved === ref || edits.some((e) => e.start <= node.start && node.end <= e.end && e.start !== e.end)) return;
      edits.push({ start: node.start, end: node.end, text: JSON.stringify(moved) });
    }, outlineShape(source));
  }
  return (source.bom ? '\uFEFF' : '') + applyEdits(source.raw, edits);
}

/**
 * The nodes from the root to the one at `path`, in the file's own text (no $ref followed). With
 * `lastMayMerge`, the last key may be one a YAML merge key (<<) brings into its map: `merged`, and
 * the chain ends at that map.
 */
function chainAt(source: Source, path: JsonPath, lastMayMerge = false): { chain: SourceNode[]; merged: boolean } {
  const chain = [source.root];
  let data = source.data;
  for (const [i, key] of path.entries()) {
    const node = chain[chain.length - 1]!;
    refuseAlias(source, node, path);
    const next = node.kind === 'map' ? entryOf(node, String(key))?.value : node.kind === 'seq' ? node.items[Number(key)] : undefined;
    if (!next) {
      if (lastMayMerge && i === path.length - 1 && mergeOf(source, node, data, String(key))) return { chain, merged: true };
      refuseMerged(source, node, data, path.slice(0, i + 1));
      throw new TextNarrowingError(`${path.join('.')} is not written in this file: narrow changes the file's own operations only (bundle the spec first, or narrow it with the Redocly decorator)`);
    }
    chain.push(next);
    data = own(data, key);
  }
  return { chain, merged: false };
}

/** A member of data as a parser gave it (own members only). */
function own(data: unknown, key: string | number): unknown {
  return typeof data === 'object' && data !== null && Object.hasOwn(data, key) ? (data as Record<string | number, unknown>)[key] : undefined;
}

/** The merge key (<<) of a YAML map that brings `key` into its data (the map's text has no such key), or undefined. */
function mergeOf(source: Source, map: SourceNode, data: unknown, key: string): Entry | undefined {
  if (source.format !== 'yaml' || map.kind !== 'map' || own(data, key) === undefined) return undefined;
  return entryOf(map, '<<');
}

/** Refuses a change at `path` whose last key a YAML merge key brings into `map` (`data` is the map's data): the change would be made to what the anchor stands for. */
function refuseMerged(source: Source, map: SourceNode, data: unknown, path: JsonPath): void {
  const merge = mergeOf(source, map, data, String(path[path.length - 1]));
  if (!merge) return;
  const from = source.text.slice(merge.value.start, merge.value.end).replace(/\s+/g, ' ');
  throw new TextNarrowingError(
    `${path.join('.')} comes through the YAML merge key << (line ${lineOf(source.text, merge.keyStart)}) from ${from.length > 40 ? `${from.slice(0, 40)}…` : from}: narrow would have to change what that anchor stands for, and every other place it is merged into. Write it out in this map, or share it with $ref`,
  );
}

/** Refuses a change through a node written as a YAML alias (`*name`): it is the anchor's node, shared. */
function refuseAlias(source: Source, node: SourceNode, path: JsonPath): void {
  if (source.format !== 'yaml' || node.kind !== 'scalar' || source.text.charCodeAt(node.start) !== 42 /* * */) return;
  throw new TextNarrowingError(
    `${path.join('.')} is written through the YAML alias ${source.text.slice(node.start, node.end)} (line ${lineOf(source.text, node.start)}): narrow changes no single use of a shared node; write it out, or share it with $ref`,
  );
}

function scalarValue(source: Source, node: SourceNode): unknown {
  if (node.kind !== 'scalar') return undefined;
  if (source.format === 'yaml') return scalarText(source.text, node);
  try {
    return JSON.parse(source.text.slice(node.start, node.end)) as unknown;
  } catch {
    return undefined;
  }
}

/** A Reference Object that is just this $ref. */
function isRefTo(source: Source, node: SourceNode, ref: string): boolean {
  const [only] = node.entries;
  return node.kind === 'map' && node.entries.length === 1 && only!.key === '$ref' && scalarValue(source, only!.value) === ref;
}

/** An empty value, null or ~ (YAML), or null (JSON). */
function isNull(source: Source, node: SourceNode): boolean {
  return node.kind === 'scalar' && /^(|null|Null|NULL|~)$/.test(source.text.slice(node.start, node.end));
}

/** The outline of a file's text as the $ref walker reads it: a $ref is a string scalar under a `$ref` key. */
function outlineShape(source: Source): Shape<SourceNode> {
  return {
    members(node, visit) {
      for (const { key, value } of node.entries) if (value.kind !== 'scalar') visit(key, value);
      for (let i = 0; i < node.items.length; i++) if (node.items[i]!.kind !== 'scalar') visit(String(i), node.items[i]!);
    },
    ref(node) {
      const entry = entryOf(node, '$ref');
      const ref = entry?.value.kind === 'scalar' ? scalarValue(source, entry.value) : undefined;
      return typeof ref === 'string' ? ref : undefined;
    },
  };
}

/** The edits, in order; insertions at one place in the order they were made (a map's own entries before a map created after it). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (edit.start < at) throw new TextNarrowingError('narrowing changes overlap');
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let p = text.indexOf('\n'); p >= 0 && p < offset; p = text.indexOf('\n', p + 1)) line++;
  return line;
}

/**
 * The YAML anchors and aliases of a file. An alias stands for its anchor's node: a change inside
 * an anchored node would change every place an alias stands for it, and removing an anchor leaves
 * its aliases standing for nothing. Such changes are refused, naming both places.
 */
class Aliases {
  private constructor(
    private readonly text: string,
    private readonly anchors: ReadonlyArray<{ name: string; at: number }>,
    private readonly uses: ReadonlyMap<string, readonly number[]>,
  ) {}

  /** Undefined when the file has no alias (nothing to check). */
  static of(source: Source): Aliases | undefined {
    // The parser's own list of where each anchor and alias is (yaml-outline.ts).
    const shared = source.shared;
    if (!shared || shared.aliases.length === 0) return undefined;
    const uses = new Map<string, number[]>();
    for (const { name, at } of shared.aliases) {
      const list = uses.get(name);
      if (list) list.push(at);
      else uses.set(name, [at]);
    }
    return new Aliases(source.text, shared.anchors, uses);
  }

  /** Throws when `edit` (at `path`, reached through `chain`) would change what an alias stands for. */
  check(path: JsonPath, chain: readonly SourceNode[], edit: Edit): void {
    const where = path.join('.');
    for (const [i, node] of chain.entries()) {
      const anchor = node.anchor;
      const use = anchor && this.uses.get(anchor.name)?.[0];
      if (anchor && use !== undefined) {
        const on = i === chain.length - 1 ? 'on it' : `on ${path.slice(0, i).join('.') || 'the document'}, around it`;
        // An insertion (new components) would appear in every place the alias stands for.
        const what = edit.start === edit.end ? 'Narrowing adds to it, and that place would gain what it adds' : 'Narrowing would change that place as well';
        throw new TextNarrowingError(
          `${where || 'the document'} is shared through a YAML alias: the anchor &${anchor.name} (line ${lineOf(this.text, anchor.at)}) is ${on}, and *${anchor.name} (line ${lineOf(this.text, use)}) stands for it too. ${what}: write the shared part out where each uses it, or share it with $ref`,
        );
      }
    }
    for (const anchor of this.anchors) {
      if (anchor.at < edit.start || anchor.at >= edit.end) continue;
      const outside = this.uses.get(anchor.name)?.find((at) => at < edit.start || at >= edit.end);
      if (outside !== undefined) {
        throw new TextNarrowingError(
          `${where} holds the YAML anchor &${anchor.name} (line ${lineOf(this.text, anchor.at)}), which *${anchor.name} (line ${lineOf(this.text, outside)}) stands for: narrowing would leave that alias standing for nothing. Write it out there, or share it with $ref`,
        );
      }
    }
  }
}
