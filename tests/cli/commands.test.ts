// The payment-errors CLI, run in-process through runCli (the bin wires the same function to the
// process: tests/cli/bin.test.ts runs it as a process, tests/packed/package.test.ts from the tarball).
import { describe, expect, test } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/cli/check.ts';
import { runCli, USAGE } from '../../src/cli/commands.ts';
import { contractVersion, errorCatalog, type CatalogEntry } from '../../src/runtime/index.ts';

interface Options {
  input?: string | Uint8Array;
  catalog?: readonly CatalogEntry[];
}

async function cli(args: string[], { input = '', catalog }: Options = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    // As the bin does: at most maxBytes + 1 bytes.
    readInput: async (path: string, maxBytes: number) => {
      if (path !== '-') throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
      return bytes.subarray(0, maxBytes + 1);
    },
  };
  const code = await runCli(args, io, catalog);
  return { code, stdout, stderr };
}

const body = (value: object) => JSON.stringify(value);
const expiredCard = body({ type: 'payment_error', code: 'expired_card', message: 'Expired card' });
const http = (head: string, content: string) => `${head.split('\n').join('\r\n')}\r\n\r\n${content}`;

describe('list', () => {
  test('prints every code with its message and how to fix, and each type with its scope', async () => {
    const { code, stdout, stderr } = await cli(['list']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const e of errorCatalog) {
      expect(stdout).toContain(e.code);
      expect(stdout).toContain(e.message);
      if (e.howToFix) expect(stdout).toContain(e.howToFix.split('\n')[0]);
    }
    expect(stdout).toContain('api_error (HTTP 500). Scope: any internal unexpected error. Remarks: Contact technical support.\n');
    expect(stdout).toContain('refund_error (HTTP 400). Scope: not stated in the reference.\n  none listed yet: any code of the form ^[A-Za-z0-9_]{1,64}$ may be sent\n');
  });

  test('--json is stable: every entry has type, code, httpStatus, message, howToFix and deprecated (null when none)', async () => {
    const { code, stdout } = await cli(['list', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['contractVersion', 'types', 'codes']);
    expect(out.contractVersion).toBe(contractVersion);
    expect(out.codes).toHaveLength(errorCatalog.length);
    for (const entry of out.codes) expect(Object.keys(entry)).toEqual(['type', 'code', 'httpStatus', 'message', 'howToFix', 'deprecated']);
    expect(out.codes.find((e: CatalogEntry) => e.code === 'fraud')).toEqual({ type: 'payment_error', code: 'fraud', httpStatus: 400, message: 'FRAUD', howToFix: null, deprecated: null });
    expect(out.types).toContainEqual({
      type: 'api_error',
      httpStatus: 500,
      codesListed: false,
      scope: ['any internal unexpected error'],
      remarks: 'Contact technical support.',
      codePattern: '^[A-Za-z0-9_]{1,64}$',
    });
  });

  test('--type narrows to one type', async () => {
    const { stdout } = await cli(['list', '--type', 'account_error', '--json']);
    expect(JSON.parse(stdout).codes.map((e: CatalogEntry) => e.code)).toEqual(['account_not_found', 'sub_account_not_found', 'user_not_found', 'product_not_found']);
  });
});

describe('explain', () => {
  test('a code: type, status, message, how to fix (or that there is none) and an example body', async () => {
    expect(await cli(['explain', 'sub_account_not_found'])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'sub_account_not_found',
        '  type:        account_error',
        '  HTTP status: 400',
        '  message:     sub-account associated with the on-behalf-of not found or deactivated',
        '  how to fix:  Ensure the ID specified in the x-on-behalf-of header corresponds to a valid sub-account.',
        '  example:     {"type":"account_error","code":"sub_account_not_found","message":"sub-account associated with the on-behalf-of not found or deactivated"}',
        '',
      ].join('\n'),
    });
    expect((await cli(['explain', 'expired_card'])).stdout).toContain('  how to fix:  the reference gives none\n');
  });

  test('--json prints the stable entry', async () => {
    const { stdout } = await cli(['explain', '3DS_required', '--json']);
    expect(JSON.parse(stdout)).toEqual({ type: 'payment_error', code: '3DS_required', httpStatus: 400, message: 'The issuer bank requires the 3D Secure process', howToFix: null, deprecated: null });
  });

  test.each([['payment_error.expired_card'], ['payment_error/expired_card'], ['expired_card --type payment_error']])('%s: the same entry', async (what) => {
    const { code, stdout } = await cli(['explain', ...what.split(' '), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ type: 'payment_error', code: 'expired_card', message: 'Expired card' });
  });

  test('a type: its status, scope, remarks and codes', async () => {
    const { code, stdout } = await cli(['explain', 'account_error']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^account_error\n {2}HTTP status: 400\n {2}scope: {7}house account; sub account; account product \(metadata, restrict, auth trade\)\n {2}remarks: {5}none\n {2}codes: {7}4 /);
    expect(stdout).toContain('    product_not_found      product not found or inactive\n');
    const json = JSON.parse((await cli(['explain', 'api_error', '--json'])).stdout);
    expect(json).toEqual({ type: 'api_error', httpStatus: 500, codesListed: false, scope: ['any internal unexpected error'], remarks: 'Contact technical support.', codePattern: '^[A-Za-z0-9_]{1,64}$', codes: [] });
  });

  test('any well-formed code of a type whose codes are open is described by its type', async () => {
    const { code, stdout, stderr } = await cli(['explain', 'db_down', '--type', 'api_error']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('  HTTP status: 500\n');
    expect(stdout).toContain('not documented: the reference lists no codes for api_error');
    expect(stdout).toContain('  remarks:     Contact technical support.\n');
    expect(JSON.parse((await cli(['explain', 'db_down', '--type', 'api_error', '--json'])).stdout)).toEqual({
      type: 'api_error',
      code: 'db_down',
      httpStatus: 500,
      message: null,
      howToFix: null,
      deprecated: null,
      documentedIn: [],
    });
  });

  test('a code of an open type that is a documented code of another type says so', async () => {
    const { code, stdout, stderr } = await cli(['explain', 'expired_card', '--type', 'api_error']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('not documented: the reference lists no codes for api_error');
    expect(stdout).toContain('  note:        expired_card is also a documented code of payment_error: payment-errors explain payment_error.expired_card\n');
    expect(JSON.parse((await cli(['explain', 'expired_card', '--type', 'api_error', '--json'])).stdout)).toMatchObject({ type: 'api_error', message: null, documentedIn: ['payment_error'] });
  });

  test('a deprecated code says so, with its replacement', async () => {
    const catalog = errorCatalog.map((e) => (e.code === 'fraud' ? { ...e, deprecated: { replacement: 'risk_reject' } } : e)) as CatalogEntry[];
    expect((await cli(['explain', 'fraud'], { catalog })).stdout).toContain('  deprecated:  use risk_reject instead\n');
    expect(JSON.parse((await cli(['explain', 'fraud', '--json'], { catalog })).stdout).deprecated).toEqual({ replacement: 'risk_reject' });
    expect((await cli(['list', '--type', 'payment_error'], { catalog })).stdout).toMatch(/ fraud +FRAUD\n +Deprecated: use risk_reject\.\n/);
  });

  test('codes are case-sensitive: 3ds_required is not 3DS_required', async () => {
    const { code, stderr } = await cli(['explain', '3ds_required']);
    expect(code).toBe(1);
    expect(stderr).toContain('(did you mean 3DS_required?)');
  });

  test('a code of several types asks for --type, and --type picks one', async () => {
    const catalog: CatalogEntry[] = [...errorCatalog, { type: 'refund_error', code: 'expired_card', httpStatus: 400, message: 'Expired card' } as unknown as CatalogEntry];
    expect(await cli(['explain', 'expired_card'], { catalog })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'payment-errors: "expired_card" is a code of payment_error and refund_error: say which with --type <type> (did you mean payment_error.expired_card, refund_error.expired_card?)\n',
    });
    const picked = await cli(['explain', 'expired_card', '--type', 'refund_error', '--json'], { catalog });
    expect(picked.code).toBe(0);
    expect(JSON.parse(picked.stdout).type).toBe('refund_error');
  });
});

