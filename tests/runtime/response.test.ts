// errorResponse: the Fetch Response a server returns, on its own and through a real Web-standard
// framework (Hono, answering with app.request, as it does in its own tests).
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { checkErrorResponse, errorCatalog, errorResponse, INVALID_ERROR_BODY_CODE } from '../../src/runtime/index.ts';

/** errorResponse as JavaScript code sees it: any arguments at all. */
const respondFromJavaScript = errorResponse as (type: unknown, code: unknown, message?: unknown, init?: unknown) => Response;

async function read(response: Response) {
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

test.each(errorCatalog.map((e) => [`${e.type}.${e.code}`, e] as const))('%s: its status, JSON, the catalog message', async (_name, e) => {
  const { status, contentType, body } = await read(errorResponse(e.type, e.code as never));
  expect({ status, contentType, body }).toEqual({ status: e.httpStatus, contentType: 'application/json', body: { type: e.type, code: e.code, message: e.message } });
  expect(checkErrorResponse(status, body)).toEqual([]);
});

test('a type with open codes takes the code and message given, with its status', async () => {
  expect(await read(errorResponse('api_error', 'upstream_timeout', 'The upstream timed out'))).toEqual({
    status: 500,
    contentType: 'application/json',
    body: { type: 'api_error', code: 'upstream_timeout', message: 'The upstream timed out' },
  });
});

test('headers given are sent, content-type stays JSON, and the status cannot be changed', async () => {
  const response = respondFromJavaScript('payment_error', 'expired_card', undefined, {
    status: 200,
    statusText: 'Card Expired',
    headers: { 'x-request-id': 'req_1', 'Content-Type': 'text/html' },
  });
  expect(response.status).toBe(400);
  expect(response.statusText).toBe('Card Expired');
  expect(response.headers.get('x-request-id')).toBe('req_1');
  expect(response.headers.get('content-type')).toBe('application/json');
});

test.each([
  ['an unknown code', 'payment_error', 'expird_card'],
  ['a code of another type', 'account_error', 'expired_card'],
  ['an unknown type', 'card_error', 'expired_card'],
])('from JavaScript, %s answers 500 with an api_error that says so', async (_name, type, code) => {
  const { status, body } = await read(respondFromJavaScript(type, code));
  expect(status).toBe(500);
  expect(body).toMatchObject({ type: 'api_error', code: INVALID_ERROR_BODY_CODE });
  expect(checkErrorResponse(status, body)).toEqual([]);
});

describe('through Hono', () => {
  const app = new Hono();
  app.post('/payments', async (c) => {
    const { card } = await c.req.json<{ card: string }>();
    if (card === 'expired') return errorResponse('payment_error', 'expired_card', undefined, { headers: { 'retry-after': '0' } });
    return c.json({ id: 'pay_1' }, 201);
  });
  app.get('/refunds/:id', () => errorResponse('refund_error', 'refund_window_closed', 'The refund window has closed'));
  app.onError(() => errorResponse('api_error', 'internal', 'Contact technical support.'));
  app.get('/boom', () => {
    throw new Error('boom');
  });

  test.each([
    ['a handler that returns it', 'POST', '/payments', { card: 'expired' }, 400, { type: 'payment_error', code: 'expired_card', message: 'Expired card' }],
    ['an open code with its message', 'GET', '/refunds/re_1', undefined, 400, { type: 'refund_error', code: 'refund_window_closed', message: 'The refund window has closed' }],
    ["the app's error handler", 'GET', '/boom', undefined, 500, { type: 'api_error', code: 'internal', message: 'Contact technical support.' }],
  ])('%s: status, header and body reach the client', async (_name, method, url, json, status, body) => {
    const response = await app.request(url, { method, ...(json ? { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } } : {}) });
    expect(await read(response)).toEqual({ status, contentType: 'application/json', body });
    expect(checkErrorResponse(status, body)).toEqual([]);
  });

  test('headers given to errorResponse reach the client too', async () => {
    const response = await app.request('/payments', { method: 'POST', body: JSON.stringify({ card: 'expired' }) });
    expect(response.headers.get('retry-after')).toBe('0');
  });

  test('a success is left alone', async () => {
    const response = await app.request('/payments', { method: 'POST', body: JSON.stringify({ card: 'ok' }) });
    expect(response.status).toBe(201);
  });
});
