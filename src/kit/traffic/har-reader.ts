// Reads a HAR 1.2 file ({"log": {"entries": [...]}}) from a stream of byte chunks, one entry at a
// time, in memory bounded by the largest entry rather than the file. A scanner follows the
// document's skeleton (the top-level object, `log`, `log.entries`) byte by byte; every value in it
// (each entry, and `log.version`, `log.creator`, `log.pages` and the like) is cut out whole
// (value-cut.ts: only strings and brackets tracked, string contents jumped over with indexOf), then
// decoded as UTF-8 strictly and parsed with JSON.parse, which validates it.
//
// Why hand-written rather than a streaming parser such as stream-json 3.9 (measured on this
// machine, Node 20, a 238 MB HAR of 50,000 entries written by bench/traffic-har.js, 1 MiB chunks,
// entries only counted): this reader 1.6 s and 128 MB peak RSS; stream-json's parser, pick and
// streamArray 17.1 s and 188 MB; JSON.parse of the whole file 3.2 s and 506 MB. A token-level
// parser builds every string of every body piece by piece, where this one builds each entry once
// with JSON.parse. Nothing here touches Node: the chunks come from the caller.
import { clip, concat, utf8Length, utf8Text } from '../../lib/bytes.ts';
import { MAX_ENTRY_BYTES, MAX_ENTRY_TEXT, MAX_ENTRY_VALUES, MAX_ENTRY_VALUES_TEXT, TrafficInputError } from './input-error.ts';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, isSpace, NEWLINE, NextByte, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-bytes.ts';
import { ValueCut } from './value-cut.ts';

/** One entry of log.entries, parsed. */
export interface HarEntryRead {
  /** Its index in log.entries (0-based, as `.log.entries[12]` names it). */
  readonly index: number;
  readonly value: unknown;
}

const BOM = [0xef, 0xbb, 0xbf];

const enum State {
  /** Before the document. */
  Start,
  /** After `{` of an object the scanner walks: a member name or `}`. */
  ObjectFirst,
  /** After `,` in such an object: a member name. */
  ObjectKey,
  /** Inside a member name. */
  Key,
  Colon,
  /** After `:`: the member's value. */
  Value,
  /** After a member: `,` or `}`. */
  ObjectNext,
  /** After `[` of log.entries: an entry or `]`. */
  ArrayFirst,
  /** After `,` in log.entries: an entry. */
  ArrayValue,
  /** After an entry: `,` or `]`. */
  ArrayNext,
  /** Inside a value being cut out. */
  Capture,
  /** After the document: only white space. */
  Done,
}

type Frame = 'root' | 'log' | 'entries';

/** The longest member name of the skeleton read: far above any real one. */
const MAX_KEY_BYTES = 64 * 1024;

export class HarReader {
  private state = State.Start;
  private readonly stack: Frame[] = [];
  private key = '';
  private keyParts: Uint8Array[] = [];
  private keyLength = 0;
  private sawLog = false;
  private sawEntries = false;
  /** Entries read so far. */
  private count = 0;

  /** A member name being read (its escapes: the value cut does its own). */
  private escaped = false;

  // The value being cut out (none between values: its bytes are not held past it), and where it starts.
  private cut: ValueCut | undefined;
  private captureLine = 1;
  private captureColumn = 1;
  private captureRole: 'entry' | 'other' = 'other';
  private readonly backslashes = new NextByte(BACKSLASH);
  private readonly newlines = new NextByte(NEWLINE);

  // Where the scanner is: the offset of the current chunk in the input, and lines counted lazily.
  private chunkStart = 0;
  private chunk: Uint8Array = new Uint8Array(0);
  private linesCountedTo = 0;
  private line = 1;
  private lineStart = 0;
  private sawBytes = false;
  /** Bytes of a byte order mark read at the start (3 for a whole one). */
  private bom = 0;

  constructor(private readonly maxEntryBytes = MAX_ENTRY_BYTES) {}

  /** How many entries were read. */
  get entries(): number {
    return this.count;
  }

