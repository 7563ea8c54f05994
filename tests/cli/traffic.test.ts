// payment-errors check --spec --har / --jsonl, run in process with the CLI's own Node side (spec
// files, inputs read in chunks by bin/traffic-files.js): the fixtures' planted problems reported
// exactly, exit codes, usage, every kind of unusable input (exit 2, one message, no stack trace)
// and texts from the traffic escaped and bounded.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specFiles } from '../../bin/spec-files.js';
import { readChunks } from '../../bin/traffic-files.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { runCli } from '../../src/cli/commands.ts';
import { describeError } from '../../src/runtime/describe.ts';

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/traffic');
const SPEC = path.join(FIXTURES, 'openapi.yaml');
const HAR = path.join(FIXTURES, 'checkout.har');
const JSONL = path.join(FIXTURES, 'checkout.jsonl');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'traffic-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a file into the test's folder; resolves to its path. */
async function file(name: string, content: string | Uint8Array | object): Promise<string> {
  const at = path.join(dir, name);
  await writeFile(at, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return at;
}

async function cli(args: string[], stdin?: string | Uint8Array) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readInput: async () => new Uint8Array(),
    readChunks: (p) => (p === '-' ? chunksOf(typeof stdin === 'string' ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array())) : readChunks(p)),
    specs: specFiles(),
  });
  const relative = (text: string) => text.replaceAll(`${dir}/`, '').replaceAll(path.join(REPO_ROOT, '/'), '');
  return { code, stdout: relative(stdout), stderr: relative(stderr) };
}

/** Standard input, in chunks of 7 bytes. */
async function* chunksOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
}

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });
const entry = (method: string, url: string, status: number, text: string, mimeType = 'application/json') => ({ request: { method, url }, response: { status, headers: [], content: { mimeType, text } } });
/** A body as the API sends it: a documented code with the reference's message. */
const body = (type: string, code: string, message = describeError(type, code)?.message ?? 'Message') => JSON.stringify({ type, code, message });

