// A spec file as text with the place of every value in it, so that narrowing can change a few
// values and leave every other byte as it was. JSON is read here; YAML by yaml-outline.ts (js-yaml,
// values and places from one parse).
import { lineAt, OutlineError, readYaml, YamlError } from './yaml-outline.ts';

export interface SourceNode {
  readonly kind: 'map' | 'seq' | 'scalar';
  /** Where the value's text starts and ends (trailing blank lines and comments left out). */
  readonly start: number;
  readonly end: number;
  /** Written `{...}` / `[...]` (JSON, YAML flow style), or a scalar; else YAML block style. */
  readonly flow: boolean;
  /** A map's members, in order, with where each key starts (and a YAML anchor on the key, `&k key: v`). */
  readonly entries: ReadonlyArray<{ readonly key: string; readonly keyStart: number; readonly keyAnchor?: { readonly name: string; readonly at: number }; readonly value: SourceNode }>;
  readonly items: readonly SourceNode[];
  /** A YAML anchor defined on this value (`key: &name value`): its name, and where the `&` is. */
  readonly anchor?: { readonly name: string; readonly at: number };
}

export interface Source {
  /**
   * The text, without a byte order mark, each lone CR (a line end of old Mac files) read as LF:
   * the same offsets as the file's text, and lines counted one way.
   */
  readonly text: string;
  /** The text as the file has it (without the byte order mark): what is written is made from this. */
  readonly raw: string;
  /** The file started with a byte order mark (U+FEFF): what is written from it does too. */
  readonly bom: boolean;
  /** The file's line end (of its first line): what narrowing writes uses it too. */
  readonly eol: '\n' | '\r\n' | '\r';
  readonly format: 'json' | 'yaml';
  readonly root: SourceNode;
  /** The document as data. */
  readonly data: unknown;
  /** YAML: every anchor (`&name`) and alias (`*name`) of the file, by name and where its `&` or `*` is (with places only). */
  readonly shared?: { readonly anchors: readonly Anchor[]; readonly aliases: readonly Anchor[] };
}

export interface Anchor {
  readonly name: string;
  readonly at: number;
}

/** A parse error, where it is. `cannot-narrow`: the file is read, but narrow cannot place its changes in it. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
    readonly kind: 'unreadable' | 'cannot-narrow' = 'unreadable',
  ) {
    super(message);
  }
}

/** The places of a file that narrowing does not change: none. */
const NOWHERE: SourceNode = { kind: 'scalar', start: 0, end: 0, flow: true, entries: [], items: [] };

/** Nesting no spec needs, and that would overflow the stack. */
const MAX_DEPTH = 1000;

/** A file read: its values, and (with `places`) where each is written. */
export function readSource(file: string, format: 'json' | 'yaml', places = true): Source {
  const bom = file.charCodeAt(0) === 0xfeff;
  const raw = bom ? file.slice(1) : file;
  const text = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  const eol = (/\r\n|\n|\r/.exec(raw)?.[0] ?? '\n') as Source['eol'];
  if (format === 'json') {
    // Scanned also when nothing is changed: a key written twice is refused (JSON.parse keeps the last).
    const root = new JsonScanner(text).document();
    const data = JSON.parse(text) as unknown;
    if (places) conformOrRefuse(root, data, text, 'JSON');
    return { text, raw, bom, eol, format, root: places ? root : NOWHERE, data };
  }
  let read;
  try {
    read = readYaml(text, places);
  } catch (error) {
    if (error instanceof YamlError) throw new SourceError(error.message, error.line, error.col);
    if (error instanceof OutlineError) throw new SourceError(`narrow cannot place its changes in this YAML: ${error.message}`, error.line, 1, 'cannot-narrow');
    throw error;
  }
  if (read.root) conformOrRefuse(read.root, read.data, text, 'YAML');
  return { text, raw, bom, eol, format, root: read.root ?? NOWHERE, data: read.data, ...(read.shared ? { shared: read.shared } : {}) };
}

function conformOrRefuse(root: SourceNode, data: unknown, text: string, format: string): void {
  try {
    conform(root, data, text);
  } catch (error) {
    if (error instanceof OutlineError) throw new SourceError(`narrow cannot place its changes in this ${format}: ${error.message}`, error.line, 1, 'cannot-narrow');
    throw error;
  }
}

/** A map's entry by key (indexed once per map). */
export function entryOf(node: SourceNode, key: string): SourceNode['entries'][number] | undefined {
  if (node.kind !== 'map') return undefined;
  let index = indexes.get(node);
  if (!index) {
    index = new Map(node.entries.map((e) => [e.key, e]));
    indexes.set(node, index);
  }
  return index.get(key);
}
const indexes = new WeakMap<SourceNode, Map<string, SourceNode['entries'][number]>>();

