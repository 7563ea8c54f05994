// payment-errors check: an error response (a body, or a whole HTTP response as curl -si prints it)
// against the contract and, with --spec and --operation, what the operation declares; with --har or
// --jsonl, recorded traffic (traffic.ts).
import { DECLARATION, declarationValue, type DeclarationValue } from '../runtime/declaration.ts';
import { checkErrorResponse, type ContractViolation } from '../runtime/check.ts';
import type { ErrorType } from '../runtime/types.ts';
import { nearest } from '../runtime/suggest.ts';
import { bytePlace, decodeUtf8, latin1Text } from '../lib/bytes.ts';
import { printable, quote } from '../lib/text.ts';
import { declarationOf } from '../kit/openapi/declarations.ts';
import { loadSpec, SpecError } from '../kit/openapi/load.ts';
import { isJsonMediaType, isNamed, misplacedDeclarations, operationName, operations, type OperationAt } from '../kit/openapi/walk.ts';
import type { CliArgs } from './args.ts';
import { header, looksLikeHttp, readHttpResponse, type HttpResponse } from './http-response.ts';
import { done, fail, readProblem, type Command, type Failure, type Run } from './run.ts';
import { checkTraffic } from './traffic.ts';

/** The most `check` reads from a file or standard input. An error response is a few hundred bytes. */
export const MAX_INPUT_BYTES = 1024 * 1024;
const MAX_INPUT_TEXT = '1 MiB (1048576 bytes)';

export const checkCommand: Command = {
  name: 'check',
  synopsis: 'check [--status <status>] [--spec <spec> --operation <operation>] [--json] <file | ->\n  payment-errors check --spec <spec> (--har | --jsonl) <file | -> [--json]',
  summary: 'Checks an error response, or recorded traffic, against the contract and prints each violation.',
  details: [
    'Reads a file, or standard input for -: either the JSON body, or the whole response as',
    '`curl -si` prints it (status line, headers, body). From a whole response it takes the HTTP',
    'status (unless --status is given) and checks that the Content-Type is JSON. Without a status',
    'the status is not checked. Exits 0 when the response conforms, 1 when it does not, 2 when the',
    `input cannot be read, is larger than ${MAX_INPUT_TEXT}, is not UTF-8 or is not JSON.`,
    '',
    'With --spec and --operation ("POST /payments": the path as the spec writes it; or an',
    'operationId), the (type, code) must also be one the operation declares in its x-payment-errors.',
    '',
    'Examples:',
    '  curl -si -X POST "$API/payments" -d @request.json | payment-errors check -',
    '  payment-errors check --status 400 body.json',
    '  payment-errors check --spec openapi.yaml --operation "POST /payments" response.txt',
    '',
    'With --har (a HAR 1.2 file, as browsers and proxies export them) or --jsonl (one JSON object a',
    'line: {"method", "url", "status", "headers"?, "body"}), each exchange is matched to its operation',
    "of --spec by its method and URL (the spec's servers, base paths and path templates) and each",
    'response with status >= 400 is checked as above, against that operation\'s declaration. Prints a',
    'summary per operation, then each violation with the entry, method, URL, status, type, code and',
    'why; unmatched and ambiguous entries are reported, never guessed. Reads the input as a stream',
    '(of any size; one entry at most 128 MiB). Exits 0 when every error response conforms, 1 when one',
    'does not, 2 when the spec or the input cannot be used (not a HAR, not UTF-8, an entry too large).',
    '  payment-errors check --spec openapi.yaml --har checkout.har',
    '  payment-errors check --spec openapi.yaml --jsonl responses.jsonl --json',
  ].join('\n'),
  options: ['status', 'spec', 'operation', 'har', 'jsonl'],
  refuses: { type: 'the body says its type' },
  operands: { min: 0, max: 1, problem: 'check takes one file, or - for standard input' },
  run: async (run, operands) => {
    if (run.args.har === undefined && run.args.jsonl === undefined) {
      if (operands.length !== 1) return fail(run, { exit: 2, kind: 'usage', message: 'check takes one file, or - for standard input', help: 'check' });
      return check(run, operands[0] ?? '');
    }
    const result = await checkTraffic({ ...run, readProblem }, operands);
    return typeof result === 'number' ? result : fail(run, result.failure);
  },
};

/** A violation the CLI finds in a whole HTTP response, beside those of checkErrorResponse. */
type Violation = ContractViolation | { readonly rule: 'content-type'; readonly message: string };

