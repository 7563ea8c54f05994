// Writes a large HAR 1.2 file as a browser's DevTools export it (indented, request and response
// headers, cookies, timings), for the traffic benchmark and the large-HAR memory test: requests to
// the API of bench/traffic-spec.js (error responses that conform, undeclared codes, wrong statuses,
// bodies that are not the contract, HTML error pages, base64 bodies; successes) and to other hosts
// (scripts, images as base64), with a few bodies of several MB. Deterministic: the same options
// write the same bytes. Never committed: written into a temporary folder.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { describeError } from '../dist/src/runtime/index.js';
import { TRAFFIC_SERVER } from './traffic-spec.js';

/**
 * What was planted, by kind: the verdicts `check --har` must give.
 * @typedef {{ conforming: number, violations: number, successes: number, otherHosts: number, entries: number, bytes: number, largestEntry: number, violationEntries: number[] }} HarPlan
 */

const ERRORS = [
  // [weight, kind]
  [60, 'conforming'],
  [8, 'undeclared'],
  [6, 'wrong-status'],
  [6, 'non-contract'],
  [5, 'html'],
  [15, 'base64'],
];

/**
 * @param {string} file
 * @param {{ entries: number, operations: import('./traffic-spec.js').TrafficOperation[], errorShare?: number, bigBodies?: number, bigBodyBytes?: number, padding?: number }} options
 *   errorShare: the share of entries that are error responses of the API; bigBodies: how many
 *   entries carry a body of bigBodyBytes (an image, base64); padding: bytes of response body a
 *   success carries on average
 * @returns {Promise<HarPlan>}
 */
export async function writeTrafficHar(file, { entries, operations, errorShare = 0.4, bigBodies = 0, bigBodyBytes = 8 * 1024 * 1024, padding = 1500 }) {
  const out = createWriteStream(file);
  let bytes = 0;
  let largestEntry = 0;
  const write = async (/** @type {string} */ text) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  /** @type {HarPlan} */
  const plan = { conforming: 0, violations: 0, successes: 0, otherHosts: 0, entries, bytes: 0, largestEntry: 0, violationEntries: [] };
  let random = 42;
  const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
  const big = new Set(Array.from({ length: bigBodies }, (_, k) => Math.floor(((k + 0.5) * entries) / bigBodies)));

  await write('{\n  "log": {\n    "version": "1.2",\n    "creator": {\n      "name": "WebInspector",\n      "version": "537.36"\n    },\n    "pages": [\n      {\n        "startedDateTime": "2026-12-05T10:00:00.000Z",\n        "id": "page_1",\n        "title": "Checkout",\n        "pageTimings": {}\n      }\n    ],\n    "entries": [');
  for (let i = 0; i < entries; i++) {
    const roll = next();
    /** @type {any} */
    let entry;
    if (big.has(i)) {
      entry = harEntry(i, 'GET', `https://cdn.checkout.test/images/hero${i}.png`, 200, 'image/png', { base64: filler(bigBodyBytes, i) });
      plan.otherHosts++;
    } else if (roll < errorShare) {
      const operation = operations[Math.floor(next() * operations.length)] ?? operations[0];
      if (!operation) throw new Error('writeTrafficHar: no operations');
      const kind = pick(next());
      const url = `${TRAFFIC_SERVER}${operation.path.replace(/\{[^}]+\}/g, () => `id_${Math.floor(next() * 1e6)}`)}`;
      const [status, mimeType, body] = errorBody(kind, operation.declaration, next);
      entry = harEntry(i, operation.method, url, status, mimeType, kind === 'base64' ? { base64: Buffer.from(body).toString('base64') } : body);
      if (kind === 'conforming' || kind === 'base64') plan.conforming++;
      else {
        plan.violations++;
        plan.violationEntries.push(i);
      }
    } else if (roll < errorShare + (1 - errorShare) / 2) {
      const operation = operations[Math.floor(next() * operations.length)] ?? operations[0];
      if (!operation) throw new Error('writeTrafficHar: no operations');
      const url = `${TRAFFIC_SERVER}${operation.path.replace(/\{[^}]+\}/g, 'id_1')}`;
      entry = harEntry(i, operation.method, url, 200, 'application/json', JSON.stringify({ id: `res_${i}`, items: Array.from({ length: Math.floor((padding * 2 * next()) / 40) }, (_, k) => ({ id: k, name: `item ${k}` })) }));
      plan.successes++;
    } else {
      const script = next() < 0.5;
      entry = script
        ? harEntry(i, 'GET', `https://cdn.checkout.test/js/chunk-${i}.js`, 200, 'application/javascript', `/* chunk ${i} */\n${'console.log("checkout");\n'.repeat(Math.floor((padding * 2 * next()) / 25))}`)
        : harEntry(i, 'GET', `https://analytics.example.test/collect?v=2&tid=G-${i}&en=page_view`, 204, 'text/plain', '');
      plan.otherHosts++;
    }
    const text = JSON.stringify(entry, null, 2).replace(/\n/g, '\n      ');
    largestEntry = Math.max(largestEntry, Buffer.byteLength(text));
    await write(`${i ? ',' : ''}\n      ${text}`);
  }
  await write('\n    ]\n  }\n}\n');
  out.end();
  await once(out, 'close');
  plan.bytes = bytes;
  plan.largestEntry = largestEntry;
  return plan;
}