  /**
   * The entries completed by this chunk. Throws a TrafficInputError when the input is not a HAR
   * (not JSON, not UTF-8, no log.entries, an entry larger than the limit). The caller must not
   * change a chunk after giving it (parts of it are kept until their entry is complete).
   */
  *push(chunk: Uint8Array): Generator<HarEntryRead> {
    this.chunk = chunk;
    this.linesCountedTo = 0;
    let i = 0;
    const n = chunk.length;
    if (n > 0) this.sawBytes = true;
    while (i < n) {
      if (this.state === State.Capture) {
        const start = i;
        i = this.cut!.scan(chunk, i, this.backslashes);
        const end = i < 0 ? n : i;
        this.keep(chunk, start, end);
        if (i < 0) break;
        const entry = this.finishCapture();
        if (entry) yield entry;
        continue;
      }
      const b = chunk[i]!;
      if (this.state === State.Key) {
        i = this.scanKey(chunk, i);
        continue;
      }
      // White space, and a byte order mark at the start (some Windows tools write one), in whatever chunks it comes.
      if (this.state === State.Start && this.chunkStart + i < 3 && b === BOM[this.chunkStart + i]) {
        this.bom++;
        i++;
        continue;
      }
      if (isSpace(b)) {
        i++;
        continue;
      }
      switch (this.state) {
        case State.Start:
          // 0xEF or 0xEF 0xBB alone are no byte order mark, and no UTF-8.
          if (this.bom === 1 || this.bom === 2) throw new TrafficInputError('not-utf8', `it is not UTF-8: it starts with ${this.bom} of the 3 bytes of a byte order mark (EF BB BF)`);
          if (b !== OPEN_BRACE) throw this.notHar(i, b === OPEN_BRACKET ? 'it is a JSON array; a HAR is an object {"log": {"entries": [...]}}' : `it starts with ${this.byteText(b)}; a HAR is a JSON object {"log": {"entries": [...]}}`, b !== OPEN_BRACKET);
          this.stack.push('root');
          this.state = State.ObjectFirst;
          i++;
          break;
        case State.ObjectFirst:
        case State.ObjectKey:
          if (b === CLOSE_BRACE && this.state === State.ObjectFirst) {
            this.closeObject(i);
          } else if (b === QUOTE) {
            // The opening quote is kept: the name is read back with JSON.parse.
            this.state = State.Key;
            this.keyParts = [Uint8Array.of(QUOTE)];
            this.keyLength = 1;
            this.escaped = false;
          } else {
            throw this.notJson(i, `expected a member name in double quotes, found ${this.byteText(b)}`);
          }
          i++;
          break;
        case State.Colon:
          if (b !== COLON) throw this.notJson(i, `expected ':' after the member name, found ${this.byteText(b)}`);
          this.state = State.Value;
          i++;
          break;
        case State.Value:
          this.startValue(i, b);
          if ((this.state as State) !== State.Capture) i++;
          break;
        case State.ObjectNext:
          if (b === COMMA) this.state = State.ObjectKey;
          else if (b === CLOSE_BRACE) this.closeObject(i);
          else throw this.notJson(i, `expected ',' or '}' after a member, found ${this.byteText(b)}`);
          i++;
          break;
        case State.ArrayFirst:
        case State.ArrayValue:
          if (b === CLOSE_BRACKET && this.state === State.ArrayFirst) {
            this.stack.pop();
            this.state = State.ObjectNext;
            i++;
          } else {
            this.startCapture(i, b, 'entry');
          }
          break;
        case State.ArrayNext:
          if (b === COMMA) this.state = State.ArrayValue;
          else if (b === CLOSE_BRACKET) {
            this.stack.pop();
            this.state = State.ObjectNext;
          } else throw this.notJson(i, `expected ',' or ']' after entry ${this.count - 1}, found ${this.byteText(b)}`);
          i++;
          break;
        case State.Done:
          throw this.notJson(i, `more follows the end of the HAR document (${this.byteText(b)}): a HAR is one JSON document`);
        default:
          throw new Error(`HarReader: state ${this.state}`);
      }
    }
    this.chunkStart += n;
    this.countLines(n);
  }

