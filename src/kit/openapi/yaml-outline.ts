// Where each value is in a YAML file, read from its indentation: block mappings and sequences,
// flow collections, quoted, plain and block scalars, comments, anchors (noted where they are
// defined on a mapping's value, for narrowing to refuse changing what an alias shares) and tags.
// Enough to place narrowing's changes; the values themselves are read by a YAML parser (js-yaml),
// and source.ts checks that both read the same structure. What it does not follow (complex keys,
// several documents, tabs for indentation) it refuses, naming the line. It scans characters in
// place, without copying lines: a 5 MB spec is read in a few hundred milliseconds.
import type { SourceNode } from './source.ts';

export class OutlineError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

export function yamlOutline(text: string): SourceNode {
  return new Outline(text).document();
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const NEWLINE = 10;
const CR = 13;

/** A space or a tab: what separates a value from a comment, or ends a line's text. */
function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

class Outline {
  /** Per line: where it starts, where its text ends (before \r\n), its indentation, whether it is blank or a comment. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly indents: Int32Array;
  private readonly empties: Uint8Array;
  private readonly blanks: Uint8Array;
  private readonly count: number;
  private i = 0;
  private depth = 0;

  constructor(private readonly text: string) {
    let n = 1;
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) n++;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.indents = new Int32Array(n);
    this.empties = new Uint8Array(n);
    this.blanks = new Uint8Array(n);
    this.count = n;
    let start = 0;
    for (let line = 0; line < n; line++) {
      const nl = text.indexOf('\n', start);
      let end = nl < 0 ? text.length : nl;
      if (end > start && text.charCodeAt(end - 1) === CR) end--;
      let p = start;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      let q = p;
      while (q < end && isBlank(text.charCodeAt(q))) q++;
      const empty = q === end || text.charCodeAt(q) === HASH;
      // Tabs may stand in a line that holds nothing or only a comment; never before a value.
      if (!empty && q > p) throw new OutlineError('a tab in the indentation', line + 1);
      this.starts[line] = start;
      this.ends[line] = end;
      this.indents[line] = p - start;
      this.empties[line] = empty ? 1 : 0;
      this.blanks[line] = q === end ? 1 : 0;
      start = end + (text.charCodeAt(end) === CR ? 2 : 1);
    }
  }

  document(): SourceNode {
    this.skipEmpty();
    if (this.i < this.count && this.startsWith(this.contentStart(this.i), '%')) throw new OutlineError('YAML directives', this.i + 1);
    if (this.i < this.count && this.isMarker(this.i, '---')) {
      this.i++;
      this.skipEmpty();
    }
    const node = this.block(-1) ?? scalar(this.text.length, this.text.length);
    this.skipEmpty();
    // After the document-end marker (...), only comments and blank lines.
    if (this.i < this.count && this.isMarker(this.i, '...')) {
      this.i++;
      this.skipEmpty();
      if (this.i < this.count) throw new OutlineError('more than one document', this.i + 1);
    }
    if (this.i < this.count) throw new OutlineError(this.isMarker(this.i, '---') ? 'more than one document' : 'text the outline does not follow', this.i + 1);
    return node;
  }

  /** A document marker (--- or ...) on a line: no node goes on past it. */
  private isDocumentEdge(line: number): boolean {
    return this.isMarker(line, '...') || this.isMarker(line, '---');
  }

  private contentStart(line: number): number {
    return this.starts[line]! + this.indents[line]!;
  }

  private startsWith(pos: number, s: string): boolean {
    return this.text.startsWith(s, pos);
  }

  private isMarker(line: number, marker: string): boolean {
    const p = this.contentStart(line);
    return this.indents[line] === 0 && this.startsWith(p, marker) && (p + 3 >= this.ends[line]! || isBlank(this.text.charCodeAt(p + 3)));
  }

  private skipEmpty(): void {
    while (this.i < this.count && this.empties[this.i]) this.i++;
  }

  /** "- " or a lone "-" at pos. */
  private isDash(pos: number, end: number): boolean {
    return this.text.charCodeAt(pos) === DASH && (pos + 1 >= end || isBlank(this.text.charCodeAt(pos + 1)));
  }

  /** Only spaces, or a comment, from pos to the end of the line. */
  private isRestEmpty(pos: number, end: number): boolean {
    while (pos < end && isBlank(this.text.charCodeAt(pos))) pos++;
    return pos >= end || this.text.charCodeAt(pos) === HASH;
  }

  /** A block node on the next lines, indented more than `parent` (undefined when there is none). */
  private block(parent: number): SourceNode | undefined {
    this.skipEmpty();
    if (this.i >= this.count || this.indents[this.i]! <= parent || this.isDocumentEdge(this.i)) return undefined;
    return this.nodeAt(this.contentStart(this.i), this.indents[this.i]!);
  }

  /** The node starting at `pos` on the current line, whose own column is `column`. */
  private nodeAt(pos: number, column: number): SourceNode {
    if (++this.depth > 500) throw new OutlineError('nested deeper than 500 levels', this.i + 1);
    try {
      if (this.isDash(pos, this.ends[this.i]!)) return this.sequence(column);
      if (this.keyAt(pos)) return this.mapping(column, pos);
      return this.inline(pos, column - 1);
    } finally {
      this.depth--;
    }
  }

  /** A block mapping whose keys are at `column`; the first key at `first` (maybe after "- "). */
  private mapping(column: number, first: number): SourceNode {
    const entries: Array<{ key: string; keyStart: number; value: SourceNode }> = [];
    let pos = first;
    for (;;) {
      const key = this.keyAt(pos);
      if (!key) throw new OutlineError('a line that is no key of the mapping around it', this.i + 1);
      entries.push({ key: key.key, keyStart: pos, value: this.valueAfter(key.after, column) });
      this.skipEmpty();
      if (this.i >= this.count || this.indents[this.i]! < column || this.isDocumentEdge(this.i)) break;
      if (this.indents[this.i]! > column) throw new OutlineError('a line indented more than the keys around it', this.i + 1);
      pos = this.contentStart(this.i);
      if (this.isDash(pos, this.ends[this.i]!)) break;
    }
    return { kind: 'map', start: first, end: entries[entries.length - 1]!.value.end, flow: false, entries, items: [] };
  }

  /** A block sequence whose dashes are at `column`. */
  private sequence(column: number): SourceNode {
    const items: SourceNode[] = [];
    const start = this.starts[this.i]! + column;
    for (;;) {
      const lineStart = this.starts[this.i]!;
      const end = this.ends[this.i]!;
      let after = lineStart + column + 1;
      while (after < end && isBlank(this.text.charCodeAt(after))) after++;
      if (this.isRestEmpty(after, end)) {
        this.i++;
        items.push(this.block(column) ?? scalar(after, after));
      } else items.push(this.nodeAt(after, after - lineStart));
      this.skipEmpty();
      if (this.i >= this.count || this.indents[this.i]! !== column || this.isDocumentEdge(this.i) || !this.isDash(this.contentStart(this.i), this.ends[this.i]!)) break;
    }
    return { kind: 'seq', start, end: items[items.length - 1]!.end, flow: false, entries: [], items };
  }

  /** The value after a key's colon: on the same line, or the block below it. */
  private valueAfter(pos: number, keyColumn: number): SourceNode {
    const end = this.ends[this.i]!;
    let p = pos;
    while (p < end && isBlank(this.text.charCodeAt(p))) p++;
    // Anchors (&a) and tags (!t) before the value.
    let anchor: { name: string; at: number } | undefined;
    while (p < end && (this.text[p] === '&' || this.text[p] === '!')) {
      const at = p;
      while (p < end && !isBlank(this.text.charCodeAt(p))) p++;
      if (this.text[at] === '&') anchor = { name: this.text.slice(at + 1, p), at };
      while (p < end && isBlank(this.text.charCodeAt(p))) p++;
    }
    const node = this.valueAt(p, end, keyColumn);
    return anchor ? { ...node, anchor } : node;
  }

  private valueAt(p: number, end: number, keyColumn: number): SourceNode {
    if (this.isRestEmpty(p, end)) {
      this.i++;
      this.skipEmpty();
      // A sequence may sit at the key's own column.
      if (this.i < this.count && this.indents[this.i] === keyColumn && !this.isDocumentEdge(this.i) && this.isDash(this.contentStart(this.i), this.ends[this.i]!)) return this.sequence(keyColumn);
      return this.block(keyColumn) ?? scalar(p, p);
    }
    return this.inline(p, keyColumn);
  }

  /** A value that starts on this line: flow, quoted, block scalar, alias or plain. */
  private inline(pos: number, parent: number): SourceNode {
    const c = this.text[pos];
    if (c === '{' || c === '[') {
      const node = new Flow(this.text, pos).node();
      this.moveTo(node.end);
      return node;
    }
    if (c === '"' || c === "'") {
      const end = quotedEnd(this.text, pos);
      if (end < 0) throw new OutlineError('a quoted scalar that does not end', this.i + 1);
      this.moveTo(end);
      return scalar(pos, end);
    }
    if (c === '|' || c === '>') {
      let end = this.ends[this.i]!;
      this.i++;
      while (this.i < this.count) {
        const blank = this.blanks[this.i] === 1;
        if (!blank && this.indents[this.i]! <= parent) break;
        if (!blank) end = this.ends[this.i]!;
        this.i++;
      }
      return scalar(pos, end);
    }
    // A plain scalar (or an alias): to the end of the line, and on lines indented more.
    let end = this.plainEnd(pos, this.ends[this.i]!);
    this.i++;
    while (this.i < this.count && !this.empties[this.i] && this.indents[this.i]! > parent) {
      const next = this.contentStart(this.i);
      if (this.keyAt(next) || this.isDash(next, this.ends[this.i]!)) break;
      end = this.plainEnd(next, this.ends[this.i]!);
      this.i++;
    }
    return scalar(pos, end);
  }

  /** The end of a plain scalar on a line: before a comment and trailing spaces and tabs. */
  private plainEnd(pos: number, end: number): number {
    let e = end;
    for (let p = pos; p < end; p++) {
      if (this.text.charCodeAt(p) === HASH && p > pos && isBlank(this.text.charCodeAt(p - 1))) {
        e = p;
        break;
      }
    }
    while (e > pos && isBlank(this.text.charCodeAt(e - 1))) e--;
    return e;
  }

  /** Moves the line cursor past the line that holds `offset` (the end of a value: only a comment may follow). */
  private moveTo(offset: number): void {
    while (this.i < this.count - 1 && this.ends[this.i]! < offset) this.i++;
    if (!this.isRestEmpty(offset, this.ends[this.i]!)) throw new OutlineError('text after a value on its line', this.i + 1);
    this.i++;
  }

  /** A key at `pos` (plain or quoted, then a colon), with where its value starts. */
  private keyAt(pos: number): { key: string; after: number } | undefined {
    const text = this.text;
    const end = this.ends[this.i]!;
    const c = text[pos];
    if (c === '?' && (pos + 1 >= end || isBlank(text.charCodeAt(pos + 1)))) throw new OutlineError('a complex key (? ...)', this.i + 1);
    if (c === '"' || c === "'") {
      const close = quotedEnd(text, pos);
      if (close < 0 || close > end) return undefined;
      let p = close;
      while (p < end && isBlank(text.charCodeAt(p))) p++;
      if (text.charCodeAt(p) !== COLON || (p + 1 < end && !isBlank(text.charCodeAt(p + 1)))) return undefined;
      return { key: unquote(text.slice(pos, close)), after: p + 1 };
    }
    if (c === undefined || '[]{}#&*!|>%@`,'.includes(c) || this.isDash(pos, end)) return undefined;
    for (let p = pos; p < end; p++) {
      const code = text.charCodeAt(p);
      if (code === HASH && isBlank(text.charCodeAt(p - 1))) return undefined;
      if (code === COLON && (p + 1 >= end || isBlank(text.charCodeAt(p + 1)))) {
        let e = p;
        while (e > pos && isBlank(text.charCodeAt(e - 1))) e--;
        return { key: text.slice(pos, e), after: p + 1 };
      }
    }
    return undefined;
  }
}

function scalar(start: number, end: number): SourceNode {
  return { kind: 'scalar', start, end, flow: true, entries: [], items: [] };
}

/** A flow collection ({...} or [...]), over as many lines as it takes. */
class Flow {
  constructor(
    private readonly text: string,
    private at: number,
  ) {}

  node(): SourceNode {
    this.space();
    const start = this.at;
    const open = this.text[this.at];
    if (open === '{' || open === '[') {
      this.at++;
      const close = open === '{' ? '}' : ']';
      const entries: Array<{ key: string; keyStart: number; value: SourceNode }> = [];
      const items: SourceNode[] = [];
      for (;;) {
        this.space();
        if (this.text[this.at] === close) {
          this.at++;
          break;
        }
        if (this.at >= this.text.length) throw new OutlineError('a flow collection that does not end', lineAt(this.text, start));
        if (open === '{') {
          const keyStart = this.at;
          const key = this.node();
          this.space();
          if (this.text[this.at] !== ':') throw new OutlineError('a flow mapping entry without a colon', lineAt(this.text, this.at));
          this.at++;
          entries.push({ key: scalarText(this.text, key), keyStart, value: this.node() });
        } else items.push(this.node());
        this.space();
        if (this.text[this.at] === ',') this.at++;
      }
      return { kind: open === '{' ? 'map' : 'seq', start, end: this.at, flow: true, entries, items };
    }
    if (open === '"' || open === "'") {
      const end = quotedEnd(this.text, this.at);
      if (end < 0) throw new OutlineError('a quoted scalar that does not end', lineAt(this.text, start));
      this.at = end;
      return scalar(start, end);
    }
    // A plain scalar: up to a flow indicator, or ": ".
    const text = this.text;
    while (this.at < text.length) {
      const ch = text[this.at]!;
      if (ch === ',' || ch === ']' || ch === '}' || ch === '\n') break;
      if (ch === ':' && /[\s,\]}]/.test(text[this.at + 1] ?? ' ')) break;
      if (ch === '#' && /\s/.test(text[this.at - 1] ?? ' ')) break;
      this.at++;
    }
    let end = this.at;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return scalar(start, end);
  }

  private space(): void {
    for (;;) {
      while (/\s/.test(this.text[this.at] ?? '')) this.at++;
      if (this.text[this.at] !== '#') return;
      while (this.at < this.text.length && this.text.charCodeAt(this.at) !== NEWLINE) this.at++;
    }
  }
}

/** A scalar's text as a string: quoted ones unquoted (enough for keys and $refs), plain ones as written. */
export function scalarText(text: string, node: SourceNode): string {
  const raw = text.slice(node.start, node.end);
  return raw[0] === '"' || raw[0] === "'" ? unquote(raw) : raw.replace(/\s*\n\s*/g, ' ');
}

/** Where a quoted scalar starting at `pos` ends (after its closing quote); -1 when it does not. */
function quotedEnd(text: string, pos: number): number {
  const quote = text[pos];
  let i = pos + 1;
  while (i < text.length) {
    const c = text[i];
    if (quote === '"' && c === '\\') i += 2;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return -1;
}

/** A quoted scalar's value (multi-line ones folded as YAML does, roughly: enough for keys and $refs). */
function unquote(quoted: string): string {
  const body = quoted.slice(1, -1).replace(/\s*\n\s*/g, ' ');
  if (quoted[0] === "'") return body.replace(/''/g, "'");
  if (!body.includes('\\')) return body;
  try {
    return JSON.parse(`"${body.replace(/\\\//g, '/').replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')}"`) as string;
  } catch {
    return body;
  }
}

function lineAt(text: string, pos: number): number {
  return text.slice(0, pos).split('\n').length;
}
