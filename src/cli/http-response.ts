// What `payment-errors check` reads: an error body (JSON), or a whole HTTP response as
// `curl -si` prints it (status line, headers, blank line, body), from which it takes the status
// and the media type. The head is read from the input as Latin-1 (one character per byte: header
// values may carry any byte), so that the body's place in the bytes is known and only the body
// must be UTF-8.

import { decodeUtf8 } from '../lib/bytes.ts';

/** A raw HTTP response, split. */
export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case, values trimmed (UTF-8 when their bytes are, else Latin-1), in order. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: string;
  /** Where the body starts in the input. */
  readonly bodyStart: number;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)? +(\d{3})(?: [^\r\n]*)?(?:\r?\n|$)/;
/**
 * At most this many responses in one input: before the last come interim (1xx) ones, a proxy's
 * CONNECT answer, the redirects `curl -L` follows (50 at most by default) and the 401 challenges
 * of `--digest` and `--anyauth`.
 */
const MAX_RESPONSES = 64;

/** True when the input starts like an HTTP response rather than a JSON body. */
export function looksLikeHttp(text: string): boolean {
  return /^\s*HTTP\/\d/.test(text);
}

/**
 * The last response of a raw HTTP exchange as curl prints it, or what is wrong with it. Every
 * response before it is skipped: interim ones (100 Continue, 103 Early Hints), a proxy's
 * `200 Connection established`, and those curl printed only the head of because it went on
 * (a redirect under `-L`, a 401 challenge under `--digest` or `--anyauth`): their head is followed
 * by the next status line. Lines may end with CRLF or LF.
 */
export function readHttpResponse(input: string): HttpResponse | string {
  let rest = input.replace(/^\s+/, '');
  for (let n = 0; n < MAX_RESPONSES; n++) {
    const line = STATUS_LINE.exec(rest);
    if (!line) return 'the status line is not of the form "HTTP/1.1 400 Bad Request"';
    const status = Number(line[1]);
    // Three digits, but no HTTP status: as unusable as --status 600.
    if (status < 100 || status > 599) return `the status ${line[1]} on its status line is not an HTTP status code (100 to 599)`;
    rest = rest.slice(line[0].length);
    const end = /\r?\n\r?\n|^\r?\n/.exec(rest);
    const head = end ? rest.slice(0, end.index) : rest;
    const body = end ? rest.slice(end.index + end[0].length) : '';
    const headers: Array<readonly [string, string]> = [];
    for (const field of head.split(/\r?\n/)) {
      if (field === '') continue;
      const colon = field.indexOf(':');
      if (colon <= 0) return `the header line ${JSON.stringify(field.slice(0, 40))} has no "name: value"`;
      headers.push([field.slice(0, colon).trim().toLowerCase(), headerValue(field.slice(colon + 1).trim())]);
    }
    if (/^HTTP\/\d/.test(body)) {
      rest = body;
      continue;
    }
    return { status, headers, body, bodyStart: input.length - body.length };
  }
  return `more than ${MAX_RESPONSES} responses in one input`;
}

/** A header value read as Latin-1: its text when its bytes are UTF-8, else the Latin-1 characters. */
function headerValue(latin1: string): string {
  if (!/[\u0080-\u00ff]/.test(latin1)) return latin1;
  const decoded = decodeUtf8(Uint8Array.from(latin1, (c) => c.charCodeAt(0)));
  return 'text' in decoded ? decoded.text : latin1;
}

/** The value of a header (the first of that name), or undefined. */
export function header(response: HttpResponse, name: string): string | undefined {
  return response.headers.find(([n]) => n === name)?.[1];
}
