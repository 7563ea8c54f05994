// A YAML spec file read as both engines read it, with where each value is written. The parser is
// js-yaml, pinned by the package (a dependency, exact version): Redocly CLI 2 reads with js-yaml 5
// and this schema (the core schema with merge keys, no timestamps), Spectral with @stoplight/yaml,
// which applies merge keys too. One parse gives both: js-yaml's events carry the source offsets
// of every scalar, alias, anchor and collection, the values are constructed from the same events,
// and this file turns the offsets into the outline narrowing places its changes by. Whatever YAML
// the parser reads (directives, flow style, tabs in block scalars, explicit keys, properties on
// keys, any line ends) has its places; what a change cannot be written into is refused where the
// change is made (apply-text.ts).
//
// Measured on the 5.5 MB synthetic spec of bench/synthetic-spec.js (5000 operations), Node 20, one
// process, medians of 5 interleaved runs on a loaded 2-core machine, values and places together:
// this (js-yaml 5.5's events: parse, values, outline, and source.ts's check of the two) 1050 ms,
// values alone 667 ms; js-yaml 5.5's load and the hand-written outline this replaced 1004 ms;
// js-yaml 4.3's load and that outline 576 ms (values alone 307 ms); the `yaml` package's
// parseDocument (values and node ranges) 4065 ms. js-yaml 4 is faster, but it is not what Redocly
// CLI 2 reads with (openapi-core 2 depends on js-yaml 5), and the hand-written outline refused
// valid YAML (directives, tabs in block scalars, flow-style files, properties on keys, explicit
// keys, CR line ends) and could read another structure than the parser: the library's own places
// win while the whole command stays under `redocly bundle` (npm run bench -- --only narrow: 0.88x).
import {
  binaryTag,
  boolCoreTag,
  COLLECTION_STYLE,
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  mergeTag,
  NOT_RESOLVED,
  nullCoreTag,
  omapTag,
  pairsTag,
  parseEvents,
  SCALAR_STYLE,
  setTag,
  type Event,
} from 'js-yaml';
import type { Anchor, SourceNode } from './source.ts';

/** The schema Redocly CLI 2 reads specs with (openapi-core's parseYaml): the core schema, merge keys, no timestamps. */
const ENGINES = CORE_SCHEMA.withTags(mergeTag, binaryTag, omapTag, pairsTag, setTag);

/** A place narrowing cannot follow, and its line. */
export class OutlineError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

/** Invalid YAML (or more than the one document a spec is), where the parser stopped. */
export class YamlError extends Error {
  constructor(message: string, readonly line: number, readonly col: number) {
    super(message);
  }
}

/** The document's values; with `places`, also where each is written and where its anchors and aliases are (undefined without). */
export function readYaml(text: string, places: boolean): { data: unknown; root: SourceNode | undefined; shared?: { anchors: Anchor[]; aliases: Anchor[] } } {
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, {});
    documents = constructFromEvents(events, { source: text, schema: ENGINES });
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    throw new YamlError(reason ?? 'not YAML', (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1);
  }
  if (documents.length > 1) throw new YamlError('more than one YAML document in the file: a spec is one document', secondDocumentLine(text, events), 1);
  if (!places) return { data: documents[0], root: undefined };
  const outline = new Outline(text);
  return { data: documents[0], root: outline.build(events), shared: { anchors: outline.anchors, aliases: outline.aliases } };
}

/** A document's values only (narrow's check of what it would write). */
export function loadYaml(text: string): unknown {
  return readYaml(text, false).data;
}

const { DOCUMENT, SEQUENCE, MAPPING, SCALAR, ALIAS, POP } = EVENT_ID;
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;

/** A collection being read: its members so far, and the key waiting for its value. */
interface Open {
  readonly map: boolean;
  readonly start: number;
  readonly flow: boolean;
  readonly anchor: SourceNode['anchor'];
  /** A map's entries, or a sequence's items. */
  readonly members: unknown[];
  /** A map's key read, waiting for its value (undefined: the next node is a key). */
  key: string | undefined;
  keyStart: number;
  keyAnchor: SourceNode['anchor'];
}

type Entry = SourceNode['entries'][number];
type ScalarEvent = Extract<Event, { type: typeof SCALAR }>;

class Outline {
  /** Where the last thing read ends: a value without text of its own (an empty one, a block scalar's header) is found after it. */
  private cursor = 0;
  private readonly open: Open[] = [];
  /** The collection being read (the last of `open`). */
  private top: Open | undefined;
  private root: SourceNode | undefined;
  /** Every anchor defined and alias used, in the order of the text. */
  readonly anchors: Anchor[] = [];
  readonly aliases: Anchor[] = [];