// Every failure: its exit code, what standard error says, and with --json the one document on
// standard output ({"error": {...}}) with the same exit code.
describe.each<[string, { args: string[]; input?: string | Uint8Array; exit: number; kind: string; stderr: string; suggestions?: string[] }]>([
  ['an unknown code suggests the nearest', { args: ['explain', 'expird_card'], exit: 1, kind: 'unknown-code', stderr: 'unknown code "expird_card" (did you mean expired_card?)', suggestions: ['expired_card'] }],
  [
    'a code far from any says open types take any code',
    { args: ['explain', 'db_down'], exit: 1, kind: 'unknown-code', stderr: 'unknown code "db_down"; any well-formed code may come with api_error, refund_error, terminal_error (their codes are not listed): add --type to see one' },
  ],
  [
    'a code of another type says whose it is',
    { args: ['explain', 'expired_card', '--type', 'account_error'], exit: 1, kind: 'code-of-other-type', stderr: '"expired_card" is not a code of account_error: it is a code of payment_error (did you mean payment_error.expired_card?)', suggestions: ['payment_error.expired_card'] },
  ],
  ['a malformed code of an open type', { args: ['explain', 'db down', '--type', 'api_error'], exit: 1, kind: 'unknown-code', stderr: '"db down" is not a well-formed code: api_error codes have the form ^[A-Za-z0-9_]{1,64}$' }],
  ['a mistyped type suggests the type', { args: ['explain', 'paymet_error'], exit: 1, kind: 'unknown-type', stderr: 'unknown code or error type "paymet_error" (did you mean payment_error?)', suggestions: ['payment_error'] }],
  [
    'a mistyped type in the anchor form suggests the pair',
    { args: ['explain', 'paymnt_error.expired_card'], exit: 1, kind: 'unknown-type', stderr: 'unknown error type "paymnt_error" in "paymnt_error.expired_card" (did you mean payment_error.expired_card?)', suggestions: ['payment_error.expired_card'] },
  ],
  ['an unknown --type suggests the nearest', { args: ['list', '--type', 'paymant_error'], exit: 2, kind: 'unknown-type', stderr: 'unknown error type "paymant_error" (did you mean payment_error?)\nRun payment-errors help list for usage.', suggestions: ['payment_error'] }],
  ['an unknown command suggests the nearest', { args: ['lsit'], exit: 2, kind: 'unknown-command', stderr: 'unknown command "lsit" (did you mean list?)\nRun payment-errors help for usage.', suggestions: ['list'] }],
  ['help for an unknown command', { args: ['help', 'chekc'], exit: 2, kind: 'unknown-command', stderr: 'unknown command "chekc" (did you mean check?)\nRun payment-errors help for usage.', suggestions: ['check'] }],
  ['an unknown option suggests the nearest', { args: ['list', '--jsno'], exit: 2, kind: 'usage', stderr: 'unknown option "--jsno" (did you mean --json, --jsonl?)\nRun payment-errors help for usage.', suggestions: ['--json', '--jsonl'] }],
  ['an option the command does not take', { args: ['check', '--type', 'payment_error', '-'], exit: 2, kind: 'usage', stderr: 'check takes no --type: the body says its type\nRun payment-errors help check for usage.' }],
  ['a missing operand', { args: ['explain'], exit: 2, kind: 'usage', stderr: 'explain takes one code or type\nRun payment-errors help explain for usage.' }],
  ['a status that is no HTTP status', { args: ['check', '--status', 'abc', '-'], exit: 2, kind: 'usage', stderr: '--status must be an HTTP status code (100 to 599), not "abc"\nRun payment-errors help check for usage.' }],
  // Number() reads each of these as 400.
  ...['0x190', '4e2', '400.0', ' 400', '0400'].map((status): [string, { args: string[]; exit: number; kind: string; stderr: string }] => [
    `a status of three decimal digits only: ${JSON.stringify(status)}`,
    { args: ['check', '--status', status, '-'], exit: 2, kind: 'usage', stderr: `--status must be an HTTP status code (100 to 599), not ${JSON.stringify(status)}\nRun payment-errors help check for usage.` },
  ]),
  ['an unreadable file', { args: ['check', 'missing.json'], exit: 2, kind: 'input-unreadable', stderr: 'cannot read missing.json: no such file' }],
  ['input that is not JSON', { args: ['check', '-'], input: '<html>502 Bad Gateway</html>', exit: 2, kind: 'input-not-json', stderr: 'standard input is not JSON: Unexpected token \'<\'' }],
  ['empty input', { args: ['check', '-'], input: '', exit: 2, kind: 'input-not-json', stderr: 'standard input is empty: an error response has a JSON body' }],
  [
    'a response whose body is an HTML page',
    { args: ['check', '-'], input: http('HTTP/1.1 502 Bad Gateway\ncontent-type: text/html', '<p>502</p>'), exit: 2, kind: 'input-not-json', stderr: 'the body of the response (standard input) is not JSON (its Content-Type is "text/html"): Unexpected token \'<\'' },
  ],
  [
    'a raw capture of a chunked response',
    {
      args: ['check', '-'],
      input: http('HTTP/1.1 400 Bad Request\ncontent-type: application/json\ntransfer-encoding: chunked', `46\r\n${expiredCard}\r\n0\r\n\r\n`),
      exit: 2,
      kind: 'input-not-json',
      stderr: 'the body of the response (standard input) is not JSON (its Transfer-Encoding is "chunked" and the body is still in chunks: capture the response with curl -si, which joins them): ',
    },
  ],
  ['a broken status line', { args: ['check', '-'], input: 'HTTP/1.1 four hundred\r\n\r\n{}', exit: 2, kind: 'input-not-http', stderr: 'standard input starts like an HTTP response, but the status line is not of the form "HTTP/1.1 400 Bad Request"' }],
  // Outside 100 to 599 is unusable input both ways: on the command line and on a status line.
  ['a status of 600', { args: ['check', '--status', '600', '-'], input: expiredCard, exit: 2, kind: 'usage', stderr: '--status must be an HTTP status code (100 to 599), not "600"\nRun payment-errors help check for usage.' }],
  ...['600', '099', '999'].map((status): [string, { args: string[]; input: string; exit: number; kind: string; stderr: string }] => [
    `a status line with ${status}`,
    {
      args: ['check', '-'],
      input: http(`HTTP/1.1 ${status} Whatever\ncontent-type: application/json`, expiredCard),
      exit: 2,
      kind: 'input-not-http',
      stderr: `standard input starts like an HTTP response, but the status ${status} on its status line is not an HTTP status code (100 to 599)`,
    },
  ]),
])('%s', (_, { args, input, exit, kind, stderr, suggestions = [] }) => {
  // JSON.parse's own words (V8's) follow the ones quoted here, and vary: only the start is compared.
  const partial = kind === 'input-not-json';
  const message = stderr.split('\n')[0]?.replace(/ \(did you mean .*\?\)$/, '') ?? '';

  test('exits with its code and says what is wrong on standard error', async () => {
    const run = await cli(args, { input: input ?? '' });
    expect(partial ? { ...run, stderr: run.stderr.slice(0, `payment-errors: ${stderr}`.length) } : run).toEqual({ code: exit, stdout: '', stderr: `payment-errors: ${stderr}${partial ? '' : '\n'}` });
  });

  test('--json: one JSON document on standard output, same exit code', async () => {
    const { code, stdout } = await cli([...args, '--json'], { input: input ?? '' });
    expect(code).toBe(exit);
    const { error } = JSON.parse(stdout);
    expect(partial ? { ...error, message: error.message.slice(0, message.length) } : error).toEqual({ kind, message, suggestions });
  });
});

