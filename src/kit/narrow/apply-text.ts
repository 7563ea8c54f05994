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

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

type Entry = SourceNode['entries'][number];

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

/** How the file writes things: JSON or YAML, minified or not, its indentation and line endings. */
class Style {
  private readonly step: number;
  private readonly eol: string;
  /** The whole document on one line (minified JSON, or YAML in flow style): what is written stays on it. */
  private readonly compact: boolean;
  private readonly text: string;
  private readonly yaml: boolean;

  constructor(source: Source) {
    this.text = source.text;
    this.yaml = source.format === 'yaml';
    this.step = indentStep(source.text);
    this.eol = source.eol;
    this.compact = source.root.flow && !source.text.slice(source.root.start, source.root.end).includes('\n');
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** The indentation of the line `offset` is on. */
  private lineIndent(offset: number): number {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    let p = start;
    while (this.text.charCodeAt(p) === 32) p++;
    return p - start;
  }

  /** Where the text of the line `offset` is on ends (before its line break). */
  private lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    const end = newline < 0 ? this.text.length : newline;
    return end > 0 && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }

  /** Where the line after the one `offset` is on starts (the end of the text, for the last line). */
  private nextLine(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline < 0 ? this.text.length : newline + 1;
  }

  /** Data as JSON: on one line in a minified file, else indented by the file's step, its lines after the first at `pad`. */
  private json(value: unknown, pad: number): string {
    if (this.compact) return JSON.stringify(value);
    return JSON.stringify(value, null, this.step).replace(/\n/g, this.eol + ' '.repeat(pad));
  }

  /** Data as block YAML, its lines after the first at `pad` (blank lines stay blank). */
  private block(value: unknown, pad: number): string {
    return toYaml(value, this.step)
      .replace(/\n(?=[^\n])/g, `\n${' '.repeat(pad)}`)
      .replace(/\n/g, this.eol);
  }

  replaceValue(node: SourceNode, value: unknown): Edit {
    // A comment after the value, on its last line, was about what is replaced.
    const lineEnd = this.lineEnd(node.end);
    const end = this.yaml && /^[ \t]+#/.test(this.text.slice(node.end, lineEnd)) ? lineEnd : node.end;
    if (this.yaml && !node.flow && node.kind !== 'scalar') return { start: node.start, end, text: this.block(value, this.column(node.start)) };
    if (this.yaml) {
      // A flow value (or a scalar) on the key's line: a small map stays on that line, in flow style.
      return { start: node.start, end, text: isSmall(value) || this.compact ? JSON.stringify(value) : JSON.stringify(value, null, this.step).replace(/\n/g, `${this.eol}${' '.repeat(this.column(node.start))}`) };
    }
    return { start: node.start, end, text: this.json(value, this.lineIndent(node.start)) };
  }

  removeEntry(map: SourceNode, entry: Entry): Edit {
    if (!map.flow) {
      const start = this.text.lastIndexOf('\n', entry.keyStart - 1) + 1;
      return { start, end: this.nextLine(entry.value.end), text: '' };
    }
    const index = map.entries.indexOf(entry);
    const next = map.entries[index + 1];
    const previous = map.entries[index - 1];
    if (next) return { start: entry.keyStart, end: next.keyStart, text: '' };
    if (previous) return { start: previous.value.end, end: entry.value.end, text: '' };
    return { start: entry.keyStart, end: entry.value.end, text: '' };
  }

  /** New entries at the end of a map (block: on the lines after its last entry, whatever follows that on its line). */
  addEntries(map: SourceNode, entries: ReadonlyArray<[string, unknown]>): Edit {
    const [first] = map.entries;
    const last = map.entries[map.entries.length - 1];
    if (!map.flow) {
      const column = first ? this.column(first.keyStart) : this.column(map.start) + this.step;
      const lines = entries.map(([key, value]) => `${' '.repeat(column)}${yamlKey(key)}:${this.blockValue(value, column + this.step)}${this.eol}`).join('');
      const at = this.afterLast(map);
      // The last line of the file may have no line break.
      const before = at === this.text.length && at > 0 && this.text[at - 1] !== '\n' ? this.eol : '';
      return { start: at, end: at, text: before + lines };
    }
    // A flow map: its entries one a line, indented as the first one when it starts its line.
    const pad = first && this.lineIndent(first.keyStart) === this.column(first.keyStart) ? this.column(first.keyStart) : this.lineIndent(map.start) + this.step;
    const separator = this.compact ? ',' : `,${this.eol}${' '.repeat(pad)}`;
    const body = entries.map(([key, value]) => `${JSON.stringify(key)}:${this.compact ? '' : ' '}${isSmall(value) ? JSON.stringify(value) : this.json(value, pad)}`).join(separator);
    if (last) return { start: last.value.end, end: last.value.end, text: `${separator}${body}` };
    const close = this.text.lastIndexOf('}', map.end - 1);
    if (this.compact) return { start: map.start + 1, end: close, text: body };
    // YAML wants a flow map's lines indented past the key it is the value of: the brace stays after the last entry.
    const closing = this.yaml ? '' : `${this.eol}${' '.repeat(this.lineIndent(map.start))}`;
    return { start: map.start + 1, end: close, text: `${this.eol}${' '.repeat(pad)}${body}${closing}` };
  }