  /** Ends the input: throws when the document is not complete. */
  end(): void {
    if (this.state === State.Done) return;
    if (this.state === State.Start && (this.bom === 1 || this.bom === 2)) throw new TrafficInputError('not-utf8', `it is not UTF-8: it starts with ${this.bom} of the 3 bytes of a byte order mark (EF BB BF)`);
    if (!this.sawBytes || this.state === State.Start) throw new TrafficInputError('not-json', 'it is empty: a HAR is a JSON object {"log": {"entries": [...]}}');
    const where = this.state === State.Capture && this.captureRole === 'entry' ? `in the middle of entry ${this.count} (it starts at line ${this.captureLine}, column ${this.captureColumn})` : `before the document does (after ${this.count} entries)`;
    throw new TrafficInputError('not-json', `it ends ${where}: the file is truncated, or was still being written`);
  }

  /** Reads a member name up to its closing quote; returns where scanning goes on. */
  private scanKey(chunk: Uint8Array, i: number): number {
    const start = i;
    const n = chunk.length;
    while (i < n) {
      const b = chunk[i]!;
      if (this.escaped) this.escaped = false;
      else if (b === BACKSLASH) this.escaped = true;
      else if (b === QUOTE) break;
      i++;
    }
    const end = i < n ? i + 1 : n;
    this.keyParts.push(chunk.subarray(start, end));
    this.keyLength += end - start;
    if (this.keyLength > MAX_KEY_BYTES) throw this.notHar(i, `a member name is longer than ${MAX_KEY_BYTES / 1024} KiB`);
    if (i >= n) return n;
    const bytes = concat(this.keyParts, this.keyLength);
    this.keyParts = [];
    const decoded = utf8Text(bytes);
    if ('invalidAt' in decoded) throw new TrafficInputError('not-utf8', `it is not UTF-8: a member name of the HAR holds a byte that is not (near line ${this.lineAt(i)})`);
    try {
      this.key = JSON.parse(decoded.text) as string;
    } catch (error) {
      throw this.notJson(i, `a member name is not a JSON string (${clip(error instanceof Error ? error.message : String(error), 120)})`);
    }
    this.state = State.Colon;
    return i + 1;
  }

