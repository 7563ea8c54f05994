// One JSON value cut out whole from a stream of byte chunks, for JSON.parse to read: where it ends
// (only strings and brackets are tracked, string contents jumped over with indexOf), how many
// values it holds (as json-values.ts counts them: its memory once parsed), and its bytes.
import { concat } from '../../lib/bytes.ts';
import { CLOSE_BRACE, CLOSE_BRACKET, COMMA, isSpace, NextByte, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-bytes.ts';

export class ValueCut {
  private parts: Uint8Array[] = [];
  /** Bytes kept so far. */
  length = 0;
  /** Values seen so far (`{`, `[` and `,` outside strings). */
  values = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** true, false, null or a number: ends at the first byte that cannot be in one. */
  private readonly scalar: boolean;

  /** A value whose first byte is `first`; that byte is scanned like any other (a quote opens the string, a bracket the depth). */
  constructor(first: number) {
    this.scalar = first !== QUOTE && first !== OPEN_BRACE && first !== OPEN_BRACKET;
  }

  /**
   * Scans the value from `i`; returns the offset just past its end, or -1 when it goes on in the
   * next chunk. `backslashes` is shared by every value of the input: its lookup is per chunk.
   */
  scan(chunk: Uint8Array, i: number, backslashes: NextByte): number {
    const n = chunk.length;
    if (this.scalar) {
      while (i < n) {
        const b = chunk[i]!;
        if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) return i;
        i++;
      }
      return -1;
    }
    let depth = this.depth;
    let values = this.values;
    let inString = this.inString;
    let escaped = this.escaped;
    let end = -1;
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        const quote = chunk.indexOf(QUOTE, i);
        const backslash = backslashes.after(chunk, i);
        const stop = quote < 0 ? n : quote;
        if (backslash !== -1 && backslash < stop) {
          i = backslash + 1;
          escaped = true;
          continue;
        }
        if (quote < 0) {
          i = n;
          break;
        }
        i = quote + 1;
        inString = false;
        if (depth === 0) {
          end = i;
          break;
        }
        continue;
      }
      const b = chunk[i]!;
      if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        depth++;
        values++;
      } else if (b === COMMA) values++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
      i++;
    }
    this.depth = depth;
    this.values = values;
    this.inString = inString;
    this.escaped = escaped;
    return end;
  }

  /** Keeps `start` to `end` of a chunk the caller will not change. */
  keep(chunk: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    this.length += end - start;
    this.parts.push(chunk.subarray(start, end));
  }

  /** The value's bytes, whole. */
  bytes(): Uint8Array {
    return concat(this.parts, this.length);
  }
}
