// What the CLI does to text it did not write before a terminal shows it: control characters
// (ESC, C1, bidirectional overrides) become visible escapes, quotes are bounded. Input may be
// hostile; a terminal must never act on it. (Input bytes are decoded by src/lib/bytes.ts.)

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