/**
 * Checks that the places read from the text are those of the values the parser read: the same
 * keys in each mapping, the same length of each sequence. A change is then written where the
 * value it replaces is. An alias (*a) stands for any value; a merge key (<<) for more keys.
 */
function conform(root: SourceNode, data: unknown, text: string): void {
  const path: string[] = [];
  const check = (node: SourceNode, value: unknown): void => {
    const fail = (what: string) => {
      throw new OutlineError(`at ${path.join('.') || 'the top'} ${what}`, text.slice(0, node.start).split('\n').length);
    };
    if (node.kind === 'scalar') {
      if (typeof value === 'object' && value !== null && text.charCodeAt(node.start) !== 42 /* * */) fail('a mapping or sequence where the outline read a scalar');
      return;
    }
    if (node.kind === 'seq') {
      if (!Array.isArray(value) || value.length !== node.items.length) return fail('a sequence of another length');
      for (let i = 0; i < node.items.length; i++) {
        path.push(String(i));
        check(node.items[i]!, value[i]);
        path.pop();
      }
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('no mapping where the outline read one');
    let merged = false;
    for (const entry of node.entries) {
      if (entry.key === '<<') {
        merged = true;
        continue;
      }
      if (!Object.hasOwn(value, entry.key)) fail(`no key ${JSON.stringify(entry.key)} where the outline read one`);
      path.push(entry.key);
      check(entry.value, (value as Record<string, unknown>)[entry.key]);
      path.pop();
    }
    if (!merged && Object.keys(value).length !== node.entries.length) fail('keys the outline did not read');
  };
  check(root, data);
}

/** A JSON reader that keeps where each value is. */
class JsonScanner {
  private at = 0;
  constructor(private readonly text: string) {}

  document(): SourceNode {
    const node = this.value();
    this.space();
    if (this.at < this.text.length) this.fail('unexpected text after the document');
    return node;
  }

  private depth = 0;

  private value(): SourceNode {
    if (++this.depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    try {
      return this.node();
    } finally {
      this.depth--;
    }
  }

  private node(): SourceNode {
    this.space();
    const start = this.at;
    const c = this.text[this.at];
    if (c === '{') {
      const entries: Array<{ key: string; keyStart: number; value: SourceNode }> = [];
      const keys = new Map<string, number>();
      this.members('}', () => {
        this.space();
        const keyStart = this.at;
        if (this.text[this.at] !== '"') this.fail('expected a key in quotes');
        const key = JSON.parse(this.text.slice(keyStart, this.stringEnd())) as string;
        // JSON.parse keeps the last of two equal keys, the engines refuse them: so does this.
        const first = keys.get(key);
        if (first !== undefined) this.fail(`the key ${JSON.stringify(key)} is written twice in one object (first at line ${lineAt(this.text, first)})`, keyStart);
        keys.set(key, keyStart);
        this.space();
        this.expect(':');
        entries.push({ key, keyStart, value: this.value() });
      });
      return { kind: 'map', start, end: this.at, flow: true, entries, items: [] };
    }
    if (c === '[') {
      const items: SourceNode[] = [];
      this.members(']', () => items.push(this.value()));
      return { kind: 'seq', start, end: this.at, flow: true, entries: [], items };
    }
    const end = c === '"' ? this.stringEnd() : this.literalEnd();
    return { kind: 'scalar', start, end, flow: true, entries: [], items: [] };
  }

  /** The members of an object or array, from its opening bracket to `close`, each read by `member`. */
  private members(close: '}' | ']', member: () => void): void {
    this.at++;
    this.space();
    if (this.text[this.at] === close) {
      this.at++;
      return;
    }
    for (;;) {
      member();
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] === close) {
        this.at++;
        return;
      } else this.fail(`expected , or ${close}`);
    }
  }

  private stringEnd(): number {
    let i = this.at + 1;
    while (i < this.text.length && this.text[i] !== '"') i += this.text[i] === '\\' ? 2 : 1;
    if (i >= this.text.length) this.fail('a string does not end');
    this.at = i + 1;
    return this.at;
  }

  private literalEnd(): number {
    const match = /^(-?\d[\d.eE+-]*|true|false|null)/.exec(this.text.slice(this.at, this.at + 400));
    if (!match) this.fail('expected a value');
    this.at += match![0].length;
    return this.at;
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  private expect(c: string): void {
    if (this.text[this.at] !== c) this.fail(`expected ${c}`);
    this.at++;
  }

  private fail(message: string, at = this.at): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    throw new SourceError(message, line, at - before.lastIndexOf('\n'));
  }
}
