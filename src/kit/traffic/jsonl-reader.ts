// Reads JSON Lines (one JSON value a line, as server access logs and test runs write them) from a
// stream of byte chunks, one line at a time: memory is bounded by the longest line. A line that
// is not JSON is reported with its number, and the reading goes on; bytes that are not UTF-8 or a
// line over the limit make the input unusable. Nothing here touches Node.
import { clip, concat, utf8Text } from '../../lib/bytes.ts';
import { MAX_ENTRY_BYTES, MAX_ENTRY_TEXT, MAX_ENTRY_VALUES, MAX_ENTRY_VALUES_TEXT, TrafficInputError } from './input-error.ts';
import { NEWLINE } from './json-bytes.ts';
import { holdsMoreValuesThan } from './json-values.ts';

/** One line that is not blank: its value, or why it is not JSON. */
export type JsonLineRead = { readonly line: number; readonly value: unknown } | { readonly line: number; readonly problem: string };

export class JsonLinesReader {
  private parts: Uint8Array[] = [];
  private length = 0;
  private line = 0;

  constructor(private readonly maxLineBytes = MAX_ENTRY_BYTES) {}

  /** The lines this chunk completes. The caller must not change a chunk after giving it. */
  *push(chunk: Uint8Array): Generator<JsonLineRead> {
    let i = 0;
    while (i < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, i);
      const end = newline < 0 ? chunk.length : newline;
      this.keep(chunk.subarray(i, end));
      if (newline < 0) break;
      const read = this.finishLine();
      if (read) yield read;
      i = newline + 1;
    }
  }

  /** The last line, when the input does not end with a newline. */
  *end(): Generator<JsonLineRead> {
    if (this.length === 0 && this.parts.length === 0) return;
    const read = this.finishLine();
    if (read) yield read;
  }

  private keep(part: Uint8Array): void {
    if (part.length === 0) return;
    this.length += part.length;
    if (this.length > this.maxLineBytes) {
      throw new TrafficInputError('too-large', `line ${this.line + 1} is longer than ${this.maxLineBytes === MAX_ENTRY_BYTES ? MAX_ENTRY_TEXT : `${this.maxLineBytes} bytes`}, the most check reads of one entry`);
    }
    this.parts.push(part);
  }

  private finishLine(): JsonLineRead | undefined {
    this.line++;
    let bytes = concat(this.parts, this.length);
    this.parts = [];
    this.length = 0;
    if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    const decoded = utf8Text(bytes);
    if ('invalidAt' in decoded) {
      const at = decoded.invalidAt;
      throw new TrafficInputError('not-utf8', `it is not UTF-8: byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at line ${this.line}, column ${at + 1}; JSON Lines are UTF-8 text`);
    }
    // A byte order mark (some Windows tools write one) is not part of the first line.
    const text = this.line === 1 && decoded.text.startsWith('\ufeff') ? decoded.text.slice(1) : decoded.text;
    if (text.trim() === '') return undefined;
    if (holdsMoreValuesThan(text, MAX_ENTRY_VALUES)) throw new TrafficInputError('too-large', `line ${this.line} holds more than ${MAX_ENTRY_VALUES_TEXT} JSON values (objects, arrays, members), the most check reads of one entry`);
    try {
      return { line: this.line, value: JSON.parse(text) };
    } catch (error) {
      return { line: this.line, problem: `not JSON: ${clip(error instanceof Error ? error.message : String(error), 120)}` };
    }
  }
}
