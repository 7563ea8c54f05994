// Reading an exchange from a HAR entry or a JSON line, and judging its response: what cannot be
// judged is said (no response, status 0, body not captured, base64 that is not), every error
// response is held to the contract and the declaration, its Content-Type and body included.
import { describe, expect, test } from 'vitest';
import { harExchange, jsonLineExchange, type Exchange } from '../../../src/kit/traffic/exchange.ts';
import { judgeResponse } from '../../../src/kit/traffic/judge.ts';

const declared = { payment_error: ['expired_card'], api_error: 'all' } as const;
const expired = JSON.stringify({ type: 'payment_error', code: 'expired_card', message: 'Expired card' });
const entry = (response: unknown, request: unknown = { method: 'post', url: 'https://api.test/payments' }) => ({ request, response });
const harResponse = (status: number, content: unknown, headers: unknown[] = []) => ({ status, headers, content });
const base64 = (text: string) => Buffer.from(text).toString('base64');

const judge = (read: ReturnType<typeof harExchange>) => {
  if ('problem' in read) return `not an exchange: ${read.problem}`;
  return judgeResponse(read, declared);
};

describe('HAR entries', () => {
  test.each<[string, unknown, unknown]>([
    ['a conforming, declared error', entry(harResponse(400, { mimeType: 'application/json', text: expired })), { kind: 'conforms', type: 'payment_error', code: 'expired_card' }],
    ['base64', entry(harResponse(400, { mimeType: 'application/json', text: base64(expired), encoding: 'base64' })), { kind: 'conforms', type: 'payment_error', code: 'expired_card' }],
    ['base64 with line breaks', entry(harResponse(400, { mimeType: 'application/json', text: base64(expired).replace(/(.{20})/g, '$1\r\n'), encoding: 'base64' })), { kind: 'conforms', type: 'payment_error', code: 'expired_card' }],
    ['the Content-Type header rather than mimeType', entry(harResponse(400, { mimeType: 'text/plain', text: expired }, [{ name: 'Content-Type', value: 'application/problem+json; charset=utf-8' }])), { kind: 'conforms', type: 'payment_error', code: 'expired_card' }],
    ['a success', entry(harResponse(201, { mimeType: 'application/json', text: '{}' })), { kind: 'not-error' }],
    ['a redirect', entry(harResponse(302, { mimeType: 'x-unknown', text: '' })), { kind: 'not-error' }],
    ['no response', entry(undefined), { kind: 'not-checked', why: 'no response was recorded' }],
    ['status 0', entry(harResponse(0, { mimeType: '', size: 0 })), { kind: 'not-checked', why: 'status 0: the request got no answer (aborted, blocked or failed)' }],
    ['no text', entry(harResponse(400, { mimeType: 'application/json', size: 80 })), { kind: 'not-checked', why: 'body not captured (content.text is missing)' }],
    ['empty text, with a size', entry(harResponse(400, { mimeType: 'application/json', size: 80, text: '' })), { kind: 'not-checked', why: 'body not captured (content.text is empty, content.size is 80)' }],
    ['no content', entry(harResponse(400, undefined)), { kind: 'not-checked', why: 'body not captured (the response has no content)' }],
    ['base64 that is not', entry(harResponse(400, { mimeType: 'application/json', text: 'not base64!', encoding: 'base64' })), { kind: 'not-checked', why: 'content.encoding says base64, and content.text is not base64' }],
    ['an encoding check does not read', entry(harResponse(400, { mimeType: 'application/json', text: expired, encoding: 'gzip' })), { kind: 'not-checked', why: 'content.encoding "gzip" is not one check reads (base64)' }],
    ['an undeclared code', entry(harResponse(400, { mimeType: 'application/json', text: JSON.stringify({ type: 'payment_error', code: 'fraud', message: 'FRAUD' }) })), { kind: 'violates', type: 'payment_error', code: 'fraud', violations: [{ rule: 'declared', message: 'payment_error.fraud is not among the codes of payment_error the operation declares (expired_card)' }] }],
    ['a wrong status', entry(harResponse(500, { mimeType: 'application/json', text: expired })), { kind: 'violates', type: 'payment_error', code: 'expired_card', violations: [{ rule: 'status', message: 'HTTP 500 does not fit payment_error, which is sent with 400' }] }],
    ['an HTML error page', entry(harResponse(502, { mimeType: 'text/html', text: '<h1>Bad Gateway</h1>' })), { kind: 'violates', type: undefined, code: undefined, violations: [{ rule: 'content-type', message: 'the Content-Type is "text/html", not application/json' }, { rule: 'body', message: 'the body is not JSON: "<h1>Bad Gateway</h1>"' }] }],
    ['no Content-Type at all (Chrome writes x-unknown)', entry(harResponse(400, { mimeType: 'x-unknown', text: expired })), { kind: 'violates', type: 'payment_error', code: 'expired_card', violations: [{ rule: 'content-type', message: 'the response has no Content-Type: it must be application/json' }] }],
    ['an empty body', entry(harResponse(400, { mimeType: 'application/json', text: '', size: 0 })), { kind: 'violates', type: undefined, code: undefined, violations: [{ rule: 'body', message: 'the body is empty: an error response has a JSON body' }] }],
    ['base64 of bytes that are not UTF-8', entry(harResponse(400, { mimeType: 'application/json', text: Buffer.from([0x7b, 0xff]).toString('base64'), encoding: 'base64' })), { kind: 'violates', type: undefined, code: undefined, violations: [{ rule: 'body', message: 'the body is not UTF-8 (byte 0xFF at offset 1)' }] }],
    // Parsed, each value takes tens of bytes: 4 MB of them would take hundreds of MB.
    ['a body of more than 10,000 JSON values, not parsed', entry(harResponse(400, { mimeType: 'application/json', text: `[${Array(10_000).fill('{}').join(',')}]` })), { kind: 'violates', type: undefined, code: undefined, violations: [{ rule: 'body', message: 'the body holds more than 10000 JSON values: an error body is one object {"type", "code", "message"}' }] }],
    ['a body just under 10,000 JSON values, parsed', entry(harResponse(400, { mimeType: 'application/json', text: `[${Array(4999).fill('{}').join(',')}]` })), { kind: 'violates', type: undefined, code: undefined, violations: [{ rule: 'body', message: 'the body is an array, not an object' }] }],
    ['a Content-Type with white space around it (not part of the value)', entry(harResponse(400, { text: expired }, [{ name: 'Content-Type', value: ' application/json ' }])), { kind: 'conforms', type: 'payment_error', code: 'expired_card' }],
    ['a body after a byte order mark: said apart (invisible in a quote), the rest judged', entry(harResponse(400, { mimeType: 'application/json', text: `\ufeff${JSON.stringify({ type: 'payment_error', code: 'fraud', message: 'F' })}` })), { kind: 'violates', type: 'payment_error', code: 'fraud', violations: [{ rule: 'body', message: 'the body starts with a byte order mark (U+FEFF), which JSON sent over a network must not have (RFC 8259, 8.1)' }, { rule: 'declared', message: 'payment_error.fraud is not among the codes of payment_error the operation declares (expired_card)' }] }],
    ['no request', { response: {} }, 'not an exchange: the entry has no request object'],
    ['an entry that is no object', [], 'not an exchange: the entry is a list, not an object'],
    ['no URL', entry(harResponse(200, {}), { method: 'GET' }), 'not an exchange: request.url is missing or not a string'],
    ['a method that is not one', entry(harResponse(200, {}), { method: 'GET /x', url: '/x' }), 'not an exchange: request.method is not an HTTP method: "GET /X"'],
    ['a status that is not one', entry({ status: '400' }), 'not an exchange: response.status is the string "400", not an HTTP status'],
    ['a response that is no object', entry('lost'), 'not an exchange: response is not an object'],
  ])('%s', (_name, given, want) => {
    expect(judge(harExchange(given))).toEqual(want);
  });

  test('header values with control characters are read as they are (the report escapes them)', () => {
    const read = harExchange(entry(harResponse(400, { mimeType: 'application/json', text: expired }, [{ name: 'content-type', value: 'text/html\u001b[31m' }]))) as Exchange;
    expect(read.contentType).toBe('text/html\u001b[31m');
    expect(judgeResponse(read, declared)).toMatchObject({ kind: 'violates', violations: [{ rule: 'content-type', message: 'the Content-Type is "text/html\\u001b[31m", not application/json' }] });
  });
});

