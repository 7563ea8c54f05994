// The bytes of JSON's syntax the streaming readers look for (as char codes, the same for a string),
// and a lookup of the next place of one byte in a chunk that is made once per chunk, not per call.

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const NEWLINE = 0x0a;

/** JSON's white space: space, line feed, carriage return, tab. */
export function isSpace(b: number): boolean {
  return b === 0x20 || b === NEWLINE || b === 0x0d || b === 0x09;
}

/**
 * The next place of one byte in a chunk, looked up again only once the scan has passed it. Looking
 * it up afresh at each call would scan to the chunk's end each time: a million values on one line
 * took minutes (quadratic).
 */
export class NextByte {
  private chunk: Uint8Array | undefined;
  /** Where the next one is (-1: none in the chunk; -2: not looked up). */
  private at = -2;

  constructor(private readonly byte: number) {}

  /** The offset of the first `byte` at or after `from` in `chunk`, or -1. */
  after(chunk: Uint8Array, from: number): number {
    if (this.chunk !== chunk) {
      this.chunk = chunk;
      this.at = -2;
    }
    if (this.at !== -1 && this.at < from) this.at = chunk.indexOf(this.byte, from);
    return this.at;
  }
}
