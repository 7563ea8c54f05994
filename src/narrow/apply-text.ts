// Applies a narrowing plan to the text of a spec file: each replaced response and each component
// is written where it goes, in the file's own style (YAML block or flow, JSON, its indentation);
// every other byte stays as it was. Only the file's own operations can be narrowed this way.
import type { JsonPath } from '../lint/document.ts';
import type { NarrowPlan } from './plan.ts';
import { entryOf, type Source, type SourceNode } from './source.ts';
import { scalarText } from './yaml-outline.ts';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The text of the file with the plan applied. `rebase` rewrites a relative $ref for a file
 * written elsewhere (undefined: leave it); `reads` reads YAML, to check that what is written
 * reads back as the value it stands for.
 */
export function applyToText(source: Source, plan: NarrowPlan, rebase?: (ref: string) => string | undefined, reads?: (yaml: string) => unknown): string {
  const style = new Style(source, reads);
  const edits: Edit[] = [];
  for (const { path, component } of plan.responses) {
    const node = nodeAt(source.root, path);
    if (!node) throw new Error(`${path.join('.')} is not written in this file`);
    edits.push(style.replaceValue(node, { $ref: `#/components/responses/${component}` }));
  }
  const components = entryOf(source.root, 'components');
  for (const kind of ['schemas', 'responses'] as const) {
    const written = plan.components[kind];
    const unused = plan.unused[kind];
    const map = components && entryOf(components.value, kind);
    for (const name of unused) {
      const entry = map && entryOf(map.value, name);
      if (entry && map) edits.push(style.removeEntry(map.value, entry));
    }
    const added: Array<[string, unknown]> = [];
    for (const [name, content] of written) {
      const entry = map && entryOf(map.value, name);
      if (entry) edits.push(style.replaceValue(entry.value, content));
      else added.push([name, content]);
    }
    if (added.length === 0) continue;
    if (map) edits.push(style.addEntries(map.value, added));
    else if (components) edits.push(style.addEntries(components.value, [[kind, Object.fromEntries(added)]]));
    else edits.push(style.addEntries(source.root, [['components', { [kind]: Object.fromEntries(added) }]]));
  }
  if (rebase) {
    for (const node of refScalars(source.root)) {
      const ref = source.format === 'json' ? (JSON.parse(source.text.slice(node.start, node.end)) as unknown) : scalarText(source.text, node);
      if (typeof ref !== 'string') continue;
      const moved = rebase(ref);
      if (moved === undefined || moved === ref || edits.some((e) => e.start <= node.start && node.end <= e.end && e.start !== e.end)) continue;
      edits.push({ start: node.start, end: node.end, text: JSON.stringify(moved) });
    }
  }
  return applyEdits(source.text, merge(edits));
}

/** The values of every `$ref` written in the file. */
function* refScalars(node: SourceNode): Generator<SourceNode> {
  for (const entry of node.entries) {
    if (entry.key === '$ref' && entry.value.kind === 'scalar') yield entry.value;
    else yield* refScalars(entry.value);
  }
  for (const item of node.items) yield* refScalars(item);
}

/** Several insertions into one map (a map created twice: components.schemas and .responses) become one. */
function merge(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out[out.length - 1];
    if (last && last.start === edit.start && last.end === edit.end && edit.start === edit.end) out[out.length - 1] = { ...last, text: last.text + edit.text };
    else out.push(edit);
  }
  return out;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) throw new Error('narrowing changes overlap');
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** The node at a path of the file's own text (no $ref followed). */
function nodeAt(root: SourceNode, path: JsonPath): SourceNode | undefined {
  let node: SourceNode | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    node = node.kind === 'map' ? entryOf(node, String(key))?.value : node.kind === 'seq' ? node.items[Number(key)] : undefined;
  }
  return node;
}

/** How the file writes things: JSON or YAML, its indentation, block or flow. */
class Style {
  private readonly step: number;
  constructor(
    private readonly source: Source,
    private readonly reads: ((yaml: string) => unknown) | undefined,
  ) {
    this.step = indentStep(source.text);
  }

  private column(offset: number): number {
    return offset - (this.source.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** A value written at a column: JSON, or YAML in the node's style. */
  private render(value: unknown, column: number, block: boolean): string {
    const text = this.source.format === 'json' || !block ? JSON.stringify(value, null, this.step) : toYaml(value, this.step);
    if (this.reads && this.source.format === 'yaml' && !sameData(this.reads(text), value)) throw new Error('a value written as YAML would not read back as itself');
    // Every line but the first at the column (blank lines stay blank).
    return text.replace(/\n(?=[^\n])/g, `\n${' '.repeat(column)}`);
  }

  replaceValue(node: SourceNode, value: unknown): Edit {
    const block = !node.flow && node.kind !== 'scalar';
    if (!block && typeof value === 'object' && value !== null && this.source.format === 'yaml') {
      // A one-line value on the key's line: a small map stays on that line, in flow style.
      return { start: node.start, end: node.end, text: JSON.stringify(value) };
    }
    return { start: node.start, end: node.end, text: this.render(value, this.column(node.start), block) };
  }

  removeEntry(map: SourceNode, entry: SourceNode['entries'][number]): Edit {
    const text = this.source.text;
    if (!map.flow) {
      const start = text.lastIndexOf('\n', entry.keyStart - 1) + 1;
      const lineEnd = text.indexOf('\n', entry.value.end);
      return { start, end: lineEnd < 0 ? text.length : lineEnd + 1, text: '' };
    }
    const index = map.entries.indexOf(entry);
    const next = map.entries[index + 1];
    const previous = map.entries[index - 1];
    if (next) return { start: entry.keyStart, end: next.keyStart, text: '' };
    if (previous) return { start: previous.value.end, end: entry.value.end, text: '' };
    return { start: entry.keyStart, end: entry.value.end, text: '' };
  }

  addEntries(map: SourceNode, entries: ReadonlyArray<[string, unknown]>): Edit {
    const text = this.source.text;
    const [first] = map.entries;
    const last = map.entries[map.entries.length - 1];
    if (!map.flow) {
      const column = first ? this.column(first.keyStart) : this.column(map.start) + this.step;
      const pad = ' '.repeat(column);
      const lines = entries.map(([key, value]) => `${pad}${yamlKey(key)}:${blockValue(value, this.render(value, column + this.step, true), column + this.step)}`).join('\n');
      const at = last ? last.value.end : map.end;
      return { start: at, end: at, text: `\n${lines}` };
    }
    const column = first ? this.column(first.keyStart) : this.column(map.start) + this.step;
    const pad = ' '.repeat(column);
    const body = entries.map(([key, value]) => `${pad}${JSON.stringify(key)}: ${this.render(value, column, false)}`).join(',\n');
    if (last) return { start: last.value.end, end: last.value.end, text: `,\n${body}` };
    const close = text.lastIndexOf('}', map.end);
    return { start: map.start + 1, end: close, text: `\n${body}\n${' '.repeat(this.column(map.start))}` };
  }
}

/** A YAML block value after its key: a map or list on the lines below, a scalar after the colon. */
function blockValue(value: unknown, rendered: string, column: number): string {
  const nested = typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  return nested ? `\n${' '.repeat(column)}${rendered}` : ` ${rendered}`;
}

function yamlKey(key: string): string {
  return isPlain(key) ? key : JSON.stringify(key);
}

/** Data as block YAML, nested `step` spaces a level; the first line unindented. */
export function toYaml(value: unknown, step: number): string {
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

/** Equal as JSON data, whatever the order of keys. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