describe('check', () => {
  test('a conforming body exits 0 and says what the code means', async () => {
    expect(await cli(['check', '--status', '400', '-'], { input: expiredCard })).toEqual({
      code: 0,
      stdout: 'conforms to the error contract: payment_error expired_card, HTTP 400\n  message:    Expired card\n  how to fix: the reference gives none\n',
      stderr: '',
    });
  });

  test('without a status, says the status was not checked', async () => {
    expect((await cli(['check', '-'], { input: expiredCard })).stdout).toContain('The HTTP status was not checked: give --status, or check the whole response');
  });

  test('each violation is printed and the exit code is 1', async () => {
    const input = body({ type: 'account_error', code: 'expired_card', message: '', trace: 'abc' });
    expect(await cli(['check', '--status', '500', '-'], { input })).toEqual({
      code: 1,
      stdout: [
        'does not conform to the error contract (4 problems):',
        '  - `code` "expired_card" is a code of payment_error, not of account_error',
        '  - `message` is empty',
        '  - members the contract does not allow: "trace"',
        '  - HTTP 500 does not fit account_error, which is sent with 400',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('--json prints the verdict, the status checked, the violations and hints', async () => {
    const conforming = await cli(['check', '--json', '--status', '500', '-'], { input: body({ type: 'api_error', code: 'boom', message: 'x' }) });
    expect(conforming.code).toBe(0);
    expect(JSON.parse(conforming.stdout)).toEqual({ conforms: true, httpStatus: 500, violations: [], hints: [] });
    const broken = await cli(['check', '--json', '-'], { input: body({ error: JSON.parse(expiredCard) }) });
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ conforms: false, httpStatus: null, hints: [expect.stringContaining('wraps the error in "error"')] });
  });

  describe('a whole HTTP response, as curl -si prints it', () => {
    test.each([
      ['HTTP/1.1, CRLF', http('HTTP/1.1 400 Bad Request\ncontent-type: application/json; charset=utf-8\ncontent-length: 70', expiredCard)],
      ['HTTP/2 and LF line ends', `HTTP/2 400 \ncontent-type: application/json\n\n${expiredCard}`],
      ['after 100 Continue', http('HTTP/1.1 100 Continue', http('HTTP/1.1 400 Bad Request\nContent-Type: application/json', expiredCard))],
      ['through a proxy', http('HTTP/1.1 200 Connection established', http('HTTP/2 400\nContent-Type: application/problem+json', expiredCard))],
      // curl prints the head of each response it went past, then the next status line.
      ['curl -siL: after a redirect', http('HTTP/1.1 301 Moved Permanently\nLocation: https://api.example.invalid/v2/payments\ncontent-length: 0', http('HTTP/2 400\ncontent-type: application/json', expiredCard))],
      [
        'curl -si --digest: after the 401 challenge',
        http('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Digest realm="api", nonce="abc", qop="auth"\ncontent-length: 0', http('HTTP/1.1 400 Bad Request\nContent-Type: application/json', expiredCard)),
      ],
      [
        'curl -si --anyauth: after the 401 with its challenges',
        http('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="api"\nWWW-Authenticate: Digest realm="api", nonce="abc"', http('HTTP/1.1 400 Bad Request\nContent-Type: application/json', expiredCard)),
      ],
      [
        'curl -siL through a proxy, after two redirects',
        http('HTTP/1.1 200 Connection established', http('HTTP/1.1 302 Found\nLocation: /a', http('HTTP/1.1 307 Temporary Redirect\nLocation: /b', http('HTTP/1.1 400 Bad Request\nContent-Type: application/json', expiredCard)))),
      ],
      ['chunked, as curl prints it (the chunks joined)', http('HTTP/1.1 400 Bad Request\nContent-Type: application/json\nTransfer-Encoding: chunked', expiredCard)],
    ])('%s: conforms, with its status checked', async (_, input) => {
      const { code, stdout } = await cli(['check', '-'], { input });
      expect(code).toBe(0);
      expect(stdout).toMatch(/^conforms to the error contract: payment_error expired_card, HTTP 400\n/);
    });

    test('the status is the last response\'s', async () => {
      const input = http('HTTP/1.1 302 Found\nLocation: /v2/payments', http('HTTP/1.1 500 Internal Server Error\ncontent-type: application/json', expiredCard));
      const { code, stdout } = await cli(['check', '--json', '-'], { input });
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject({ httpStatus: 500, violations: [{ rule: 'status' }] });
    });

    test('a header value may carry bytes that are not UTF-8; the body may not', async () => {
      const bytes = (...parts: Array<string | number[] | Uint8Array>) => new Uint8Array(parts.flatMap((p) => [...(typeof p === 'string' ? new TextEncoder().encode(p) : p)]));
      const head = (value: number[]) => bytes('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Note: caf', value, '\r\n\r\n');
      // Latin-1 é in a header: taken as it is.
      expect((await cli(['check', '-'], { input: bytes(head([0xe9]), expiredCard) })).code).toBe(0);
      expect(await cli(['check', '-'], { input: bytes(head([0xe9]), '{"type":"payment_error","code":"expired_card","message":"Exp', [0xe9], 'ired card"}') })).toEqual({
        code: 2,
        stdout: '',
        stderr: 'payment-errors: the body of the response (standard input) is not UTF-8 (byte 0xE9 at line 5, byte 61): the API sends UTF-8, so this is not the body it sent\n',
      });
    });

    test('the status comes from the status line, unless --status is given', async () => {
      const input = http('HTTP/1.1 500 Internal Server Error\ncontent-type: application/json', expiredCard);
      expect((await cli(['check', '-'], { input })).stdout).toContain('HTTP 500 does not fit payment_error, which is sent with 400');
      expect((await cli(['check', '--status', '400', '-'], { input })).code).toBe(0);
    });

    test.each([
      ['a Content-Type that is not JSON', 'HTTP/1.1 400 Bad Request\ncontent-type: text/plain', 'the Content-Type is "text/plain", not application/json'],
      ['no Content-Type', 'HTTP/1.1 400 Bad Request\nx-request-id: 42', 'the response has no Content-Type: it must be application/json'],
    ])('%s is a violation', async (_, head, message) => {
      const { code, stdout } = await cli(['check', '--json', '-'], { input: http(head, expiredCard) });
      expect(code).toBe(1);
      expect(JSON.parse(stdout).violations).toEqual([{ rule: 'content-type', message }]);
    });
  });

  test.each([
    ['a body wrapped in "error"', { error: { type: 'payment_error', code: 'expired_card', message: 'Expired card' } }, 'the body wraps the error in "error" (the wrapped object itself conforms)'],
    ['a list of errors', { errors: [{ type: 'payment_error' }] }, 'the body is a list of errors under "errors"'],
    ['a problem details body', { title: 'Bad Request', status: 400, detail: 'x' }, 'this looks like an RFC 9457 problem details body'],
  ])('%s gets a hint beside the violations', async (_, value, hint) => {
    const { code, stdout } = await cli(['check', '--status', '400', '-'], { input: body(value) });
    expect(code).toBe(1);
    expect(stdout).toContain('  - `type` is missing\n');
    expect(stdout).toContain(`hint: ${hint}`);
  });

  test(`input over ${MAX_INPUT_BYTES} bytes is refused with exit 2, and input of exactly that size is read`, async () => {
    const padded = (n: number) => expiredCard + ' '.repeat(n - expiredCard.length);
    expect(await cli(['check', '-'], { input: padded(MAX_INPUT_BYTES + 1) })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'payment-errors: standard input is larger than 1 MiB (1048576 bytes), the most check reads: an error response is a few hundred bytes\n',
    });
    expect((await cli(['check', '-'], { input: padded(MAX_INPUT_BYTES) })).code).toBe(0);
  });
});

describe('input is quoted, never obeyed', () => {
  const ESC = '\u001b';
  const hostile = [`${ESC}[2J`, '\u009b31m', '\u202eevil', '\u2028', '\u007f', '\r'];

  test.each(hostile.map((h) => [JSON.stringify(h), h]))('%s in a code, a body, a file name and JSON that does not parse is written escaped', async (_, h) => {
    const runs = [
      await cli(['explain', `x${h}`]),
      await cli(['explain', `x${h}`, '--json']),
      await cli(['check', '-'], { input: `${h}{` }),
      await cli(['check', '--json', '-'], { input: `${h}{` }),
      await cli(['check', `file${h}.json`]),
      await cli(['check', '--status', '400', '-'], { input: body({ type: `payment_error${h}`, code: h, message: h, [h]: 1 }) }),
      await cli(['check', '--json', '--status', '400', '-'], { input: body({ type: `payment_error${h}`, code: h, message: h, [h]: 1 }) }),
      await cli(['check', '-'], { input: http(`HTTP/1.1 400 Bad${h}\ncontent-type: text/${h}html`, expiredCard) }),
      await cli([`--${h}`]),
    ];
    const written = runs.map((run) => run.stdout + run.stderr);
    expect(written.filter((w) => w.includes(h))).toEqual([]);
    // Quoted, as an escape: \u001b, \r, ...
    const escaped = JSON.stringify(h).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(written.filter((w) => w.includes(escaped)).length).toBeGreaterThan(runs.length / 2);
  });

  test('bytes that are not UTF-8 are refused with exit 2, naming where', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"type":"payment_error","code":"expired_card","message":"Exp'), 0xff, ...new TextEncoder().encode('ired card"}')]);
    expect(await cli(['check', '-'], { input: bytes })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'payment-errors: standard input is not UTF-8 (byte 0xFF at line 1, byte 61): the API sends UTF-8, so this is not the body it sent\n',
    });
  });

  test('a gzip-encoded response gets a hint', async () => {
    const head = new TextEncoder().encode('HTTP/1.1 400 Bad Request\r\nContent-Encoding: gzip\r\nContent-Type: application/json\r\n\r\n');
    const { code, stderr } = await cli(['check', '-'], { input: new Uint8Array([...head, 0x1f, 0x8b, 0x08, 0x00]) });
    expect(code).toBe(2);
    expect(stderr).toContain('(its Content-Encoding is "gzip": run curl with --compressed)');
  });
});