  /** A value after `name:` in the root object or in log: walked into for log and log.entries, cut out for any other. */
  private startValue(i: number, b: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame === 'root' && this.key === 'log') {
      if (this.sawLog) throw this.notHar(i, 'it has two "log" members');
      if (b !== OPEN_BRACE) throw this.notHar(i, `its "log" is not an object (it starts with ${this.byteText(b)})`);
      this.sawLog = true;
      this.stack.push('log');
      this.state = State.ObjectFirst;
      return;
    }
    if (frame === 'log' && this.key === 'entries') {
      if (this.sawEntries) throw this.notHar(i, 'its log has two "entries" members');
      if (b !== OPEN_BRACKET) throw this.notHar(i, `its log.entries is not a list (it starts with ${this.byteText(b)})`);
      this.sawEntries = true;
      this.stack.push('entries');
      this.state = State.ArrayFirst;
      return;
    }
    this.startCapture(i, b, 'other');
  }

  private startCapture(i: number, b: number, role: 'entry' | 'other'): void {
    if (b === CLOSE_BRACE || b === CLOSE_BRACKET || b === COMMA || b === COLON) throw this.notJson(i, `expected a value, found ${this.byteText(b)}`);
    this.state = State.Capture;
    this.captureRole = role;
    this.cut = new ValueCut(b);
    this.captureLine = this.lineAt(i);
    this.captureColumn = this.chunkStart + i - this.lineStart + 1;
  }

  /** Keeps bytes of the value being cut out, within the limits. */
  private keep(chunk: Uint8Array, start: number, end: number): void {
    const what = () => (this.captureRole === 'entry' ? `entry ${this.count} (line ${this.captureLine})` : `the value of "${clip(this.key, 40)}" (line ${this.captureLine})`);
    // Counted by the scan as json-values.ts counts them, at no extra pass: its memory once parsed.
    const cut = this.cut!;
    if (cut.values > MAX_ENTRY_VALUES) throw new TrafficInputError('too-large', `${what()} holds more than ${MAX_ENTRY_VALUES_TEXT} JSON values (objects, arrays, members), the most check reads of one entry`);
    if (cut.length + Math.max(0, end - start) > this.maxEntryBytes) {
      throw new TrafficInputError('too-large', `${what()} is larger than ${this.maxEntryBytes === MAX_ENTRY_BYTES ? MAX_ENTRY_TEXT : `${this.maxEntryBytes} bytes`}, the most check reads of one entry`);
    }
    cut.keep(chunk, start, end);
  }

  /** A value cut out whole: decoded and parsed (which validates it); an entry is returned. */
  private finishCapture(): HarEntryRead | undefined {
    const bytes = this.cut!.bytes();
    this.cut = undefined;
    const role = this.captureRole;
    this.state = role === 'entry' ? State.ArrayNext : State.ObjectNext;
    const decoded = utf8Text(bytes);
    const where = role === 'entry' ? `entry ${this.count}` : `the value of "${clip(this.key, 40)}"`;
    if ('invalidAt' in decoded) {
      const at = this.placeIn(bytes, decoded.invalidAt);
      throw new TrafficInputError('not-utf8', `it is not UTF-8: byte 0x${(bytes[decoded.invalidAt] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at ${at} (in ${where}); a HAR is UTF-8 text`);
    }
    let value: unknown;
    try {
      value = JSON.parse(decoded.text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(message);
      // V8 says where only for some mistakes: else the value's start is the place.
      const at = position ? ` at ${this.placeIn(bytes, utf8Length(decoded.text, Number(position[1])))} (in ${where})` : ` (in ${where}, which starts at line ${this.captureLine}, column ${this.captureColumn})`;
      throw new TrafficInputError('not-json', `it is not JSON${at}: ${clip(message.replace(/ in JSON at position.*$/s, ''), 120)}`);
    }
    if (role !== 'entry') return undefined;
    return { index: this.count++, value };
  }

  private closeObject(i: number): void {
    const frame = this.stack.pop();
    if (frame === 'root') {
      if (!this.sawLog) throw this.notHar(i, 'its top-level object has no "log" (JSON Lines? then use --jsonl)');
      this.state = State.Done;
      return;
    }
    if (frame === 'log' && !this.sawEntries) throw this.notHar(i, 'its log has no "entries"');
    this.state = State.ObjectNext;
  }

  /** "line 3, column 7" of a byte of the value being cut out. */
  private placeIn(bytes: Uint8Array, offset: number): string {
    let line = this.captureLine;
    let column = this.captureColumn;
    for (let k = 0; k < offset; k++) {
      if (bytes[k] === NEWLINE) {
        line++;
        column = 1;
      } else column++;
    }
    return `line ${line}, column ${column}`;
  }

  /** The line of a byte of the current chunk, counting newlines lazily (each byte once). */
  private lineAt(offset: number): number {
    this.countLines(offset);
    return this.line;
  }

  private countLines(to: number): void {
    const chunk = this.chunk;
    let k = this.linesCountedTo;
    while (k < to) {
      const next = this.newlines.after(chunk, k);
      if (next < 0 || next >= to) break;
      this.line++;
      this.lineStart = this.chunkStart + next + 1;
      k = next + 1;
    }
    this.linesCountedTo = Math.max(this.linesCountedTo, to);
  }

  private notJson(i: number, problem: string): TrafficInputError {
    const line = this.lineAt(i);
    return new TrafficInputError('not-json', `it is not JSON at line ${line}, column ${this.chunkStart + i - this.lineStart + 1}: ${problem}`);
  }

  private notHar(i: number, problem: string, notJson = false): TrafficInputError {
    const line = this.lineAt(i);
    return new TrafficInputError(notJson ? 'not-json' : 'not-har', `it is not a HAR (line ${line}, column ${this.chunkStart + i - this.lineStart + 1}): ${problem}`);
  }

  private byteText(b: number): string {
    return b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
}
