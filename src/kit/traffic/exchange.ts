// One recorded request and its response, whatever recorded it: an entry of a HAR 1.2 file, or a
// line of JSON Lines ({"method", "url", "status", "headers"?, "body"}). Each is read from parsed
// JSON (own members only) into an Exchange, or into why it is not one.
import { ownValue } from '../../runtime/declaration.ts';
import { clip } from '../../lib/bytes.ts';

/** What was recorded of a response's body. */
export type RecordedBody =
  /** The body as text (to be parsed as JSON). */
  | { readonly kind: 'text'; readonly text: string }
  /** The body's bytes, as base64 (a HAR's content with `encoding: base64`): decoded only when judged, most are images. */
  | { readonly kind: 'base64'; readonly base64: string }
  /** The body's bytes (a Fetch Response's, a test's Buffer): decoded as UTF-8, strictly, when judged. */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  /** The body as a JSON value already (JSON Lines may write it so). */
  | { readonly kind: 'value'; readonly value: unknown }
  /** Nothing of it can be judged; why, for a person. */
  | { readonly kind: 'unreadable'; readonly why: string };

export interface Exchange {
  /** In upper case. */
  readonly method: string;
  /** As recorded; clipped to MAX_URL_LENGTH. */
  readonly url: string;
  /** The response's status; 0 for a request that got no answer (aborted, blocked); undefined when no response was recorded. */
  readonly status: number | undefined;
  /**
   * The response's media type: its Content-Type header, else what the recorder says (a HAR's
   * content.mimeType); null when the recording says it had none; undefined when the recording
   * does not say (JSON Lines without headers): then it is not checked.
   */
  readonly contentType: string | null | undefined;
  readonly body: RecordedBody;
}

/** An entry that is no exchange: why, and what could be read of it. */
export interface NotAnExchange {
  readonly problem: string;
  readonly method?: string;
  readonly url?: string;
}

/** A URL longer than this is kept clipped: matching needs its start, a report a bounded text. */
export const MAX_URL_LENGTH = 8192;

const get = ownValue;

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request's method and URL, or why they cannot be read. */
function request(method: unknown, url: unknown, where: string): { method: string; url: string } | NotAnExchange {
  const m = typeof method === 'string' ? method.toUpperCase() : undefined;
  const u = typeof url === 'string' ? clip(url, MAX_URL_LENGTH) : undefined;
  if (m === undefined || !/^[A-Z]{1,32}$/.test(m)) return { problem: `${where}method is ${m === undefined ? 'missing or not a string' : `not an HTTP method: ${JSON.stringify(clip(m, 40))}`}`, ...(u === undefined ? {} : { url: u }) };
  if (u === undefined) return { problem: `${where}url is missing or not a string`, method: m };
  return { method: m, url: u };
}

function status(value: unknown, where: string): number | string {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 999) return `${where}status is ${typeof value === 'number' ? String(value) : typeof value === 'string' ? `the string ${JSON.stringify(clip(value, 20))}` : 'missing or not a number'}, not an HTTP status`;
  return value;
}

/** The value of a header in a HAR's list of {name, value}, or in a map (Node's: a value or a list of values), the name in any case. */
export function headerOf(headers: unknown, name: string): string | undefined {
  if (Array.isArray(headers)) {
    for (const header of headers) {
      // HAR: {name, value}; also [name, value] pairs.
      const [n, v] = Array.isArray(header) ? [header[0], header[1]] : [get(header, 'name'), get(header, 'value')];
      if (typeof n === 'string' && n.toLowerCase() === name && typeof v === 'string') return v;
    }
    return undefined;
  }
  if (isObject(headers)) {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() !== name) continue;
      const v = get(headers, key);
      if (typeof v === 'string') return v;
      if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
    }
  }
  return undefined;
}

/** An entry of a HAR's log.entries. */
export function harExchange(entry: unknown): Exchange | NotAnExchange {
  if (!isObject(entry)) return { problem: `the entry is ${Array.isArray(entry) ? 'a list' : entry === null ? 'null' : `a ${typeof entry}`}, not an object` };
  const req = get(entry, 'request');
  if (!isObject(req)) return { problem: 'the entry has no request object' };
  const read = request(get(req, 'method'), get(req, 'url'), 'request.');
  if ('problem' in read) return read;
  const response = get(entry, 'response');
  if (response === undefined || response === null) return { ...read, status: undefined, contentType: undefined, body: { kind: 'unreadable', why: 'no response was recorded' } };
  if (!isObject(response)) return { ...read, problem: 'response is not an object' };
  const code = status(get(response, 'status'), 'response.');
  if (typeof code === 'string') return { ...read, problem: code };
  const content = get(response, 'content');
  const header = headerOf(get(response, 'headers'), 'content-type');
  const mimeType = get(content, 'mimeType');
  // Chrome writes x-unknown for a response without a Content-Type.
  const recorded = typeof mimeType === 'string' && mimeType !== '' && mimeType !== 'x-unknown' ? mimeType : null;
  return { ...read, status: code, contentType: header ?? recorded, body: harBody(content) };
}

function harBody(content: unknown): RecordedBody {
  if (!isObject(content)) return { kind: 'unreadable', why: 'body not captured (the response has no content)' };
  const text = get(content, 'text');
  if (text === undefined || text === null) return { kind: 'unreadable', why: 'body not captured (content.text is missing)' };
  if (typeof text !== 'string') return { kind: 'unreadable', why: 'content.text is not a string' };
  const size = get(content, 'size');
  // Chrome leaves text empty for a body it did not keep, and says how large it was.
  if (text === '' && typeof size === 'number' && size > 0) return { kind: 'unreadable', why: `body not captured (content.text is empty, content.size is ${size})` };
  const encoding = get(content, 'encoding');
  if (encoding === undefined || encoding === null || encoding === '') return { kind: 'text', text };
  if (typeof encoding !== 'string' || encoding.toLowerCase() !== 'base64') return { kind: 'unreadable', why: `content.encoding ${JSON.stringify(clip(String(encoding), 40))} is not one check reads (base64)` };
  return { kind: 'base64', base64: text };
}

/** A line of JSON Lines: {"method", "url", "status", "headers"?, "body"}, body a string (the text sent) or a JSON value. */
export function jsonLineExchange(value: unknown): Exchange | NotAnExchange {
  if (!isObject(value)) return { problem: `the line is ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}, not an object {"method", "url", "status", "body"}` };
  const read = request(get(value, 'method'), get(value, 'url'), '');
  if ('problem' in read) return read;
  const code = status(get(value, 'status'), '');
  if (typeof code === 'string') return { ...read, problem: code };
  const headers = get(value, 'headers');
  const contentType = headers === undefined ? undefined : (headerOf(headers, 'content-type') ?? null);
  if (!Object.hasOwn(value, 'body')) return { ...read, status: code, contentType, body: { kind: 'unreadable', why: 'body not captured (the line has no body)' } };
  const body = get(value, 'body');
  return { ...read, status: code, contentType, body: typeof body === 'string' ? { kind: 'text', text: body } : { kind: 'value', value: body } };
}