  constructor(private readonly text: string) {}

  build(events: readonly Event[]): SourceNode {
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      switch (event.type) {
        case MAPPING:
        case SEQUENCE: {
          const open: Open = { map: event.type === MAPPING, start: event.start, flow: event.style === COLLECTION_STYLE.FLOW, anchor: this.anchorOf(event), members: [], key: undefined, keyStart: 0, keyAnchor: undefined };
          this.open.push(open);
          this.top = open;
          this.cursor = event.start + 1;
          break;
        }
        case POP: {
          const open = this.open.pop();
          this.top = this.open[this.open.length - 1];
          if (open) this.close(open);
          break;
        }
        case ALIAS: {
          // The alias is `*name`; the event gives the name.
          const node = scalar(event.anchorStart - 1, event.anchorEnd);
          this.aliases.push({ name: this.text.slice(event.anchorStart, event.anchorEnd), at: node.start });
          this.cursor = event.anchorEnd;
          if (this.top?.map && this.top.key === undefined) throw new OutlineError(`an alias (${this.text.slice(node.start, node.end)}) as a key`, this.lineOf(node.start));
          this.add(node);
          break;
        }
        case SCALAR:
          this.scalar(event);
          break;
      }
    }
    return this.root ?? scalar(this.text.length, this.text.length);
  }

  private scalar(event: ScalarEvent): void {
    const { style, valueStart, valueEnd } = event;
    if (event.anchorEnd > this.cursor) this.cursor = event.anchorEnd;
    if (event.tagEnd > this.cursor) this.cursor = event.tagEnd;
    // Where its text starts and ends: quotes and a block scalar's header in, trailing line breaks and comments out.
    let start: number;
    let end: number;
    if (valueStart < 0) {
      // No text (`key:`, `- `): the place after the indicator, on its line.
      start = this.skipSpace(this.cursor);
      const c = this.text[start];
      if ((c === ':' || c === '-' || c === '?') && this.isBlankOrEnd(start + 1)) start++;
      while (this.isBlankAt(start)) start++;
      end = start;
    } else if (style === SCALAR_STYLE.PLAIN) {
      start = valueStart;
      end = valueEnd;
    } else if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) {
      start = valueStart - 1;
      end = valueEnd + 1;
    } else {
      // A block scalar (| or >): from its header, to the end of its last line that holds text.
      start = this.skipSpace(this.cursor);
      const c = this.text[start];
      if ((c === ':' || c === '-' || c === '?') && this.isBlankOrEnd(start + 1)) start = this.skipSpace(start + 1);
      if (this.text[start] !== '|' && this.text[start] !== '>') throw new OutlineError('a block scalar whose header narrow cannot find', this.lineOf(valueStart));
      let header = start + 1;
      while (/[0-9+-]/.test(this.text[header] ?? '')) header++;
      end = valueEnd;
      while (end > valueStart && /\s/.test(this.text[end - 1]!)) end--;
      if (end < header) end = header;
    }
    const anchor = this.anchorOf(event);
    this.cursor = end;
    const top = this.top;
    if (top?.map && top.key === undefined) {
      top.key = style === SCALAR_STYLE.PLAIN && event.tagStart < 0 ? plainKey(getScalarValue(this.text, event)) : getScalarValue(this.text, event);
      top.keyStart = this.keyStart(event, start);
      top.keyAnchor = anchor;
      return;
    }
    this.add(scalar(start, end, anchor));
  }

  /** A node read: the root, an item, or a key's value. */
  private add(node: SourceNode): void {
    const top = this.top;
    if (!top) this.root = node;
    else if (!top.map) top.members.push(node);
    else {
      const entry: Entry = top.keyAnchor ? { key: top.key!, keyStart: top.keyStart, keyAnchor: top.keyAnchor, value: node } : { key: top.key!, keyStart: top.keyStart, value: node };
      top.members.push(entry);
      top.key = undefined;
    }
  }

  private close(open: Open): void {
    let end: number;
    if (open.flow) {
      // The closing bracket, after the last member (and a comma, comments, an empty value's colon).
      const close = open.map ? '}' : ']';
      let p = this.cursor;
      for (;;) {
        p = this.skipSpace(p);
        const c = this.text[p];
        if (c === ',' || c === ':' || c === '?') p++;
        else break;
      }
      if (this.text[p] !== close) throw new OutlineError(`a flow ${open.map ? 'mapping' : 'sequence'} whose end narrow cannot find`, this.lineOf(open.start));
      end = p + 1;
    } else {
      const last = open.members[open.members.length - 1] as Entry | SourceNode | undefined;
      end = last === undefined ? open.start : open.map ? (last as Entry).value.end : (last as SourceNode).end;
    }
    const entries = open.map ? (open.members as Entry[]) : NONE;
    const items = open.map ? NONE : (open.members as SourceNode[]);
    const node: SourceNode = open.anchor
      ? { kind: open.map ? 'map' : 'seq', start: open.start, end, flow: open.flow, entries, items, anchor: open.anchor }
      : { kind: open.map ? 'map' : 'seq', start: open.start, end, flow: open.flow, entries, items };
    this.cursor = end;
    if (this.top?.map && this.top.key === undefined) throw new OutlineError(`a ${open.map ? 'mapping' : 'sequence'} as a key`, this.lineOf(open.start));
    this.add(node);
  }

  /** Where a key starts: its anchor or tag, and the `?` of an explicit key, included. */
  private keyStart(event: ScalarEvent, start: number): number {
    let at = start;
    if (event.anchorStart >= 0) at = Math.min(at, event.anchorStart - 1);
    if (event.tagStart >= 0) at = Math.min(at, event.tagStart);
    let p = at - 1;
    while (p >= 0 && this.isBlankAt(p)) p--;
    if (this.text[p] === '?' && (p === 0 || /[\s{[,]/.test(this.text[p - 1]!))) return p;
    return at;
  }

  private anchorOf(event: { anchorStart: number; anchorEnd: number }): SourceNode['anchor'] {
    if (event.anchorStart < 0) return undefined;
    const anchor = { name: this.text.slice(event.anchorStart, event.anchorEnd), at: event.anchorStart - 1 };
    this.anchors.push(anchor);
    return anchor;
  }

  /** Past spaces, tabs, line breaks and comments. */
  private skipSpace(p: number): number {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === SPACE || c === TAB || c === LF || c === CR) p++;
      else if (c === HASH) {
        while (p < text.length && text.charCodeAt(p) !== LF && text.charCodeAt(p) !== CR) p++;
      } else return p;
    }
  }

  private isBlankAt(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return c === SPACE || c === TAB;
  }

  private isBlankOrEnd(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return p >= this.text.length || c === SPACE || c === TAB || c === LF || c === CR;
  }

  private lineOf(offset: number): number {
    return lineAt(this.text, offset);
  }
}

