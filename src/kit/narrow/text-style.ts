// How a spec file writes things, so that what narrowing adds reads as if the file's author wrote
// it: JSON or YAML, block or flow, minified or not, its indentation and line endings. Each method
// makes the edit of one change; apply-text.ts decides where the changes go.
import type { Source, SourceNode } from '../openapi/source.ts';

/** Text to put in place of `start` to `end` of the file (an insertion when they are equal). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type Entry = SourceNode['entries'][number];

/** How the file writes things: JSON or YAML, minified or not, its indentation and line endings. */
export class Style {
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
