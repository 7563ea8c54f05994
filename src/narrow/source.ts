// A spec file as text with the place of every value in it, so that narrowing can change a few
// values and leave every other byte as it was. JSON is read here; YAML through the `yaml`
// package (passed in: the package itself depends on nothing), into the same shape.

export interface SourceNode {
  readonly kind: 'map' | 'seq' | 'scalar';
  /** Where the value's text starts and ends (trailing blank lines and comments left out). */
  readonly start: number;
  readonly end: number;
  /** Written `{...}` / `[...]` (JSON, YAML flow style), or a scalar; else YAML block style. */
  readonly flow: boolean;
  /** A map's members, in order, with where each key starts. */
  readonly entries: ReadonlyArray<{ readonly key: string; readonly keyStart: number; readonly value: SourceNode }>;
  readonly items: readonly SourceNode[];
  /** A scalar's value. */
  readonly value?: unknown;
}

export interface Source {
  readonly text: string;
  readonly format: 'json' | 'yaml';
  readonly root: SourceNode;
  /** The document as data. */
  readonly data: unknown;
}

/** What this module needs of the `yaml` package. */
export interface YamlModule {
  parseDocument(text: string, options?: Record<string, unknown>): {
    contents: unknown;
    errors: ReadonlyArray<{ message: string; linePos?: ReadonlyArray<{ line: number; col: number }> }>;
    toJS(options?: Record<string, unknown>): unknown;
  };
  stringify(value: unknown, options?: Record<string, unknown>): string;
  isMap(node: unknown): boolean;
  isSeq(node: unknown): boolean;
  isScalar(node: unknown): boolean;
}

/** A parse error, where it is. */
export class SourceError extends Error {
  constructor(message: string, readonly line: number, readonly col: number) {
    super(message);
  }
}

/** Aliases a YAML file may expand: enough for any spec, far too few for an alias bomb. */
const MAX_ALIASES = 1000;
/** Nesting no spec needs, and that would overflow the stack. */
const MAX_DEPTH = 1000;

export function readSource(text: string, format: 'json' | 'yaml', yaml?: YamlModule): Source {
  if (format === 'json') {
    const root = new JsonScanner(text).document();
    return { text, format, root, data: JSON.parse(text) as unknown };
  }
  if (!yaml) throw new Error('reading YAML needs the `yaml` package');
  const doc = yaml.parseDocument(text, { maxAliasCount: MAX_ALIASES, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) throw new SourceError(error.message.split('\n')[0] ?? 'not YAML', error.linePos?.[0]?.line ?? 1, error.linePos?.[0]?.col ?? 1);
  const data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  return { text, format, root: fromYaml(doc.contents, text, yaml), data };
}

/** The yaml package's node as a SourceNode. */
function fromYaml(node: unknown, text: string, yaml: YamlModule): SourceNode {
  const n = node as { range?: [number, number, number]; flow?: boolean; items?: unknown[]; value?: unknown };
  const [start = 0, end = 0] = n?.range ?? [];
  const trimmed = trimEnd(text, start, end);
  if (yaml.isMap(node)) {
    const entries = (n.items ?? []).map((item) => {
      const pair = item as { key: { value?: unknown; range?: [number, number, number] } | null; value: unknown };
      const key = pair.key;
      return { key: String(key?.value ?? ''), keyStart: key?.range?.[0] ?? start, value: fromYaml(pair.value, text, yaml) };
    });
    return { kind: 'map', start, end: trimmed, flow: n.flow === true, entries, items: [] };
  }
  if (yaml.isSeq(node)) {
    return { kind: 'seq', start, end: trimmed, flow: n.flow === true, entries: [], items: (n.items ?? []).map((i) => fromYaml(i, text, yaml)) };
  }
  return { kind: 'scalar', start, end: trimmed, flow: true, entries: [], items: [], value: yaml.isScalar(node) ? n.value : undefined };
}

/** The end of a value's text, before trailing blanks and comments. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && /\s/.test(text[e - 1]!)) e--;
    const lineStart = text.lastIndexOf('\n', e - 1) + 1;
    const line = text.slice(Math.max(lineStart, start), e);
    if (lineStart > start && /^\s*#/.test(line)) {
      e = lineStart;
      continue;
    }
    return e;
  }
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
      this.at++;
      const entries: Array<{ key: string; keyStart: number; value: SourceNode }> = [];
      this.space();
      if (this.text[this.at] === '}') this.at++;
      else {
        for (;;) {
          this.space();
          const keyStart = this.at;
          if (this.text[this.at] !== '"') this.fail('expected a key in quotes');
          const key = JSON.parse(this.text.slice(keyStart, this.stringEnd())) as string;
          this.space();
          this.expect(':');
          entries.push({ key, keyStart, value: this.value() });
          this.space();
          if (this.text[this.at] === ',') this.at++;
          else if (this.text[this.at] === '}') {
            this.at++;
            break;
          } else this.fail('expected , or }');
        }
      }
      return { kind: 'map', start, end: this.at, flow: true, entries, items: [] };
    }
    if (c === '[') {
      this.at++;
      const items: SourceNode[] = [];
      this.space();
      if (this.text[this.at] === ']') this.at++;
      else {
        for (;;) {
          items.push(this.value());
          this.space();
          if (this.text[this.at] === ',') this.at++;
          else if (this.text[this.at] === ']') {
            this.at++;
            break;
          } else this.fail('expected , or ]');
        }
      }
      return { kind: 'seq', start, end: this.at, flow: true, entries: [], items };
    }
    const end = c === '"' ? this.stringEnd() : this.literalEnd();
    return { kind: 'scalar', start, end, flow: true, entries: [], items: [], value: JSON.parse(this.text.slice(start, end)) as unknown };
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

  private fail(message: string): never {
    const before = this.text.slice(0, this.at);
    const line = before.split('\n').length;
    throw new SourceError(message, line, this.at - before.lastIndexOf('\n'));
  }
}