describe('the fixtures: exactly the planted problems', () => {
  test('--har --json', async () => {
    const result = await cli(['check', '--spec', SPEC, '--har', HAR, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.totals).toEqual({ matched: 12, errorResponses: 8, conforming: 2, violations: 5, notChecked: 3, unmatched: 2, ambiguous: 1, malformed: 0 });
    expect(report.operations).toEqual([
      { operation: 'POST /payments', operationId: 'createPayment', responses: 8, errorResponses: 6, conforming: 2, violations: 3, notChecked: 3 },
      { operation: 'GET /payments/{id}', operationId: 'getPayment', responses: 2, errorResponses: 2, conforming: 0, violations: 2, notChecked: 0 },
      { operation: 'GET /payments/mine', operationId: 'listMyPayments', responses: 1, errorResponses: 0, conforming: 0, violations: 0, notChecked: 0 },
    ]);
    expect(report.violations.map((v: any) => [v.entry, v.method, v.status, v.type, v.code, v.problems.map((p: any) => p.rule)])).toEqual([
      [2, 'POST', 400, 'payment_error', 'fraud', ['declared']],
      [3, 'POST', 500, 'payment_error', 'expired_card', ['status']],
      [4, 'GET', 400, 'invalid_request_error', 'no_such_code', ['code']],
      [5, 'GET', 400, null, null, ['type', 'code', 'message', 'members']],
      [14, 'POST', 502, null, null, ['content-type', 'body']],
    ]);
    expect(report.violations[0]).toEqual({
      entry: 2,
      where: 'log.entries[2]',
      method: 'POST',
      url: 'https://eu.api.example.com/v1/payments',
      status: 400,
      operation: 'POST /payments',
      type: 'payment_error',
      code: 'fraud',
      problems: [{ rule: 'declared', message: 'payment_error.fraud is not among the codes of payment_error the operation declares (expired_card, not_enough_balance, 3DS_required)' }],
    });
    expect(report.notChecked.map((e: any) => [e.entry, e.why])).toEqual([
      [7, 'body not captured (content.text is missing)'],
      [11, 'status 0: the request got no answer (aborted, blocked or failed)'],
      [12, 'no response was recorded'],
    ]);
    expect(report.unmatched.map((e: any) => [e.entry, e.reason, e.why])).toEqual([
      [8, 'server', 'no server of the spec serves https://cdn.example.com'],
      [9, 'method', '/payments has no DELETE operation (POST)'],
    ]);
    expect(report.ambiguous).toEqual([{ entry: 13, where: 'log.entries[13]', method: 'GET', url: 'https://eu.api.example.com/v1/accounts/acc_1', status: 200, operations: ['GET /accounts/{id}', 'GET /accounts/{accountNumber}'] }]);
    expect(report.malformed).toEqual([]);
    expect(report.conforms).toBe(false);
  });

  test('--har as text: the verdict, the summary per operation, then each entry worth a look', async () => {
    const result = await cli(['check', '--spec', SPEC, '--har', HAR]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`5 of 8 error responses do not conform to the error contract: tests/fixtures/traffic/checkout.har, 15 entries, against tests/fixtures/traffic/openapi.yaml

  operation            responses      errors  conforming  violations not checked
  POST /payments               8           6           2           3           3
  GET /payments/{id}           2           2           0           2           0
  GET /payments/mine           1           0           0           0           0

Not matched to one operation: 2 unmatched (1 to hosts or base paths no server of the spec names, 1 with a method the path has no operation for); 1 ambiguous.

Violations (5):
  log.entries[2]: POST https://eu.api.example.com/v1/payments -> HTTP 400 (POST /payments): payment_error "fraud"
    - payment_error.fraud is not among the codes of payment_error the operation declares (expired_card, not_enough_balance, 3DS_required)
  log.entries[3]: POST https://eu.api.example.com/v1/payments -> HTTP 500 (POST /payments): payment_error "expired_card"
    - HTTP 500 does not fit payment_error, which is sent with 400
  log.entries[4]: GET https://us.api.example.com/v1/payments/pay_123 -> HTTP 400 (GET /payments/{id}): invalid_request_error "no_such_code"
    - \`code\` "no_such_code" is not a code of invalid_request_error
  log.entries[5]: GET https://eu.api.example.com/v1/payments/pay_123 -> HTTP 400 (GET /payments/{id}): no error type
    - \`type\` is missing
    - \`code\` is missing
    - \`message\` is missing
    - members the contract does not allow: "error"
  log.entries[14]: POST https://eu.api.example.com/v1/payments -> HTTP 502 (POST /payments): no error type
    - the Content-Type is "text/html", not application/json
    - the body is not JSON: "<html><body><h1>502 Bad Gateway</h1></body></html>"

Not checked (3):
  log.entries[7]: POST https://eu.api.example.com/v1/payments -> HTTP 400 (POST /payments): body not captured (content.text is missing)
  log.entries[11]: POST https://eu.api.example.com/v1/payments -> HTTP 0 (POST /payments): status 0: the request got no answer (aborted, blocked or failed)
  log.entries[12]: POST https://eu.api.example.com/v1/payments (POST /payments): no response was recorded

Ambiguous (1):
  log.entries[13]: GET https://eu.api.example.com/v1/accounts/acc_1 -> HTTP 200: matches GET /accounts/{id} and GET /accounts/{accountNumber} as closely

Unmatched, on a server of the spec (1):
  log.entries[9]: DELETE https://eu.api.example.com/v1/payments -> HTTP 405: /payments has no DELETE operation (POST)
`);
  });

  test('--jsonl, from a file and from standard input: the same exchanges, the same problems', async () => {
    for (const args of [['--jsonl', JSONL], ['--jsonl', '-']]) {
      const result = await cli(['check', '--spec', SPEC, ...args, '--json'], await import('node:fs').then((fs) => fs.readFileSync(JSONL)));
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.format).toBe('jsonl');
      expect(report.totals).toEqual({ matched: 10, errorResponses: 8, conforming: 2, violations: 5, notChecked: 1, unmatched: 2, ambiguous: 1, malformed: 0 });
      expect(report.violations.map((v: any) => [v.where, v.code, v.problems.map((p: any) => p.rule)])).toEqual([
        ['line 3', 'fraud', ['declared']],
        ['line 4', 'expired_card', ['status']],
        ['line 5', 'no_such_code', ['code']],
        ['line 6', null, ['type', 'code', 'message', 'members']],
        ['line 13', null, ['content-type', 'body']],
      ]);
      expect(report.notChecked.map((e: any) => [e.where, e.why])).toEqual([['line 8', 'body not captured (the line has no body)']]);
    }
  });
});