  /** A map for an entry whose value is empty or null (`components:`): the entries under the key. */
  setMap(parent: SourceNode, entry: Entry, value: Record<string, unknown>): Edit[] {
    const node = entry.value;
    if (!this.yaml || parent.flow) return [{ start: node.start, end: node.end, text: this.yaml ? JSON.stringify(value) : this.json(value, this.lineIndent(node.start)) }];
    const at = this.lineEnd(node.end);
    const column = this.column(entry.keyStart) + this.step;
    return [
      ...(node.start < node.end ? [{ start: node.start, end: node.end, text: '' }] : []),
      { start: at, end: at, text: `${this.eol}${' '.repeat(column)}${this.block(value, column)}` },
    ];
  }

  /** A YAML block value after its key: a map or list on the lines below, a scalar after the colon. */
  private blockValue(value: unknown, column: number): string {
    const nested = typeof value === 'object' && value !== null && Object.keys(value).length > 0;
    return nested ? `${this.eol}${' '.repeat(column)}${this.block(value, column)}` : ` ${this.block(value, column)}`;
  }

  /**
   * Where entries after the last of a block map go: the start of the line after its last value,
   * and after the blank lines that follow when that value is a block scalar that keeps them (|+).
   */
  private afterLast(map: SourceNode): number {
    let node = map;
    while (node.kind !== 'scalar' && !node.flow) node = node.kind === 'map' ? node.entries[node.entries.length - 1]!.value : node.items[node.items.length - 1]!;
    let at = this.nextLine(map.end);
    if (node.kind === 'scalar' && /^[|>][1-9]?\+/.test(this.text.slice(node.start, node.start + 3))) {
      while (at < this.text.length && /^[ \t]*\r?$/.test(this.text.slice(at, this.lineEnd(at)))) at = this.nextLine(at);
    }
    return at;
  }
}

/** A map of one member that is no map or list (a $ref): written on one line in flow style. */
function isSmall(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && !Object.values(value).some((v) => typeof v === 'object');
}

function yamlKey(key: string): string {
  return isPlain(key) ? key : JSON.stringify(key);
}

/** Data as block YAML, nested `step` spaces a level; the first line unindented. */
function toYaml(value: unknown, step: number): string {
  const pad = ' '.repeat(step);
  const nest = (text: string) => text.replace(/\n(?=[^\n])/g, `\n${pad}`);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    // An item's further lines line up after its "- ".
    return value.map((item) => `- ${toYaml(item, step).replace(/\n(?=[^\n])/g, '\n  ')}`).join('\n');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return entries
      .map(([key, v]) => {
        const nested = typeof v === 'object' && v !== null && Object.keys(v).length > 0;
        return nested ? `${yamlKey(key)}:\n${pad}${nest(toYaml(v, step))}` : `${yamlKey(key)}: ${toYaml(v, step)}`;
      })
      .join('\n');
  }
  if (typeof value === 'string') {
    if (isPlain(value)) return value;
    // A text of several lines as a literal block; anything else in double quotes (JSON escapes are YAML's).
    if (/\n/.test(value) && !/^[ \n]|[ \n]$|\r|\t/.test(value)) return `|-\n${pad}${value.replace(/\n(?=[^\n])/g, `\n${pad}`)}`;
    return JSON.stringify(value);
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** A string YAML reads back as that same string, unquoted. */
function isPlain(text: string): boolean {
  return /^[A-Za-z_$/.][\w$ ./()-]*$/.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text) && !/: | #/.test(text);
}

/** The file's indentation: the smallest indentation of an indented line (2 when there is none). */
function indentStep(text: string): number {
  let step = Infinity;
  for (const match of text.matchAll(/\n( +)\S/g)) step = Math.min(step, match[1]!.length);
  return Number.isFinite(step) && step <= 8 ? step : 2;
}
