// How many values a JSON text holds, counted before JSON.parse builds them: memory for parsed JSON
// is bounded by its values, not its bytes. Measured on Node 20: 4,000,000 empty objects (12 MB of
// text) took 316 MB once parsed, and a HAR entry of 120 MB of them took 87 s and 3.8 GB, where a
// string of the same length takes about its own size.
import { BACKSLASH, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-bytes.ts';

/**
 * Whether a JSON text holds more than `limit` values: each object, array and member or element
 * after the first counts (`{`, `[` and `,` outside strings), which is at least as many as it has
 * values. Strings are jumped over with indexOf. A text that is not JSON is counted as far as it
 * goes: JSON.parse says what is wrong with it.
 */
export function holdsMoreValuesThan(text: string, limit: number): boolean {
  // First a bound from above, counting those characters inside strings too (a few indexOf calls
  // for a real entry); the exact count, which walks outside strings, only when it is over.
  let bound = 1;
  for (const c of ['{', '[', ',']) {
    for (let at = text.indexOf(c); at >= 0 && bound <= limit; at = text.indexOf(c, at + 1)) bound++;
  }
  if (bound <= limit) return false;
  let count = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // The closing quote: the next one not escaped (after an even run of backslashes).
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return count > limit;
        let backslashes = 0;
        while (quote - 1 - backslashes > i && text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
        if (backslashes % 2 === 0) {
          i = quote + 1;
          break;
        }
        from = quote + 1;
      }
      continue;
    }
    if ((c === OPEN_BRACE || c === OPEN_BRACKET || c === COMMA) && ++count > limit) return true;
    i++;
  }
  return count > limit;
}