describe('exit codes', () => {
  test('0 when every error response conforms (successes and unmatched entries do not count against it)', async () => {
    const input = await file('ok.har', har([entry('POST', 'https://eu.api.example.com/v1/payments', 400, body('payment_error', 'expired_card')), entry('GET', 'https://elsewhere.test/', 500, 'down', 'text/plain'), entry('POST', 'https://eu.api.example.com/v1/payments', 201, '{}')]));
    const result = await cli(['check', '--spec', SPEC, '--har', input]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('every error response conforms to the error contract (1 of 1 judged): ok.har, 3 entries, against tests/fixtures/traffic/openapi.yaml');
  });

  test('0 when nothing was judged, without saying "every error response conforms": a spec whose servers are not the recording\'s hosts', async () => {
    const spec = await file('elsewhere.json', { openapi: '3.1.0', info: { title: 't', version: '1' }, servers: [{ url: 'https://api.other.test/v1' }], paths: { '/payments': { post: { responses: {} } } } });
    const result = await cli(['check', '--spec', spec, '--har', HAR]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'no error response was judged (0 of 0 entries matched to an operation are error responses): tests/fixtures/traffic/checkout.har, 15 entries, against elsewhere.json',
      'note: no entry was matched to an operation of the spec, so nothing was judged: do its servers name the hosts the recording was made on? (the unmatched entries say where each went)',
    ]);
    const report = JSON.parse((await cli(['check', '--spec', spec, '--har', HAR, '--json'])).stdout);
    expect(report.conforms).toBe(true);
    expect(report.notes).toEqual(['no entry was matched to an operation of the spec, so nothing was judged: do its servers name the hosts the recording was made on? (the unmatched entries say where each went)']);
  });

  test('1 for a documented code sent with another message than the reference\'s, naming both', async () => {
    const input = await file('reworded.har', har([entry('POST', 'https://eu.api.example.com/v1/payments', 400, body('payment_error', 'expired_card', 'Your card has expired'))]));
    const result = await cli(['check', '--spec', SPEC, '--har', input, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).violations[0].problems).toEqual([
      { rule: 'message-verbatim', message: 'payment_error.expired_card is sent with the message "Expired card", verbatim; this response says "Your card has expired"' },
    ]);
  });

  test('a spec without servers: matched by path on any host, and the report says so', async () => {
    const spec = await file('no-servers.json', { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/payments': { post: { 'x-payment-errors': { api_error: 'all' }, responses: {} } } } });
    const input = await file('any-host.har', har([entry('POST', 'https://whatever.test/payments', 400, body('payment_error', 'expired_card'))]));
    const result = await cli(['check', '--spec', spec, '--har', input, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.notes).toEqual(['the spec names no servers: requests to any host are matched by their path alone']);
    expect(report.violations[0].problems).toEqual([{ rule: 'declared', message: 'payment_error is not among the error types the operation declares (api_error)' }]);
  });
});

describe('usage (exit 2)', () => {
  test.each([
    [['check', '--spec', SPEC, '--har', HAR, 'other.json'], 'check --har reads the recording'],
    [['check', '--spec', SPEC, '--har', HAR, '--jsonl', JSONL], 'check takes --har or --jsonl, not both'],
    [['check', '--har', HAR], 'check --har needs --spec <spec>'],
    [['check', '--spec', SPEC, '--har', HAR, '--operation', 'createPayment'], 'check --har takes no --operation'],
    [['check', '--spec', SPEC, '--jsonl', JSONL, '--status', '400'], 'check --jsonl takes no --status'],
    [['check'], 'check takes one file, or - for standard input'],
  ])('%j', async (args, message) => {
    const result = await cli([...args, '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.kind).toBe('usage');
    expect(result.stderr).toContain(message);
  });
});

describe('unusable input (exit 2): one message naming the file and the problem, one JSON document', () => {
  const cases: Array<[string, string | Uint8Array, string, string]> = [
    ['not JSON', '<html>', 'input-not-json', "bad.har: it is not a HAR (line 1, column 1): it starts with '<'; a HAR is a JSON object {\"log\": {\"entries\": [...]}}"],
    ['not a HAR', '{"entries": []}', 'input-not-har', 'bad.har: it is not a HAR (line 1, column 15): its top-level object has no "log" (JSON Lines? then use --jsonl)'],
    ['truncated mid-entry', '{"log":{"entries":[{"request":{"method":"GET","url":"https://a.test/"}},{"request":{"met', 'input-not-json', 'bad.har: it ends in the middle of entry 1 (it starts at line 1, column 73): the file is truncated, or was still being written'],
    ['not UTF-8', Uint8Array.from([...new TextEncoder().encode('{"log":{"entries":[{"a":"'), 0xfe, ...new TextEncoder().encode('"}]}}')]), 'input-not-utf8', 'bad.har: it is not UTF-8: byte 0xFE at line 1, column 26 (in entry 0); a HAR is UTF-8 text'],
    ['empty', '', 'input-not-json', 'bad.har: it is empty: a HAR is a JSON object {"log": {"entries": [...]}}'],
    ['an entry of 3 MB holding a million empty objects', `{"log":{"entries":[{"request":{"method":"GET","url":"https://a.test/"},"junk":[${Array(1_000_000).fill('{}').join(',')}]}]}}`, 'input-too-large', 'bad.har: entry 0 (line 1) holds more than 1,000,000 JSON values (objects, arrays, members), the most check reads of one entry'],
  ];
  test.each(cases)('%s', async (_name, content, kind, message) => {
    const input = await file('bad.har', content);
    const result = await cli(['check', '--spec', SPEC, '--har', input, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`payment-errors: ${message}\n`);
    expect(JSON.parse(result.stdout).error).toEqual({ kind, message, suggestions: [] });
  });

  test('a folder', async () => {
    const result = await cli(['check', '--spec', SPEC, '--jsonl', dir]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `payment-errors: cannot read ${dir.replace(/\/$/, '')}: it is a directory\n` });
  });

  test('a file that is not there', async () => {
    const result = await cli(['check', '--spec', SPEC, '--har', path.join(dir, 'missing.har')]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'payment-errors: cannot read missing.har: no such file\n' });
  });

  test('a HAR given to --jsonl: no line is an exchange', async () => {
    const result = await cli(['check', '--spec', SPEC, '--jsonl', HAR]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('payment-errors: tests/fixtures/traffic/checkout.har: no line of it is a JSON object {"method", "url", "status", "body"}: is it a HAR? then use --har\n');
  });

  test('a spec whose declaration is not well formed, and one that is not OpenAPI 3', async () => {
    const broken = await file('broken.json', { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/p': { post: { 'x-payment-errors': { payment_eror: 'all' }, responses: {} } } } });
    const result = await cli(['check', '--spec', broken, '--har', HAR]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('payment-errors: broken.json: paths./p.post.x-payment-errors.payment_eror: "payment_eror" is not an error type (did you mean payment_error?)\npayment-errors: broken.json has an x-payment-errors that check cannot use; fix it first\n');
    const swagger = await file('swagger.json', { swagger: '2.0', paths: {} });
    expect((await cli(['check', '--spec', swagger, '--har', HAR])).stderr).toBe('payment-errors: swagger.json: it is not an OpenAPI 3.0 or 3.1 document (its "openapi" member says which)\n');
  });
});

describe('what real HARs hold', () => {
  test('bodies of 12 MB and 16 MB (base64), a redirect, a URL that does not parse, an entry without a response, status 0', async () => {
    const page = `<html>${'x'.repeat(12 * 1024 * 1024)}</html>`;
    const image = Buffer.alloc(12 * 1024 * 1024, 7).toString('base64');
    const input = await file('real.har', har([
      entry('POST', 'https://eu.api.example.com/v1/payments', 502, page, 'text/html'),
      { request: { method: 'GET', url: 'https://cdn.example.com/hero.png' }, response: { status: 200, headers: [], content: { mimeType: 'image/png', text: image, encoding: 'base64' } } },
      entry('GET', 'https://eu.api.example.com/v1/payments/mine', 302, ''),
      entry('GET', 'https://eu.api.example.com:not-a-port/v1/payments/mine', 200, '[]'),
      { request: { method: 'POST', url: 'https://eu.api.example.com/v1/payments' } },
      entry('POST', 'https://eu.api.example.com/v1/payments', 0, ''),
    ]));
    const result = await cli(['check', '--spec', SPEC, '--har', input, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.totals).toEqual({ matched: 4, errorResponses: 1, conforming: 0, violations: 1, notChecked: 2, unmatched: 2, ambiguous: 0, malformed: 0 });
    expect(report.violations[0].problems).toEqual([
      { rule: 'content-type', message: 'the Content-Type is "text/html", not application/json' },
      { rule: 'body', message: `the body is not JSON: "<html>${'x'.repeat(54)}…"` },
    ]);
    expect(report.unmatched.map((e: any) => [e.entry, e.reason, e.why])).toEqual([
      [1, 'server', 'no server of the spec serves https://cdn.example.com'],
      [3, 'url', 'the URL does not parse: its host "eu.api.example.com:not-a-port" does not parse'],
    ]);
    expect(result.stdout.length).toBeLessThan(10_000);
  });
});

describe('a browser\'s HAR: what no server got, and the requests to other hosts, do not hide the API\'s', () => {
  test('1,200 requests to a CDN, then two the API has no operation for: those two are listed, in the text and with --json', async () => {
    const cdn = Array.from({ length: 1200 }, (_, i) => entry('GET', `https://cdn.example.com/app${i}.js`, 200, '', 'text/javascript'));
    const input = await file('cdn.har', har([...cdn, entry('DELETE', 'https://eu.api.example.com/v1/payments', 405, ''), entry('GET', 'https://eu.api.example.com/v1/nothing', 404, '')]));
    const text = (await cli(['check', '--spec', SPEC, '--har', input])).stdout;
    expect(text).toContain(`Unmatched, on a server of the spec (2):
  log.entries[1200]: DELETE https://eu.api.example.com/v1/payments -> HTTP 405: /payments has no DELETE operation (POST)
  log.entries[1201]: GET https://eu.api.example.com/v1/nothing -> HTTP 404: no path of the spec matches it
`);
    const report = JSON.parse((await cli(['check', '--spec', SPEC, '--har', input, '--json'])).stdout);
    expect(report.unmatched).toHaveLength(1000);
    expect(report.unmatched.slice(-2).map((e: any) => e.entry)).toEqual([1200, 1201]);
    expect(report.unmatched[0].entry).toBe(0);
    expect(report.omitted.unmatched).toBe(202);
    expect(report.unmatchedBy).toEqual([{ reason: 'server', count: 1200 }, { reason: 'method', count: 1 }, { reason: 'path', count: 1 }]);
  });

  test('data:, blob: and about: URLs are no requests to a server; a URL that does not parse has its own list', async () => {
    const input = await file('local.har', har([
      entry('GET', 'data:image/png;base64,iVBORw0KGgo=', 200, ''),
      entry('GET', 'blob:https://eu.api.example.com/5f0c-11aa', 200, ''),
      entry('GET', 'about:blank', 200, ''),
      entry('GET', 'v1/payments/mine', 200, '[]'),
    ]));
    const text = (await cli(['check', '--spec', SPEC, '--har', input])).stdout;
    expect(text).toContain('Not matched to one operation: 4 unmatched (3 to hosts or base paths no server of the spec names, 1 with a URL that does not parse).');
    expect(text).not.toContain('on a server of the spec (');
    expect(text).toContain('Unmatched, with a URL that does not parse (1):\n  log.entries[3]: GET v1/payments/mine -> HTTP 200: the URL does not parse');
    const report = JSON.parse((await cli(['check', '--spec', SPEC, '--har', input, '--json'])).stdout);
    expect(report.unmatched.map((e: any) => [e.reason, e.why])).toEqual([
      ['server', 'no request to a server (its scheme is data:)'],
      ['server', 'no request to a server (its scheme is blob:)'],
      ['server', 'no request to a server (its scheme is about:)'],
      ['url', 'the URL does not parse: it is neither an absolute URL (scheme://host/path) nor a path (/path)'],
    ]);
  });
});

describe('hostile entries are reported, never a stack trace', () => {
  // A million of them, from the packed package: tests/packed/traffic-large.test.ts.
  test('100,000 empty objects: each reported as no entry, listed up to the limit, the rest counted', async () => {
    const input = await file('empty-objects.har', `{"log":{"entries":[${Array(100_000).fill('{}').join(',')}]}}`);
    const result = await cli(['check', '--spec', SPEC, '--har', input, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.entries).toBe(100_000);
    expect(report.totals.malformed).toBe(100_000);
    expect(report.malformed).toHaveLength(1000);
    expect(report.omitted.malformed).toBe(99_000);
    expect(report.malformed[0]).toEqual({ entry: 0, where: 'log.entries[0]', problem: 'the entry has no request object', method: null, url: null });
    const text = await cli(['check', '--spec', SPEC, '--har', input]);
    expect(text.stdout).toContain('Not entries check can read (100000):\n  log.entries[0]: the entry has no request object\n');
    expect(text.stdout).toContain('  ... and 99950 more (--json lists up to 1000 of each kind)\n');
  });

  test('the spec\'s own texts, its paths, are escaped in the text report too', async () => {
    const spec = await file('ctl-spec.json', { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/pay\u001b[2J\u202ements': { post: { 'x-payment-errors': { payment_error: ['expired_card'] }, responses: {} } } } });
    const url = 'https://h.test/pay%1B%5B2J%E2%80%AEments';
    const input = await file('ctl-spec.har', har([entry('POST', url, 400, body('payment_error', 'fraud')), { request: { method: 'POST', url }, response: { status: 400, headers: [], content: { mimeType: 'application/json' } } }]));
    const result = await cli(['check', '--spec', spec, '--har', input]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(result.stdout).toContain('  operation                       responses      errors  conforming  violations not checked\n  POST /pay\\u001b[2J\\u202ements           2           2           0           1           1\n');
    expect(result.stdout).toContain('-> HTTP 400 (POST /pay\\u001b[2J\\u202ements): payment_error "fraud"');
    expect(result.stdout).toContain('-> HTTP 400 (POST /pay\\u001b[2J\\u202ements): body not captured');
  });

  test('control characters and bidirectional overrides in URLs, header values, codes and bodies are escaped; long texts are bounded', async () => {
    const url = `https://eu.api.example.com/v1/payments?q=\u001b]0;pwned\u0007\u202e${'x'.repeat(5000)}`;
    const input = await file('hostile.har', har([
      entry('POST', url, 400, body('payment_error', 'expired_card\u001b[2J\u202e', 'M')),
      { request: { method: 'POST', url: 'https://eu.api.example.com/v1/payments' }, response: { status: 400, headers: [{ name: 'Content-Type', value: 'text/html\u001b[31m\u0085' }], content: { mimeType: 'text/html', text: `<h1>\u001b[5m${'y'.repeat(5000)}` } } },
      entry('GET', 'https://cdn.test/\u001b[1m', 200, ''),
    ]));
    for (const json of [false, true]) {
      const result = await cli(['check', '--spec', SPEC, '--har', input, ...(json ? ['--json'] : [])]);
      expect(result.code).toBe(1);
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(result.stdout.length).toBeLessThan(json ? 8000 : 3000);
    }
    const text = (await cli(['check', '--spec', SPEC, '--har', input])).stdout;
    expect(text).toContain('log.entries[0]: POST https://eu.api.example.com/v1/payments?q=\\u001b]0;pwned\\u0007\\u202e');
    expect(text).toContain('the Content-Type is "text/html\\u001b[31m\\u0085", not application/json');
  });
});
