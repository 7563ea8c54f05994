// Bytes to text, for the CLI and the spec tooling: UTF-8 decoded strictly, with the place of the
// first bad byte; Latin-1; base64 decoded strictly; texts clipped to a bound. Free of Node:
// TextDecoder is a global of every runtime the package supports (Node, browsers, workers), reached
// through globalThis because the package is compiled without the DOM's declarations.

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

const Decoder = (globalThis as unknown as { TextDecoder?: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Utf8Decoder }).TextDecoder;
/** The native decoder (tens of times faster than decodeUtf8 on a 100 MB input), where there is one. */
const native: Utf8Decoder | undefined = Decoder ? new Decoder('utf-8', { fatal: true, ignoreBOM: true }) : undefined;

/** The text of UTF-8 bytes (a byte order mark kept), or the offset of the first byte that is not UTF-8. */
export function utf8Text(bytes: Uint8Array): { readonly text: string } | { readonly invalidAt: number } {
  if (native) {
    try {
      return { text: native.decode(bytes) };
    } catch {
      // Where: decodeUtf8 finds the byte (only on the way out).
    }
  }
  const decoded = decodeUtf8(bytes);
  if ('invalidAt' in decoded) return decoded;
  // decodeUtf8 drops a byte order mark, which the native decoder (ignoreBOM) keeps.
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? { text: `\ufeff${decoded.text}` } : decoded;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const VALUES: Readonly<Record<string, number>> = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/**
 * The bytes of a base64 text (line breaks in it allowed, as some recorders wrap it), or undefined
 * when it is not base64: another character, or a length that is not a whole number of groups.
 */
export function base64Bytes(text: string): Uint8Array | undefined {
  const clean = text.includes('\n') || text.includes('\r') ? text.replace(/\r?\n/g, '') : text;
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) return undefined;
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((clean.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = ((VALUES[clean[i]!] ?? 0) << 18) | ((VALUES[clean[i + 1]!] ?? 0) << 12) | ((VALUES[clean[i + 2]!] ?? 0) << 6) | (VALUES[clean[i + 3]!] ?? 0);
    if (out < bytes.length) bytes[out++] = n >> 16;
    if (out < bytes.length) bytes[out++] = (n >> 8) & 0xff;
    if (out < bytes.length) bytes[out++] = n & 0xff;
  }
  return bytes;
}

/** At most `max` characters of a text, never half a surrogate pair; `…` marks a cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** How many UTF-8 bytes the first `chars` characters of a text take (to turn JSON.parse's position into a byte offset). */
export function utf8Length(text: string, chars: number): number {
  let bytes = 0;
  for (let i = 0; i < chars && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The parts of a value cut out of several chunks, joined (the one part itself when there is one). */
export function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
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