async function check(run: Run & { readonly args: CliArgs }, path: string): Promise<number> {
  const statusOption = run.args.status;
  const given = statusOption === undefined ? undefined : Number(statusOption);
  // Three decimal digits, as on a status line (Number() alone takes 0x190 and 4e2 for 400), from 100 to 599 as a status line's must be.
  if (statusOption !== undefined && !/^[1-5][0-9]{2}$/.test(statusOption)) {
    return fail(run, { exit: 2, kind: 'usage', message: `--status must be an HTTP status code (100 to 599), not ${quote(statusOption ?? '')}`, help: 'check' });
  }
  const source = path === '-' ? 'standard input' : printable(path);
  let bytes: Uint8Array;
  try {
    bytes = await run.io.readInput(path, MAX_INPUT_BYTES);
  } catch (error) {
    return fail(run, { exit: 2, kind: 'input-unreadable', message: `cannot read ${source}: ${readProblem(error)}` });
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    return fail(run, { exit: 2, kind: 'input-too-large', message: `${source} is larger than ${MAX_INPUT_TEXT}, the most check reads: an error response is a few hundred bytes` });
  }
  // A whole HTTP response: its head may carry any byte (header values are not always UTF-8), so
  // it is read as Latin-1; the body is what the API sent, and must be UTF-8.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = latin1Text(bytes.subarray(bom, bom + 64 * 1024));
  let http: HttpResponse | undefined;
  if (looksLikeHttp(head)) {
    const response = readHttpResponse(latin1Text(bytes.subarray(bom)));
    if (typeof response === 'string') return fail(run, { exit: 2, kind: 'input-not-http', message: `${source} starts like an HTTP response, but ${response}` });
    http = response;
  }
  const what = http ? `the body of the response (${source})` : source;
  const bodyStart = http ? bom + http.bodyStart : 0;
  const decoded = decodeUtf8(bytes.subarray(bodyStart));
  if ('invalidAt' in decoded) {
    const at = bodyStart + decoded.invalidAt;
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return fail(run, {
      exit: 2,
      kind: 'input-not-utf8',
      message: `${what} is not UTF-8 (byte 0x${byte} at ${bytePlace(bytes, at)}): the API sends UTF-8, so this is not the body it sent${compressedHint(http)}`,
    });
  }
  const bodyText = decoded.text;
  if (bodyText.trim() === '') return fail(run, { exit: 2, kind: 'input-not-json', message: `${what} is empty: an error response has a JSON body` });
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch (error) {
    const contentType = http && header(http, 'content-type');
    const said = contentType && !isJsonMediaType(contentType) ? ` (its Content-Type is ${quote(contentType)})` : '';
    return fail(run, { exit: 2, kind: 'input-not-json', message: `${what} is not JSON${said}${http ? chunkedHint(http, bodyText) : ''}: ${error instanceof Error ? error.message : String(error)}` });
  }

  const status = given ?? http?.status;
  const declared = await declarationFor(run);
  if ('failure' in declared) return fail(run, declared.failure);
  const violations: Violation[] = [...checkErrorResponse(status, body, declared.allowed ? { allowed: declared.allowed } : undefined)];
  if (http) {
    const contentType = header(http, 'content-type');
    if (contentType === undefined) violations.push({ rule: 'content-type', message: 'the response has no Content-Type: it must be application/json' });
    else if (!isJsonMediaType(contentType)) violations.push({ rule: 'content-type', message: `the Content-Type is ${quote(contentType)}, not application/json` });
  }
  const hints = violations.length ? bodyHints(body, status) : [];
  if (run.json) return done(run, '', { conforms: violations.length === 0, httpStatus: status ?? null, violations, hints }, violations.length ? 1 : 0);
  if (declared.note) run.io.stderr(`payment-errors: ${declared.note}\n`);

  if (violations.length === 0) {
    const b = body as { type: ErrorType; code: string };
    const entry = run.catalog.find((e) => e.type === b.type && e.code === b.code);
    const lines = [`conforms to the error contract: ${b.type} ${printable(b.code)}${status === undefined ? '' : `, HTTP ${status}`}`];
    if (entry) lines.push(`  message:    ${entry.message}`, `  how to fix: ${entry.howToFix ? entry.howToFix.split('\n').join('\n              ') : 'the reference gives none'}`);
    else lines.push(`  ${b.type} lists no codes, so the reference says nothing more of ${printable(b.code)}.`);
    if (status === undefined) lines.push('The HTTP status was not checked: give --status, or check the whole response (curl -si ... | payment-errors check -).');
    return done(run, lines.join('\n') + '\n');
  }
  const out = [
    `does not conform to the error contract (${violations.length} ${violations.length === 1 ? 'problem' : 'problems'}):`,
    ...violations.map((v) => `  - ${printable(v.message)}`),
    ...hints.map((h) => `hint: ${h}`),
  ];
  run.io.stdout(out.join('\n') + '\n');
  return 1;
}

/**
 * With --spec and --operation, what the operation declares (its x-payment-errors), for
 * checkErrorResponse's `allowed`; nothing without them.
 */
