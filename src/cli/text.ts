// What the CLI does to text it did not write before a terminal shows it: control characters
// (ESC, C1, bidirectional overrides) become visible escapes, quotes are bounded, and input bytes
// are decoded as UTF-8 strictly. Input may be hostile; a terminal must never act on it.

/**
 * Characters a terminal may act on, or that reorder what it shows: C0 controls, DEL, C1 controls
 * (U+009B is a CSI on some terminals), line and paragraph separators, bidirectional marks and
 * overrides.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, minus the C0 controls, which JSON.stringify escapes already. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A text from input (or quoting input) with every unsafe character written as a `\uXXXX` escape. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** How many characters of a value a message quotes. */
const QUOTE_LENGTH = 60;

/** A value from input quoted for a message: in double quotes, escaped, at most QUOTE_LENGTH characters. */
export function quote(text: string): string {
  let cut = text.length > QUOTE_LENGTH ? text.slice(0, QUOTE_LENGTH) : text;
  // Never half a surrogate pair.
  if (cut.length < text.length && /[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const quoted = JSON.stringify(cut).replace(UNSAFE_IN_JSON, escape);
  return cut.length < text.length ? `${quoted.slice(0, -1)}…"` : quoted;
}

/** A JSON document for standard output: JSON.stringify, with the characters terminals act on escaped too (still the same JSON value). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, escape) + '\n';
}

/** The text of UTF-8 bytes, or where they stop being UTF-8. */
export type Decoded = { readonly text: string } | { readonly invalidAt: number };

/**
 * Decodes UTF-8 strictly (no replacement characters): overlong forms, surrogates, code points
 * above U+10FFFF and truncated sequences are refused, with the offset of the first bad byte.
 * A leading byte order mark is dropped, as TextDecoder does.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const parts: string[] = [];
  let codes: number[] = [];
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const first = bytes[i] ?? 0;
    let length: number;
    let point: number;
    if (first < 0x80) [length, point] = [1, first];
    else if (first >= 0xc2 && first <= 0xdf) [length, point] = [2, first & 0x1f];
    else if (first >= 0xe0 && first <= 0xef) [length, point] = [3, first & 0x0f];
    else if (first >= 0xf0 && first <= 0xf4) [length, point] = [4, first & 0x07];
    else return { invalidAt: i };
    if (i + length > bytes.length) return { invalidAt: i };
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return { invalidAt: i };
      point = (point << 6) | (next & 0x3f);
    }
    if ((length === 3 && (point < 0x800 || (point >= 0xd800 && point <= 0xdfff))) || (length === 4 && (point < 0x10000 || point > 0x10ffff))) {
      return { invalidAt: i };
    }
    codes.push(point);
    if (codes.length === 4096) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
    i += length;
  }
  parts.push(String.fromCodePoint(...codes));
  return { text: parts.join('') };
}

/** Bytes as Latin-1: one character per byte, whatever the bytes (for reading an HTTP head). */
export function latin1Text(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return parts.join('');
}

/** Where a byte offset is, for a person: `line 3, byte 17` (1-based). */
export function bytePlace(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, byte ${offset - lineStart + 1}`;
}
