// The test matcher from the sources, under this repository's vitest: toBeDeclaredError passes for
// a conforming, declared error and fails with what was sent and what the operation declares;
// `.not` works; every kind of response it reads (a Fetch Response, light-my-request's, { status,
// body }); mistakes (an unknown operation, a spec that cannot be read, a body already read) throw,
// so that `.not` never passes on them. From the packed package, with vitest and jest, real servers
// and supertest: tests/packed/traffic-docs.test.ts.
import path from 'node:path';
import inject from 'light-my-request';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/layout.js';
import { errorContract } from '../../../src/kit/vitest/index.ts';

const SPEC = path.join(REPO_ROOT, 'tests/fixtures/traffic/openapi.yaml');
expect.extend(errorContract(SPEC));

const json = (status: number, value: unknown, type = 'application/json') => new Response(JSON.stringify(value), { status, headers: { 'content-type': type } });
const expired = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };
const fraud = { type: 'payment_error', code: 'fraud', message: 'FRAUD' };

describe('passes', () => {
  test('a Fetch Response with a declared error, named by method and path or by operationId; the body can still be read after', async () => {
    const response = json(400, expired);
    await expect(response).toBeDeclaredError('POST /payments');
    await expect(response).toBeDeclaredError('createPayment');
    await expect(response).toBeDeclaredError('post /payments');
    expect(await response.json()).toEqual(expired);
  });

  test('{ status, body } with the body as a value or as text, and an operation that declares nothing (any error of the contract)', async () => {
    await expect({ status: 400, body: expired }).toBeDeclaredError('POST /payments');
    await expect({ status: 500, body: JSON.stringify({ type: 'api_error', code: 'db_down', message: 'Down' }) }).toBeDeclaredError('GET /payments/{id}');
    await expect({ status: 400, body: fraud }).toBeDeclaredError('GET /payments/mine');
  });

  test('{ status, body } with the body as bytes (a Buffer, a Uint8Array, an ArrayBuffer), and headers as a Fetch Headers or a Map', async () => {
    const bytes = Buffer.from(JSON.stringify(expired));
    await expect({ status: 400, body: bytes }).toBeDeclaredError('POST /payments');
    await expect({ status: 400, body: new Uint8Array(bytes) }).toBeDeclaredError('POST /payments');
    await expect({ status: 400, body: new Uint8Array(bytes).buffer }).toBeDeclaredError('POST /payments');
    await expect({ status: 400, body: expired, headers: new Headers({ 'content-type': 'application/json' }) }).toBeDeclaredError('POST /payments');
    await expect({ status: 400, body: expired, headers: new Map([['Content-Type', 'application/json']]) }).toBeDeclaredError('POST /payments');
    await expect({ status: 400, body: expired, headers: new Headers({ 'content-type': 'text/html' }) }).not.toBeDeclaredError('POST /payments');
  });

  test('a Response whose body is a stream', async () => {
    const stream = new Blob([JSON.stringify(expired)]).stream();
    await expect(new Response(stream, { status: 400, headers: { 'content-type': 'application/json' } })).toBeDeclaredError('POST /payments');
  });

  test('a light-my-request response', async () => {
    const response = await inject((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(expired));
    }, { method: 'POST', url: '/payments' });
    await expect(response).toBeDeclaredError('POST /payments');
  });
});

