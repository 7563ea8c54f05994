// What the test matcher is given, read as a recorded response (status, media type, body): a Fetch
// `Response` (its bytes read from a clone, so that the test can still read it, and decoded as the
// CLI decodes a recording's: strictly, a byte order mark kept), a supertest response (`status`,
// `headers`, `text`, or `body` for a type superagent keeps as a Buffer), a light-my-request
// response (`statusCode`, `headers`, `payload`), or `{ status, body }` (the body a string, bytes
// or a JSON value, `headers` optional).
import { ownValue } from '../../runtime/declaration.ts';
import { headerOf, type RecordedBody } from '../traffic/exchange.ts';
import type { RecordedResponse } from '../traffic/judge.ts';

interface FetchLike {
  readonly status: number;
  readonly bodyUsed?: boolean;
  readonly body?: { readonly locked?: boolean } | null;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer?(): Promise<ArrayBuffer>;
  clone?(): FetchLike;
}

function isFetchResponse(value: unknown): value is FetchLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<FetchLike>;
  return typeof v.status === 'number' && typeof v.text === 'function' && typeof (v.headers as { get?: unknown } | undefined)?.get === 'function';
}

/** The Content-Type of headers (an object, a list, a Fetch Headers or a Map); null when they have none, undefined without headers. */
function contentTypeOf(headers: unknown): string | null | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  // Headers and Map keep their entries out of the object's own members.
  if (headers instanceof Map) return headerOf([...headers], 'content-type') ?? null;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function' && !Array.isArray(headers)) {
    const value: unknown = get.call(headers, 'content-type');
    return typeof value === 'string' ? value : null;
  }
  return headerOf(headers, 'content-type') ?? null;
}

/** The response, or why the value is none the matcher reads. */
export async function receivedResponse(value: unknown): Promise<RecordedResponse | string> {
  if (isFetchResponse(value)) {
    if (value.bodyUsed) return 'its body was already read: give the matcher the response before reading it, or { status, body }';
    if (value.body?.locked) return 'its body is being read (a reader holds its stream): give the matcher the response before reading it, or { status, body }';
    let body: RecordedBody;
    try {
      const copy = typeof value.clone === 'function' ? value.clone() : value;
      body = typeof copy.arrayBuffer === 'function' ? { kind: 'bytes', bytes: new Uint8Array(await copy.arrayBuffer()) } : { kind: 'text', text: await copy.text() };
    } catch (error) {
      return `its body cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    return { status: value.status, contentType: value.headers.get('content-type'), body };
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
  // superagent's `body` is a getter of its prototype: a Buffer for the types it keeps no text of.
  if (!('body' in value)) return { status, contentType, body: { kind: 'unreadable', why: 'it has no body' } };
  const body = (value as { body?: unknown }).body;
  if (body instanceof Uint8Array) return { status, contentType, body: { kind: 'bytes', bytes: body } };
  if (body instanceof ArrayBuffer) return { status, contentType, body: { kind: 'bytes', bytes: new Uint8Array(body) } };
  return { status, contentType, body: typeof body === 'string' ? { kind: 'text', text: body } : { kind: 'value', value: body } };
}