async function declarationFor(run: Run & { readonly args: CliArgs }): Promise<{ allowed?: DeclarationValue; note?: string } | { failure: Failure }> {
  const { spec: file, operation: wanted } = run.args;
  if (file === undefined && wanted === undefined) return {};
  if (file === undefined || wanted === undefined) return { failure: { exit: 2, kind: 'usage', message: 'check takes --spec and --operation together', help: 'check' } };
  const specs = run.io.specs;
  if (!specs) return { failure: { exit: 2, kind: 'spec-unreadable', message: 'this CLI cannot read spec files' } };
  let spec;
  try {
    spec = await loadSpec(file, specs, false);
  } catch (error) {
    if (error instanceof SpecError) return { failure: { exit: 2, kind: 'spec-unreadable', message: error.message } };
    throw error;
  }
  // A declaration where nothing reads it: the spec does not say what its author meant.
  const misplaced = [...misplacedDeclarations(spec.source.data, spec.tree)];
  if (misplaced.length > 0) {
    return { failure: { exit: 2, kind: 'declaration', message: `${printable(file)} has an ${DECLARATION} where it is not read; fix it first`, problems: misplaced.map((m) => ({ path: m.path.join('.'), message: m.message })), file } };
  }
  // Every place of an operation (a path item several paths share is at each of them).
  const all = [...operations(spec.source.data, spec.tree, true)];
  const name = operationName;
  const matches = (o: OperationAt, by: string) => isNamed(o, by) || o.operation['operationId'] === by;
  // One operation, wherever it is (a path item several paths share is at each of them).
  const candidates = all.filter((o) => matches(o, wanted));
  const distinct = [...new Map(candidates.map((o) => [o.operation, o])).values()];
  const found = distinct[0];
  if (!found) {
    const names = [...all.map(name), ...all.flatMap((o) => (typeof o.operation['operationId'] === 'string' ? [o.operation['operationId']] : []))];
    // A suggestion is something --operation finds, and not what was asked.
    const suggestions = nearest(wanted, names).filter((s) => s !== wanted && all.some((o) => matches(o, s)));
    return { failure: { exit: 2, kind: 'unknown-operation', message: `${printable(file)} has no operation ${quote(wanted)}`, suggestions } };
  }
  if (distinct.length > 1) {
    const names = distinct.map(name);
    return {
      failure: {
        exit: 2,
        kind: 'ambiguous-operation',
        message: `${printable(file)} has ${distinct.length} operations named ${quote(wanted)}: ${names.map(printable).join(' and ')} (an operationId must be unique); name one by method and path`,
        suggestions: names,
      },
    };
  }
  const read = declarationOf(found.operation, spec.tree);
  if (!read) return { note: `${name(found)} declares no ${DECLARATION}: any error of the contract may come from it` };
  const [problem] = read.problems;
  if (problem) {
    return { failure: { exit: 2, kind: 'declaration', message: `the ${DECLARATION} of ${name(found)} in ${printable(file)} is not well formed: ${problem.path.length ? `${problem.path.join('.')}: ` : ''}${problem.message}` } };
  }
  return { allowed: declarationValue(read.declaration) };
}

/** What a body that breaks the contract may be instead, when it looks like a known mistake. */
function bodyHints(body: unknown, status: number | undefined): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const own = (name: string): unknown => Object.getOwnPropertyDescriptor(body, name)?.value;
  if (own('type') !== undefined) return [];
  const wrapped = own('error');
  if (typeof wrapped === 'object' && wrapped !== null && !Array.isArray(wrapped)) {
    const inner = checkErrorResponse(status, wrapped).length === 0 ? ' (the wrapped object itself conforms)' : '';
    return [`the body wraps the error in "error"${inner}: the contract's body is the object {"type", "code", "message"} itself, with no wrapper`];
  }
  if (Array.isArray(own('errors'))) return ['the body is a list of errors under "errors": the contract\'s body is one object {"type", "code", "message"}'];
  if (own('title') !== undefined && own('status') !== undefined) return ['this looks like an RFC 9457 problem details body (title, status, detail): the contract\'s body is {"type", "code", "message"}'];
  return [];
}

/**
 * A raw capture of a chunked response (nc, openssl s_client) still has the chunks' sizes in its
 * body; curl -si joins them (and keeps the Transfer-Encoding header, so the header alone says
 * nothing).
 */
function chunkedHint(http: HttpResponse, body: string): string {
  const chunked = /(^|,)\s*chunked\s*$/i.test(header(http, 'transfer-encoding') ?? '') && /^[0-9A-Fa-f]{1,16}[ \t]*(?:;[^\r\n]*)?\r?\n/.test(body);
  return chunked ? ' (its Transfer-Encoding is "chunked" and the body is still in chunks: capture the response with curl -si, which joins them)' : '';
}

/** A compressed body is the usual reason a response is not UTF-8. */
function compressedHint(http: HttpResponse | undefined): string {
  const encoding = http && header(http, 'content-encoding');
  return encoding ? ` (its Content-Encoding is ${quote(encoding)}: run curl with --compressed)` : '';
}