describe('fails, saying what was sent and what the operation declares', () => {
  test.each<[string, unknown, string]>([
    ['an undeclared code', json(400, fraud), 'expected a declared error of POST /payments, but the response is not one:\n  - payment_error.fraud is not among the codes of payment_error the operation declares (expired_card, not_enough_balance, 3DS_required)\nsent: HTTP 400 {"type":"payment_error","code":"fraud","message":"FRAUD"}\nPOST /payments declares: invalid_request_error (all), api_error (all), payment_error (expired_card, not_enough_balance, 3DS_required)'],
    ['a wrong status', { status: 500, body: expired }, 'expected a declared error of POST /payments, but the response is not one:\n  - HTTP 500 does not fit payment_error, which is sent with 400\nsent: HTTP 500 {"type":"payment_error","code":"expired_card","message":"Expired card"}\nPOST /payments declares: invalid_request_error (all), api_error (all), payment_error (expired_card, not_enough_balance, 3DS_required)'],
    ['a body that is not the contract, sent as HTML', new Response('<h1>\u001b[31mOops</h1>', { status: 500, headers: { 'content-type': 'text/html' } }), 'expected a declared error of POST /payments, but the response is not one:\n  - the Content-Type is "text/html", not application/json\n  - the body is not JSON: "<h1>\\u001b[31mOops</h1>"\nsent: HTTP 500 <h1>\\u001b[31mOops</h1>\nPOST /payments declares: invalid_request_error (all), api_error (all), payment_error (expired_card, not_enough_balance, 3DS_required)'],
    ['a Fetch body that is not UTF-8 (read as the CLI reads a recording, not with text()\'s replacement characters)', new Response(Uint8Array.from([...Buffer.from('{"type":"api_error","code":"db_down","message":"Down'), 0xff, ...Buffer.from('"}')]), { status: 500, headers: { 'content-type': 'application/json' } }), 'expected a declared error of POST /payments, but the response is not one:\n  - the body is not UTF-8 (byte 0xFF at offset 52)\nsent: HTTP 500 55 bytes, not UTF-8\nPOST /payments declares'],
    ['a byte order mark, invisible in the body quoted', new Response(`\ufeff${JSON.stringify(expired)}`, { status: 400, headers: { 'content-type': 'application/json' } }), 'expected a declared error of POST /payments, but the response is not one:\n  - the body starts with a byte order mark (U+FEFF), which JSON sent over a network must not have (RFC 8259, 8.1)\nsent: HTTP 400'],
    ['a success', json(201, { id: 'pay_1' }), 'expected a declared error of POST /payments, but the response is no error: HTTP 201 {"id":"pay_1"}\nPOST /payments declares: invalid_request_error (all), api_error (all), payment_error (expired_card, not_enough_balance, 3DS_required)'],
  ])('%s', async (_name, response, message) => {
    await expect(expect(response).toBeDeclaredError('POST /payments')).rejects.toThrow(message);
  });

  test('a supertest response of a type superagent keeps as a Buffer: judged, not "no body"', async () => {
    const app = (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(400, { 'content-type': 'application/octet-stream' });
      res.end(JSON.stringify(expired));
    };
    const response = await request(app).post('/payments');
    await expect(expect(response).toBeDeclaredError('POST /payments')).rejects.toThrow('expected a declared error of POST /payments, but the response is not one:\n  - the Content-Type is "application/octet-stream", not application/json\nsent: HTTP 400 {"type":"payment_error"');
  });

  test('the spec\'s own texts (its paths) are escaped in the message', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const dir = await mkdtemp(path.join((await import('node:os')).tmpdir(), 'matcher-'));
    try {
      const spec = path.join(dir, 'spec.json');
      await writeFile(spec, JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/pay\u001b[2J\u202ements': { post: { operationId: 'pay', 'x-payment-errors': { api_error: 'all' }, responses: {} } } } }));
      const { toBeDeclaredError } = errorContract(spec);
      const result = await toBeDeclaredError.call({ isNot: false }, { status: 400, body: expired }, 'pay');
      expect(result.pass).toBe(false);
      expect(result.message()).not.toMatch(/[\u001b\u202e]/);
      expect(result.message()).toContain('POST /pay\\u001b[2J\\u202ements (pay)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('.not: passes where the matcher fails, fails where it passes', async () => {
    await expect(json(400, fraud)).not.toBeDeclaredError('createPayment');
    await expect(expect({ status: 400, body: expired }).not.toBeDeclaredError('createPayment')).rejects.toThrow(
      'expected the response not to be a declared error of POST /payments (createPayment), but it is one: HTTP 400 {"type":"payment_error","code":"expired_card","message":"Expired card"}',
    );
  });
});

describe('throws on a mistake, with or without .not', () => {
  test.each<[string, () => Promise<unknown>, string]>([
    ['an operation the spec does not have', () => expect({ status: 400, body: expired }).not.toBeDeclaredError('POST /payment'), 'has no operation "POST /payment" (did you mean POST /payments'],
    ['a spec that is not there', () => {
      expect.extend(errorContract(path.join(REPO_ROOT, 'tests/fixtures/traffic/missing.yaml')));
      return expect({ status: 400, body: expired }).not.toBeDeclaredError('POST /payments');
    }, `payment-error-contract/vitest: cannot read the spec: ${path.join(REPO_ROOT, 'tests/fixtures/traffic/missing.yaml')}: ENOENT`],
    ['a spec that is a device (it would never end), refused unread', () => {
      expect.extend(errorContract('/dev/zero'));
      return expect({ status: 400, body: expired }).not.toBeDeclaredError('POST /payments');
    }, 'payment-error-contract/vitest: cannot read the spec: /dev/zero: it is a character device, not a file'],
    ['a spec file over 64 MiB, read no further', async () => {
      const { mkdtemp, rm, truncate, writeFile } = await import('node:fs/promises');
      const dir = await mkdtemp(path.join((await import('node:os')).tmpdir(), 'matcher-big-'));
      const big = path.join(dir, 'spec.json');
      await writeFile(big, '');
      await truncate(big, 65 * 1024 * 1024); // sparse: nothing written to disk
      expect.extend(errorContract(big));
      return expect({ status: 400, body: expired }).not.toBeDeclaredError('POST /payments').finally(() => rm(dir, { recursive: true, force: true }));
    }, 'is larger than 64 MiB'],
    ['a body already read', async () => {
      const response = json(400, fraud);
      await response.text();
      return expect(response).not.toBeDeclaredError('POST /payments');
    }, 'its body was already read'],
    ['no response at all', () => expect('HTTP 400').not.toBeDeclaredError('POST /payments'), 'the value given to expect() is no response the matcher reads: it is a string, not a response'],
    ['a body a reader holds', () => {
      const response = json(400, fraud);
      response.body!.getReader();
      return expect(response).not.toBeDeclaredError('POST /payments');
    }, 'its body is being read (a reader holds its stream)'],
    ['a response without a body', () => expect({ status: 400 }).not.toBeDeclaredError('POST /payments'), 'the response cannot be judged: it has no body'],
  ])('%s', async (_name, run, message) => {
    try {
      await expect(run()).rejects.toThrow(message);
    } finally {
      // The spec of this file again, for the tests after, whatever this one did.
      expect.extend(errorContract(SPEC));
    }
  });
});
