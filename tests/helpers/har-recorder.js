// @ts-check
// A small HAR 1.2 recorder for the traffic tests: sends each request with Node's http client and
// writes down the exchange as a browser's DevTools would (request and response headers, status,
// the body as UTF-8 text, or base64 when its bytes are not UTF-8 or when asked). Only for servers
// on this machine: the tests start them on 127.0.0.1.
import { request } from 'node:http';

/**
 * @typedef {{ method: string, url: string, headers?: Record<string, string>, body?: string, base64?: boolean }} Recorded
 * @param {Recorded[]} requests @returns {Promise<{ log: { version: string, creator: { name: string, version: string }, entries: unknown[] } }>}
 */
export async function recordHar(requests) {
  const entries = [];
  for (const r of requests) {
    const url = new URL(r.url);
    if (url.hostname !== '127.0.0.1') throw new Error(`recordHar: only 127.0.0.1 is recorded, not ${url.hostname}`);
    const started = new Date();
    const { status, statusText, headers, bytes } = await send(r);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const utf8 = Buffer.from(text).equals(bytes);
    const mimeType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'x-unknown';
    entries.push({
      startedDateTime: started.toISOString(),
      time: Date.now() - started.getTime(),
      request: {
        method: r.method,
        url: r.url,
        httpVersion: 'HTTP/1.1',
        headers: Object.entries(r.headers ?? {}).map(([name, value]) => ({ name, value })),
        queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
        cookies: [],
        headersSize: -1,
        bodySize: r.body === undefined ? 0 : Buffer.byteLength(r.body),
        ...(r.body === undefined ? {} : { postData: { mimeType: r.headers?.['content-type'] ?? 'application/json', text: r.body } }),
      },
      response: {
        status,
        statusText,
        httpVersion: 'HTTP/1.1',
        headers: headers.map(([name, value]) => ({ name, value })),
        cookies: [],
        content: { size: bytes.length, mimeType: mimeType.split(';')[0], ...(utf8 && !r.base64 ? { text } : { text: bytes.toString('base64'), encoding: 'base64' }) },
        redirectURL: '',
        headersSize: -1,
        bodySize: bytes.length,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    });
  }
  return { log: { version: '1.2', creator: { name: 'payment-error-contract tests', version: '1' }, entries } };
}

/** @param {Recorded} r @returns {Promise<{ status: number, statusText: string, headers: Array<[string, string]>, bytes: Buffer }>} */
function send(r) {
  return new Promise((resolve, reject) => {
    const req = request(r.url, { method: r.method, headers: r.headers, timeout: 10_000 }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        /** @type {Array<[string, string]>} */
        const headers = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '']);
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, bytes: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`recordHar: ${r.method} ${r.url} timed out`)));
    req.on('error', reject);
    req.end(r.body);
  });
}