describe('a bug', () => {
  test('is reported as such, exit 2, and with --json as one document', async () => {
    const broken = new Proxy([...errorCatalog], {
      get: (target, key) => {
        if (key === 'filter') throw new Error('boom');
        return Reflect.get(target, key);
      },
    });
    expect(await cli(['list'], { catalog: broken })).toEqual({ code: 2, stdout: '', stderr: 'payment-errors: unexpected error (please report it): boom\n' });
    const json = await cli(['list', '--json'], { catalog: broken });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { kind: 'unexpected', message: 'unexpected error (please report it): boom', suggestions: [] } });
  });
});

describe('usage', () => {
  test.each([[['--help']], [['help']], [['-h']]])('%j prints the overview on standard output', async (args) => {
    expect(await cli(args)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    for (const command of ['list', 'explain', 'check', 'narrow', 'help']) expect(USAGE).toContain(`\n  payment-errors ${command} `);
  });

  test('no command prints the overview on standard error, as a usage error', async () => {
    expect(await cli([])).toEqual({ code: 2, stdout: '', stderr: USAGE });
  });

  test.each([['list'], ['explain'], ['check'], ['narrow'], ['help']])('help %s and the command with --help print its usage', async (command) => {
    const help = await cli(['help', command]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: payment-errors ${command}( |\\n)`));
    expect(help.stdout).not.toContain('\n\n\n');
    expect(await cli([command, '--help'])).toEqual(help);
  });

  test('--version prints the contract version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${contractVersion}\n`, stderr: '' });
    expect(JSON.parse((await cli(['--version', '--json'])).stdout)).toEqual({ contractVersion });
  });
});
