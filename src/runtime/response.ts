// errorResponse: an error body as a Fetch `Response`, for servers on Web standards (Hono, Next.js
// route handlers, Cloudflare Workers, Deno, Bun). The package's own code is compiled without the
// DOM's declarations, so Response and Headers are typed from whatever declares them where the
// package is used (lib "dom", @types/node, Workers' or Deno's types).
import { createErrorBody } from './create.ts';
import { statusOf } from './lookup.ts';
import type { ErrorCodeOf, ErrorType, ErrorTypeWithOpenCodes } from './types.ts';

/** The Fetch API's `Response` as the consumer's declarations have it; a minimal one where there is none. */
export type FetchResponse = typeof globalThis extends { Response: { prototype: infer R } } ? R : MinimalResponse;

/** What a Fetch `Response` has at least, for a consumer whose declarations have no `Response`. */
export interface MinimalResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** What the `Headers` constructor accepts where the consumer's declarations have one. */
export type FetchHeadersInit = typeof globalThis extends { Headers: { new (init?: infer H): unknown } } ? NonNullable<H> : Record<string, string> | ReadonlyArray<readonly [string, string]>;

/** Options of errorResponse. The status is the type's and the content type JSON's: neither can be set. */
export interface ErrorResponseInit {
  /** More headers to send (e.g. `retry-after`, a request id). */
  readonly headers?: FetchHeadersInit;
  readonly statusText?: string;
}

/** The arguments after the code: a message, required where the type's codes are open, then options. */
export type ErrorResponseArgs<T extends ErrorType> = T extends ErrorTypeWithOpenCodes
  ? [message: string, init?: ErrorResponseInit]
  : [message?: string | undefined, init?: ErrorResponseInit];

interface FetchGlobals {
  Response: new (body: string, init: { status: number; statusText?: string; headers: unknown }) => FetchResponse;
  Headers: new (init?: unknown) => { set(name: string, value: string): void };
}

/**
 * A `Response` carrying the body createErrorBody builds, with the type's HTTP status and
 * `content-type: application/json`:
 * `return errorResponse('payment_error', 'expired_card')` answers 400 with
 * `{"type":"payment_error","code":"expired_card","message":"Expired card"}`. Only codes of the type
 * compile; a type whose codes are open needs a message. From JavaScript, a pair the contract does
 * not know gives a 500 `api_error` that says so. Needs a global `Response` (Node >= 18, browsers,
 * Workers, Deno, Bun).
 */
export function errorResponse<const T extends ErrorType, const C extends ErrorCodeOf<T>>(type: T, code: C, ...messageAndInit: ErrorResponseArgs<T>): FetchResponse;
export function errorResponse(type: unknown, code: unknown, message?: unknown, init?: ErrorResponseInit): FetchResponse {
  const { Response, Headers } = globalThis as unknown as FetchGlobals;
  const body = (createErrorBody as (type: unknown, code: unknown, message?: unknown) => { type: ErrorType })(type, code, message);
  const headers = new Headers(init?.headers);
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status: statusOf(body.type), headers, ...(init?.statusText === undefined ? {} : { statusText: init.statusText }) });
}