describe('JSON lines', () => {
  test.each<[string, unknown, unknown]>([
    ['the body as a JSON value, no headers', { method: 'POST', url: '/payments', status: 400, body: JSON.parse(expired) }, { kind: 'conforms', type: 'payment_error', code: 'expired_card' }],
    ['the body as text, headers as a map', { method: 'POST', url: '/payments', status: 400, headers: { 'Content-Type': 'application/json' }, body: expired }, { kind: 'conforms', type: 'payment_error', code: 'expired_card' }],
    ['headers as a list of pairs without a Content-Type', { method: 'POST', url: '/payments', status: 400, headers: [['x-a', '1']], body: expired }, { kind: 'violates', type: 'payment_error', code: 'expired_card', violations: [{ rule: 'content-type', message: 'the response has no Content-Type: it must be application/json' }] }],
    ['no body', { method: 'POST', url: '/payments', status: 400 }, { kind: 'not-checked', why: 'body not captured (the line has no body)' }],
    ['a null body', { method: 'POST', url: '/payments', status: 400, body: null }, { kind: 'violates', type: undefined, code: undefined, violations: [{ rule: 'body', message: 'the body is null, not an object' }] }],
    ['no status', { method: 'POST', url: '/payments', body: expired }, 'not an exchange: status is missing or not a number, not an HTTP status'],
    ['not an object', 'GET /', 'not an exchange: the line is a string, not an object {"method", "url", "status", "body"}'],
  ])('%s', (_name, given, want) => {
    expect(judge(jsonLineExchange(given))).toEqual(want);
  });
});
