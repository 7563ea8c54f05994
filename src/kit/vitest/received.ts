// What the test matcher is given, read as a recorded response (status, media type, body): a Fetch
// `Response` (its body read from a clone, so that the test can still read it), a supertest
// response (`status`, `headers`, `text`), a light-my-request response (`statusCode`, `headers`,
// `payload`), or `{ status, body }` (the body a string or a JSON value, `headers` optional).
import { ownValue } from '../../runtime/declaration.ts';
import { headerOf } from '../traffic/exchange.ts';
import type { RecordedResponse } from '../traffic/judge.ts';

interface FetchLike {
  readonly status: number;
  readonly bodyUsed?: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  clone?(): FetchLike;
}

function isFetchResponse(value: unknown): value is FetchLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<FetchLike>;
  return typeof v.status === 'number' && typeof v.text === 'function' && typeof (v.headers as { get?: unknown } | undefined)?.get === 'function';
}

/** The Content-Type of a map of headers; null when the map has none, undefined without a map. */
function contentTypeOf(headers: unknown): string | null | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  return headerOf(headers, 'content-type') ?? null;
}

/** The response, or why the value is none the matcher reads. */
export async function receivedResponse(value: unknown): Promise<RecordedResponse | string> {
  if (isFetchResponse(value)) {
    if (value.bodyUsed) return 'its body was already read: give the matcher the response before reading it, or { status, body }';
    const copy = typeof value.clone === 'function' ? value.clone() : value;
    return { status: value.status, contentType: value.headers.get('content-type'), body: { kind: 'text', text: await copy.text() } };
  }
  if (typeof value !== 'object' || value === null) return `it is ${value === null ? 'null' : `a ${typeof value}`}, not a response`;
  const statusCode = ownValue(value, 'statusCode');
  const payload = ownValue(value, 'payload');
  // light-my-request: statusCode, headers, payload (the body as text).
  if (typeof statusCode === 'number' && typeof payload === 'string') {
    return { status: statusCode, contentType: contentTypeOf(ownValue(value, 'headers')), body: { kind: 'text', text: payload } };
  }
  const status = ownValue(value, 'status') ?? statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status)) return 'it has no status: give a Fetch Response, a supertest or light-my-request response, or { status, body }';
  const headers = ownValue(value, 'headers') ?? ownValue(value, 'header');
  const contentType = contentTypeOf(headers);
  // supertest: `text` is the body as sent (`body` is what superagent parsed of it).
  const text = ownValue(value, 'text');
  if (typeof text === 'string') return { status, contentType, body: { kind: 'text', text } };
  if (!Object.hasOwn(value, 'body')) return { status, contentType, body: { kind: 'unreadable', why: 'it has no body' } };
  const body = ownValue(value, 'body');
  return { status, contentType, body: typeof body === 'string' ? { kind: 'text', text: body } : { kind: 'value', value: body } };
}
