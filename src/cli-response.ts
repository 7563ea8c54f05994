// What `payment-errors check` reads: an error body (JSON), or a whole HTTP response as
// `curl -si` prints it (status line, headers, blank line, body), from which it takes the status
// and the media type.

/** A raw HTTP response, split. */
export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case, values trimmed, in order. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: string;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)? +(\d{3})(?: [^\r\n]*)?(?:\r?\n|$)/;
/** At most this many responses in one input: interim (1xx) ones and a proxy's CONNECT answer come first. */
const MAX_RESPONSES = 8;

/** True when the input starts like an HTTP response rather than a JSON body. */
export function looksLikeHttp(text: string): boolean {
  return /^\s*HTTP\/\d/.test(text);
}

/**
 * The final response of a raw HTTP exchange as curl prints it, or what is wrong with it. Interim
 * responses (100 Continue, 103 Early Hints) and a proxy's `200 Connection established` before
 * the real response are skipped. Lines may end with CRLF or LF.
 */
export function readHttpResponse(input: string): HttpResponse | string {
  let rest = input.replace(/^\s+/, '');
  for (let n = 0; n < MAX_RESPONSES; n++) {
    const line = STATUS_LINE.exec(rest);
    if (!line) return 'the status line is not of the form "HTTP/1.1 400 Bad Request"';
    const status = Number(line[1]);
    rest = rest.slice(line[0].length);
    const end = /\r?\n\r?\n|^\r?\n/.exec(rest);
    const head = end ? rest.slice(0, end.index) : rest;
    const body = end ? rest.slice(end.index + end[0].length) : '';
    const headers: Array<readonly [string, string]> = [];
    for (const field of head.split(/\r?\n/)) {
      if (field === '') continue;
      const colon = field.indexOf(':');
      if (colon <= 0) return `the header line ${JSON.stringify(field.slice(0, 40))} has no "name: value"`;
      headers.push([field.slice(0, colon).trim().toLowerCase(), field.slice(colon + 1).trim()]);
    }
    if (status <= 200 && /^HTTP\/\d/.test(body)) {
      rest = body;
      continue;
    }
    return { status, headers, body };
  }
  return `more than ${MAX_RESPONSES} responses in one input`;
}

/** The value of a header (the first of that name), or undefined. */
export function header(response: HttpResponse, name: string): string | undefined {
  return response.headers.find(([n]) => n === name)?.[1];
}

/** True for a JSON media type: application/json, or any application/...+json. */
export function isJsonMediaType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[^\s/;]+\+json$/.test(type);
}