/** @param {number} roll */
function pick(roll) {
  const total = ERRORS.reduce((sum, [weight]) => sum + Number(weight), 0);
  let at = roll * total;
  for (const [weight, kind] of ERRORS) {
    at -= Number(weight);
    if (at < 0) return String(kind);
  }
  return 'conforming';
}

/**
 * The status, media type and body of an error response of this kind for an operation that declares `declaration`.
 * @param {string} kind @param {Record<string, 'all' | string[]>} declaration @param {() => number} next @returns {[number, string, string]}
 */
function errorBody(kind, declaration, next) {
  const types = Object.keys(declaration);
  const type = types[Math.floor(next() * types.length)] ?? 'api_error';
  const codes = declaration[type];
  const code = type === 'api_error' ? 'db_unavailable' : Array.isArray(codes) ? (codes[Math.floor(next() * codes.length)] ?? 'x') : type === 'invalid_request_error' ? 'missing_parameter' : type === 'account_error' ? 'account_not_found' : 'x';
  const status = type === 'api_error' ? 500 : 400;
  // As the API sends them: a documented code with the reference's message.
  const body = (/** @type {string} */ t, /** @type {string} */ c) => JSON.stringify({ type: t, code: c, message: describeError(t, c)?.message ?? `Request failed: ${c.replace(/_/g, ' ')}` });
  switch (kind) {
    case 'undeclared':
      // fraud is a payment_error code; none of the declarations lists it.
      return [400, 'application/json', body('payment_error', 'fraud')];
    case 'wrong-status':
      return [status === 400 ? 500 : 400, 'application/json', body(type, code)];
    case 'non-contract':
      return [status, 'application/json', JSON.stringify({ error: { code, message: 'Request failed' } })];
    case 'html':
      return [502, 'text/html', '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>'];
    default:
      return [status, 'application/json; charset=utf-8', body(type, code)];
  }
}

/**
 * @param {number} i @param {string} method @param {string} url @param {number} status @param {string} mimeType
 * @param {string | { base64: string }} body
 */
function harEntry(i, method, url, status, mimeType, body) {
  const host = new URL(url).host;
  const text = typeof body === 'string' ? body : body.base64;
  const size = typeof body === 'string' ? Buffer.byteLength(body) : Math.floor((body.base64.length * 3) / 4);
  return {
    _initiator: { type: 'script' },
    _priority: 'High',
    _resourceType: 'fetch',
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method,
      url,
      httpVersion: 'http/2.0',
      headers: [
        { name: ':authority', value: host },
        { name: ':method', value: method },
        { name: ':path', value: new URL(url).pathname },
        { name: ':scheme', value: 'https' },
        { name: 'accept', value: 'application/json, text/plain, */*' },
        { name: 'accept-encoding', value: 'gzip, deflate, br, zstd' },
        { name: 'accept-language', value: 'en-GB,en;q=0.9' },
        { name: 'authorization', value: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.redacted' },
        { name: 'origin', value: 'https://shop.checkout.test' },
        { name: 'referer', value: 'https://shop.checkout.test/' },
        { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' },
      ],
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: method === 'POST' ? 48 : 0,
      ...(method === 'POST' ? { postData: { mimeType: 'application/json', text: JSON.stringify({ amount: 1999, currency: 'EUR', reference: `order-${i}` }) } } : {}),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: [
        { name: 'access-control-allow-origin', value: 'https://shop.checkout.test' },
        { name: 'cache-control', value: 'no-store' },
        { name: 'content-length', value: String(size) },
        { name: 'content-type', value: mimeType },
        { name: 'date', value: 'Sat, 05 Dec 2026 10:00:00 GMT' },
        { name: 'server', value: 'envoy' },
        { name: 'strict-transport-security', value: 'max-age=31536000' },
        { name: 'x-request-id', value: `req_${i.toString(16).padStart(12, '0')}` },
      ],
      cookies: [],
      content: { size, mimeType: mimeType.split(';')[0], text, ...(typeof body === 'string' ? {} : { encoding: 'base64' }) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: size + 300,
      _error: null,
    },
    serverIPAddress: '192.0.2.10',
    startedDateTime: new Date(Date.UTC(2026, 11, 5, 10, 0, 0, i * 7)).toISOString(),
    time: 42.5,
    timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.2, wait: 40.1, receive: 1, _blocked_queueing: 0.9 },
  };
}

/** A deterministic base64 text of about `bytes` bytes (an image, for the recorder). @param {number} bytes @param {number} seed */
function filler(bytes, seed) {
  const block = Buffer.alloc(3 * 1024, seed % 251).toString('base64');
  return block.repeat(Math.ceil(bytes / block.length)).slice(0, Math.floor(bytes / 4) * 4);
}