/** The core schema's scalars a plain key may be, in the order it tries them. */
const IMPLICIT = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

/** A plain key as the parser keys the value: what it resolves to, as a string (`~` is "null", `0x10` is "16"). */
function plainKey(text: string): string {
  // Most keys are words, and a status code reads as itself: nothing to resolve.
  if (!/^(?:[-+.~0-9]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/.test(text) || /^[1-9][0-9]{0,14}$/.test(text)) return text;
  for (const tag of IMPLICIT) {
    const value = tag.resolve(text, false, tag.tagName);
    if (value !== NOT_RESOLVED) return String(value);
  }
  return text;
}

/** The members of every scalar: none (one array for all, a spec has hundreds of thousands of scalars). */
const NONE: readonly never[] = Object.freeze([]);

function scalar(start: number, end: number, anchor?: SourceNode['anchor']): SourceNode {
  return anchor ? { kind: 'scalar', start, end, flow: true, entries: NONE, items: NONE, anchor } : { kind: 'scalar', start, end, flow: true, entries: NONE, items: NONE };
}

/** The line of the second document's start (`---` after the first document's content). */
function secondDocumentLine(text: string, events: readonly Event[]): number {
  let last = 0;
  let documents = 0;
  for (const event of events) {
    if (event.type === DOCUMENT && ++documents === 2) break;
    if ('valueEnd' in event) last = Math.max(last, event.valueEnd);
    else if ('start' in event) last = Math.max(last, event.start);
  }
  const marker = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  marker.lastIndex = last;
  const found = marker.exec(text);
  return lineAt(text, found ? found.index : last);
}

/** A scalar's text as a string: quoted ones unquoted (enough for $refs), plain ones as written. */
export function scalarText(text: string, node: SourceNode): string {
  const raw = text.slice(node.start, node.end);
  return raw[0] === '"' || raw[0] === "'" ? unquote(raw) : raw.replace(/\s*\n\s*/g, ' ');
}

/** A quoted scalar's value (multi-line ones folded as YAML does, roughly: enough for $refs). */
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

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let p = text.indexOf('\n'); p >= 0 && p < offset; p = text.indexOf('\n', p + 1)) line++;
  return line;
}
