// Bytes to text for the traffic readers: UTF-8 decoded strictly, with the place of the first bad
// byte; base64 decoded strictly; texts clipped to a bound. Free of Node: TextDecoder is a global of
// every runtime the package supports (Node, browsers, workers), reached through globalThis because
// the package is compiled without the DOM's declarations.
import { decodeUtf8 } from '../../cli/text.ts';

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
