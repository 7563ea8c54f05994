// The commands of the `payment-errors` CLI, as a function of its arguments: bin/payment-errors.js
// wires it to the process, tests call it directly. Each command is one entry of COMMANDS: its
// usage, the options it takes and what it does; `help <command>` and the overview are built from
// the table.
//
// Exit codes: 0 ok; 1 an unknown code or type, a response that does not conform, or (narrow) a
// declaration that is not well formed, misplaced, or declares a type no error response carries; 2 bad usage, input that cannot be read, a spec
// that cannot be narrowed or whose declaration check --spec cannot use, output that cannot be
// written, or a bug. With --json every run writes exactly one JSON document on standard output,
// errors included ({"error": {...}}); messages for people go to standard error.
// Everything taken from input is quoted with control characters escaped (text.ts).
import { codeFormat, codesByType, contractVersion, errorCatalog, errorTypes, httpStatusByType, openCodePatternByType, remarksByType, scopeByType } from '../../generated/error-catalog.ts';
import { parseCliArgs, VALUE_OPTIONS, wantsJson, type CliArgs, type ValueOption } from './args.ts';
import { header, looksLikeHttp, readHttpResponse, type HttpResponse } from './http-response.ts';
import { bytePlace, decodeUtf8, latin1Text } from '../lib/bytes.ts';
import { jsonText, printable, quote } from '../lib/text.ts';
import { checkErrorResponse, type ContractViolation } from '../runtime/check.ts';
import { DECLARATION, declarationValue, type DeclarationValue } from '../runtime/declaration.ts';
import { declarationOf } from '../kit/openapi/declarations.ts';
import { isJsonMediaType, isNamed, misplacedDeclarations, operationName, operations, type OperationAt } from '../kit/openapi/walk.ts';
import { narrowSpec, type NarrowFiles } from '../kit/narrow/command.ts';
import { checkTraffic } from './traffic.ts';
import { loadSpec, SpecError } from '../kit/openapi/load.ts';
import { isCodeOf, isErrorType } from '../runtime/lookup.ts';
import { nearest } from '../runtime/suggest.ts';
import type { CatalogEntry, ErrorType } from '../runtime/types.ts';

/** Reading and writing API specs (narrow, check --spec): Node's files, given by bin/spec-files.js. */
export interface SpecIo extends NarrowFiles {
  /**
   * Writes a file whole or not at all, a regular file only (through a symbolic link to one); rejects
   * with a message for anything else, a link to nothing or a file with other hard links, touching nothing.
   */
  write(file: string, text: string): Promise<void>;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Spec files; without them, narrow and check --spec are not available. */
  readonly specs?: SpecIo;
  /**
   * At most `maxBytes` + 1 bytes of a file, or of standard input for `-`: reading stops one byte
   * past the limit, so a longer input comes back longer than `maxBytes` (check refuses it) and
   * is never held whole. Rejects with the error of the read (its `code`, e.g. ENOENT, is used
   * when present).
   */
  readInput(path: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * A file, or standard input for `-`, in chunks, for check --har and --jsonl (which read inputs
   * of hundreds of MB without holding them): no chunk is changed after it is given. Rejects with
   * the error of the read (its `code`, e.g. ENOENT, is used when present).
   */
  readonly readChunks?: (path: string) => AsyncIterable<Uint8Array>;
}

/** The most `check` reads from a file or standard input. An error response is a few hundred bytes. */
export const MAX_INPUT_BYTES = 1024 * 1024;
const MAX_INPUT_TEXT = '1 MiB (1048576 bytes)';

/** One run of the CLI: where it writes, the catalog it explains, its options. */
interface Run {
  readonly io: CliIo;
  readonly catalog: readonly CatalogEntry[];
  readonly json: boolean;
  readonly args?: CliArgs;
}

interface Command {
  readonly name: string;
  /** The usage line, after `payment-errors `. */
  readonly synopsis: string;
  /** One line for the overview. */
  readonly summary: string;
  /** What `help <command>` adds to the usage line. */
  readonly details: string;
  /** The options with a value it takes (--json and --help go with every command). */
  readonly options: readonly ValueOption[];
  /** Why it refuses an option it does not take, when that is worth saying. */
  readonly refuses?: Partial<Record<ValueOption, string>>;
  readonly operands: { readonly min: number; readonly max: number; readonly problem: string };
  run(run: Run & { readonly args: CliArgs }, operands: readonly string[]): number | Promise<number>;
}

/** A run that ends in an error: the message on standard error, and {"error": {...}} with --json. */
interface Failure {
  readonly exit: 1 | 2;
  /**
   * For scripts: usage, unknown-command, unknown-type, unknown-code, code-of-other-type,
   * ambiguous-code, input-unreadable, input-too-large, input-not-utf8, input-not-http,
   * input-not-json, input-not-har, input-not-jsonl, spec-unreadable, unknown-operation,
   * ambiguous-operation, declaration, cannot-narrow, narrow-unverified, output-unwritable,
   * unexpected (a bug).
   */
  readonly kind: string;
  /** For people; input in it is quoted with quote(). */
  readonly message: string;
  readonly suggestions?: readonly string[];
  /** The problems of a spec's declarations, each at its place in `file` (in the JSON error; on standard error one a line). */
  readonly problems?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
  readonly file?: string;
  /** Usage errors name the help to read: the overview, or one command's. */
  readonly help?: string;
}

const COMMANDS: readonly Command[] = [
  {
    name: 'list',
    synopsis: 'list [--type <type>] [--json]',
    summary: 'Every documented code with its type, HTTP status, message and how to fix.',
    details: 'With --type, the codes of one error type only. The types whose codes the reference leaves open say so.',
    options: ['type'],
    operands: { min: 0, max: 0, problem: 'list takes no arguments' },
    run: (run) => list(run, run.args.type as ErrorType | undefined),
  },
  {
    name: 'explain',
    synopsis: 'explain <code | type | type.code> [--type <type>] [--json]',
    summary: 'What a code or an error type means, and what a correct body looks like.',
    details: [
      'A code (expired_card), a type (payment_error), or both as ERRORS.md anchors write them',
      '(payment_error.expired_card). An unknown code or type exits 1 and suggests the nearest known',
      'codes or types; a code of another type than --type says whose it is. For a type whose codes the',
      'reference leaves open (api_error), any well-formed code is valid: explain db_down --type',
      'api_error describes it, and says so when the code is a documented code of another type.',
    ].join('\n'),
    options: ['type'],
    operands: { min: 1, max: 1, problem: 'explain takes one code or type' },
    run: (run, [what = '']) => explain(run, what, run.args.type as ErrorType | undefined),
  },
  {
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
  },
  {
    name: 'narrow',
    synopsis: 'narrow <spec> [-o <out | ->] [--json]',
    summary: "Narrows each declaring operation's error responses to its x-payment-errors.",
    details: [
      'Reads an OpenAPI spec (YAML or JSON, 3.0 or 3.1) and writes it in the same format with each',
      "error response of an operation that declares x-payment-errors narrowed to exactly the declared",
      'types and codes (their messages, how-to-fix and examples), so that generated types, docs and',
      'mock servers follow it. Operations without a declaration are left byte for byte, and so is the',
      'rest of the file; equal declarations share components; narrowing twice changes nothing.',
      'Without -o the result goes to standard output (--json then needs -o). Relative $refs are',
      'rewritten for a file written to another folder. Nothing is written when a declaration is not',
      'well formed, is misplaced, or declares a type none of the operation\'s error responses carries',
      '(exit 1), or the spec cannot be read or narrowed here (exit 2), and nothing that does not read',
      'back as the narrowed spec: narrow checks its output before writing. -o - writes to standard',
      'output; -o replaces a regular file only (a symbolic link is written through, the file it leads',
      'to replaced; a file with other hard links is refused), keeping its mode and owner.',
      'YAML is read as Redocly and Spectral read it (merge keys included). Redocly users narrow with',
      'redocly bundle and the payment-errors/narrow decorator instead.',
    ].join('\n'),
    options: ['out'],
    operands: { min: 1, max: 1, problem: 'narrow takes one spec file' },
    run: (run, [file = '']) => narrow(run, file),
  },
  {
    name: 'help',
    synopsis: 'help [<command>]',
    summary: 'This overview, or the details of one command.',
    details: 'payment-errors <command> --help is the same as payment-errors help <command>.',
    options: [],
    operands: { min: 0, max: 1, problem: 'help takes at most one command' },
    run: (run, [name]) => help(run, name),
  },
];

/** The overview: every command with its usage line. */
export const USAGE = [
  `payment-errors: the payment API's error contract (version ${contractVersion}) on the command line`,
  '',
  'Usage:',
  ...COMMANDS.flatMap((c) => [`  payment-errors ${c.synopsis}`, `      ${c.summary}`]),
  '  payment-errors --version',
  '',
  'Run payment-errors help <command> for the details of one.',
  'Exit codes: 0 ok; 1 unknown code or type, the response does not conform, or (narrow) a',
  'declaration that is not well formed, misplaced, or that no error response carries; 2 bad usage,',
  'input that cannot be read, a spec that cannot be narrowed or whose declaration check --spec',
  'cannot use, output that cannot be written, or a bug. --json prints exactly one JSON document on',
  'standard output, errors included; messages for people go to standard error.',
  `Error types: ${errorTypes.join(', ')}.`,
  '',
].join('\n');

/** Runs the CLI with the arguments after the program name; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, catalog: readonly CatalogEntry[] = errorCatalog): Promise<number> {
  const parsed = parseCliArgs(argv);
  if ('problem' in parsed) {
    return fail({ io, catalog, json: wantsJson(argv) }, { exit: 2, kind: 'usage', message: parsed.problem, suggestions: parsed.suggestions, help: '' });
  }
  const run = { io, catalog, json: parsed.json, args: parsed };
  const [name, ...operands] = parsed.positionals;
  if (parsed.version) return done(run, `${contractVersion}\n`, { contractVersion });
  if (name === undefined) {
    if (parsed.help) return help(run, undefined);
    // Nothing to do: the overview, as a usage error.
    if (run.json) return fail(run, { exit: 2, kind: 'usage', message: 'a command is needed', help: '' });
    io.stderr(USAGE);
    return 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return unknownCommand(run, name);
  if (parsed.help) return help(run, command.name);
  for (const option of VALUE_OPTIONS) {
    if (parsed[option] !== undefined && !command.options.includes(option)) {
      const why = command.refuses?.[option];
      return fail(run, { exit: 2, kind: 'usage', message: `${command.name} takes no --${option}${why ? `: ${why}` : ''}`, help: command.name });
    }
  }
  if (parsed.type !== undefined && !isErrorType(parsed.type)) {
    return fail(run, { exit: 2, kind: 'unknown-type', message: `unknown error type ${quote(parsed.type)}`, suggestions: nearest(parsed.type, errorTypes), help: command.name });
  }
  if (operands.length < command.operands.min || operands.length > command.operands.max) {
    return fail(run, { exit: 2, kind: 'usage', message: command.operands.problem, help: command.name });
  }
  try {
    return await command.run(run, operands);
  } catch (error) {
    // A bug, not bad input: no stack trace for the user, but enough to report it, and with
    // --json still one document.
    return fail(run, { exit: 2, kind: 'unexpected', message: `unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}` });
  }
}

// --- help -------------------------------------------------------------------------------------

function help(run: Run, name: string | undefined): number {
  if (name === undefined) return done(run, USAGE, { usage: USAGE });
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return unknownCommand(run, name);
  const text = `Usage: payment-errors ${command.synopsis}\n\n${command.summary}\n${command.details}\n`;
  return done(run, text, { usage: text });
}

function unknownCommand(run: Run, name: string): number {
  const names = COMMANDS.map((c) => c.name);
  return fail(run, { exit: 2, kind: 'unknown-command', message: `unknown command ${quote(name)}`, suggestions: nearest(name, names), help: '' });
}

// --- list -------------------------------------------------------------------------------------

function list(run: Run, only: ErrorType | undefined): number {
  const types = only ? [only] : errorTypes;
  const entries = run.catalog.filter((e) => types.includes(e.type));
  if (run.json) return done(run, '', { contractVersion, types: types.map(typeJson), codes: entries.map(entryJson) });
  const width = Math.max(0, ...entries.map((e) => e.code.length));
  const pad = ''.padEnd(width);
  const out: string[] = [];
  for (const t of types) {
    out.push(`${t} (HTTP ${httpStatusByType[t]}). ${typeNotes(t)}`);
    const codes = entries.filter((e) => e.type === t);
    if (codes.length === 0) out.push(`  ${openCodesText(t)}`);
    for (const e of codes) {
      out.push(`  ${e.code.padEnd(width)}  ${e.message}`);
      if (e.deprecated) out.push(`  ${pad}  Deprecated${e.deprecated.replacement ? `: use ${e.deprecated.replacement}` : ''}.`);
      if (e.howToFix) out.push(...e.howToFix.split('\n').map((line, i) => `  ${pad}  ${i ? '  ' : 'Fix: '}${line}`));
    }
    out.push('');
  }
  return done(run, out.join('\n'));
}

// --- explain ----------------------------------------------------------------------------------

function explain(run: Run, what: string, typeOption: ErrorType | undefined): number {
  // The anchor form of ERRORS.md and the page: payment_error.expired_card, payment_error/expired_card.
  const pair = /^([a-z_]+)[./](.+)$/.exec(what);
  const named = pair && isErrorType(pair[1]) ? { type: pair[1], code: pair[2] ?? '' } : undefined;
  // paymnt_error.expired_card: the anchor form with a mistyped type.
  const nearPairType = pair && !named ? nearest(pair[1] ?? '', errorTypes) : [];
  if (pair && nearPairType.length > 0) {
    return fail(run, { exit: 1, kind: 'unknown-type', message: `unknown error type ${quote(pair[1] ?? '')} in ${quote(what)}`, suggestions: nearPairType.map((t) => `${t}.${pair[2]}`) });
  }
  if (named && typeOption !== undefined && typeOption !== named.type) {
    return fail(run, { exit: 2, kind: 'usage', message: `${quote(what)} names its type, and --type ${typeOption} says another`, help: 'explain' });
  }
  const type = named?.type ?? typeOption;
  const code = named?.code ?? what;
  if (!named && (typeOption === undefined || typeOption === what) && isErrorType(what)) return explainType(run, what);

  const matches = run.catalog.filter((e) => e.code === code);
  const entry = matches.find((e) => type === undefined || e.type === type);
  if (entry && (type !== undefined || matches.length === 1)) return explainEntry(run, entry);
  if (type === undefined && matches.length > 1) {
    const pairs = matches.map((e) => `${e.type}.${e.code}`);
    return fail(run, { exit: 1, kind: 'ambiguous-code', message: `${quote(code)} is a code of ${matches.map((e) => e.type).join(' and ')}: say which with --type <type>`, suggestions: pairs });
  }
  const pattern = type && openPattern(type);
  if (type !== undefined && pattern !== undefined) {
    if (isCodeOf(type, code)) return explainOpenCode(run, type, code, matches);
    return fail(run, { exit: 1, kind: 'unknown-code', message: `${quote(code)} is not a well-formed code: ${type} codes have the form ${pattern}` });
  }
  if (type !== undefined && matches.length > 0) {
    const owners = matches.map((e) => e.type);
    return fail(run, {
      exit: 1,
      kind: 'code-of-other-type',
      message: `${quote(code)} is not a code of ${type}: it is a code of ${owners.join(' and ')}`,
      suggestions: owners.map((t) => `${t}.${code}`),
    });
  }
  const candidates = run.catalog.filter((e) => type === undefined || e.type === type).map((e) => e.code);
  const near = nearest(code, candidates);
  // paymet_error: closer to a type than to any code.
  const nearTypes = type === undefined && near.length === 0 ? nearest(code, errorTypes) : [];
  if (nearTypes.length > 0) return fail(run, { exit: 1, kind: 'unknown-type', message: `unknown code or error type ${quote(code)}`, suggestions: nearTypes });
  const open = errorTypes.filter((t) => openPattern(t) !== undefined);
  // With no near match, the code may be one of a type whose codes are open.
  const note = type === undefined && near.length === 0 && open.length > 0 ? `; any well-formed code may come with ${open.join(', ')} (their codes are not listed): add --type to see one` : '';
  return fail(run, { exit: 1, kind: 'unknown-code', message: `unknown code ${quote(code)}${type ? ` of ${type}` : ''}${note}`, suggestions: near });
}

function explainEntry(run: Run, entry: CatalogEntry): number {
  if (run.json) return done(run, '', entryJson(entry));
  const lines = [
    entry.code,
    `  type:        ${entry.type}`,
    `  HTTP status: ${entry.httpStatus}`,
    `  message:     ${entry.message}`,
    `  how to fix:  ${entry.howToFix ? entry.howToFix.split('\n').join('\n               ') : 'the reference gives none'}`,
  ];
  if (entry.deprecated) lines.push(`  deprecated:  ${entry.deprecated.replacement ? `use ${entry.deprecated.replacement} instead` : 'yes, with no replacement'}`);
  lines.push(`  example:     ${JSON.stringify({ type: entry.type, code: entry.code, message: entry.message })}`);
  return done(run, lines.join('\n') + '\n');
}

/**
 * A well-formed code of a type whose codes the reference leaves open; `documented` are the
 * entries of other types with the same code (explain expired_card --type api_error).
 */
function explainOpenCode(run: Run, type: ErrorType, code: string, documented: readonly CatalogEntry[]): number {
  const status = httpStatusByType[type];
  const elsewhere = documented.map((e) => e.type);
  if (run.json) return done(run, '', { type, code, httpStatus: status, message: null, howToFix: null, deprecated: null, documentedIn: elsewhere });
  const lines = [
    code,
    `  type:        ${type}`,
    `  HTTP status: ${status}`,
    `  message:     not documented: the reference lists no codes for ${type}, so any well-formed code`,
    `               may be sent, with a message that says what happened`,
    `  scope:       ${scopeText(type)}`,
    `  remarks:     ${remarksByType[type] || 'none'}`,
    `  example:     ${JSON.stringify({ type, code, message: 'what happened, for people' })}`,
    ...documented.map((e) => `  note:        ${code} is also a documented code of ${e.type}: payment-errors explain ${e.type}.${code}`),
  ];
  return done(run, lines.join('\n') + '\n');
}

function explainType(run: Run, type: ErrorType): number {
  const entries = run.catalog.filter((e) => e.type === type);
  if (run.json) return done(run, '', { ...typeJson(type), codes: entries.map(entryJson) });
  const width = Math.max(0, ...entries.map((e) => e.code.length));
  const lines = [
    type,
    `  HTTP status: ${httpStatusByType[type]}`,
    `  scope:       ${scopeText(type)}`,
    `  remarks:     ${remarksByType[type] || 'none'}`,
    entries.length ? `  codes:       ${entries.length} (payment-errors explain <code> for one)` : `  codes:       ${openCodesText(type)}`,
    ...entries.map((e) => `    ${e.code.padEnd(width)}  ${e.message}`),
  ];
  return done(run, lines.join('\n') + '\n');
}

// --- check ------------------------------------------------------------------------------------

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

// --- narrow -----------------------------------------------------------------------------------

async function narrow(run: Run & { readonly args: CliArgs }, file: string): Promise<number> {
  // -o - is standard output, as without -o (for pipes).
  const out = run.args.out === '-' ? undefined : run.args.out;
  if (run.json && out === undefined) return fail(run, { exit: 2, kind: 'usage', message: 'narrow --json needs -o <out>: without it the narrowed spec is the output', help: 'narrow' });
  const specs = run.io.specs;
  if (!specs) return fail(run, { exit: 2, kind: 'spec-unreadable', message: 'this CLI cannot read spec files' });
  const result = await narrowSpec(file, out, specs);
  if (result.kind === 'declaration') {
    const n = result.problems.length;
    return fail(run, { exit: 1, kind: 'declaration', message: `${file} was not narrowed: ${n} problem${n === 1 ? '' : 's'} with its ${DECLARATION} (nothing was written)`, problems: result.problems, file });
  }
  if (result.kind !== 'narrowed') {
    const kind = result.kind === 'unreadable' ? 'spec-unreadable' : result.kind === 'unverified' ? 'narrow-unverified' : 'cannot-narrow';
    return fail(run, { exit: 2, kind, message: `${result.message} (nothing was written)` });
  }
  if (out === undefined) {
    run.io.stdout(result.text);
    return 0;
  }
  try {
    await specs.write(out, result.text);
  } catch (error) {
    return fail(run, { exit: 2, kind: 'output-unwritable', message: `cannot write ${out}: ${readProblem(error)} (nothing was written)` });
  }
  if (run.json) return done(run, '', { written: out, operations: result.operations, unchanged: result.unchanged, components: result.components, removed: result.removed });
  const removed = result.removed.schemas.length + result.removed.responses.length;
  const summary = `${narrowedSummary(result.operations.length, result.unchanged.length)}${removed ? `; removed ${removed} component${removed === 1 ? '' : 's'} an earlier run wrote that nothing uses` : ''}; wrote ${out}`;
  run.io.stderr(`payment-errors: ${printable(summary)}\n`);
  return 0;
}

/** What narrowing did, told so that a count never hides what it did not do: `n` operations narrowed, `unchanged` of them narrowed already. */
function narrowedSummary(n: number, unchanged: number): string {
  const operations = (count: number) => `${count} operation${count === 1 ? '' : 's'}`;
  if (n === 0) return `no operation declares ${DECLARATION}, so no error response was narrowed`;
  if (unchanged === n) return `the error responses of the ${n === 1 ? 'one declaring operation were' : `${n} declaring operations were`} narrowed already: nothing of them changed`;
  return `narrowed the error responses of ${operations(n - unchanged)}${unchanged > 0 ? ` (${unchanged} more narrowed already)` : ''}`;
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

const READ_PROBLEMS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file'],
  ['EACCES', 'permission denied'],
  ['EISDIR', 'it is a directory'],
  ['ENOTDIR', 'a part of the path is not a directory'],
  // mkdir's answer when a folder of an output's path is a file.
  ['EEXIST', 'a part of the path is not a directory'],
  ['ELOOP', 'too many symbolic links'],
  ['ENOSPC', 'no space left on the device (ENOSPC)'],
  ['EROFS', 'the file system is read-only'],
]);

function readProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const known = typeof code === 'string' ? READ_PROBLEMS.get(code) : undefined;
  return known ?? printable(error instanceof Error ? error.message : String(error));
}

// --- shared -----------------------------------------------------------------------------------

/** The format of any code of a type whose codes the reference leaves open; undefined for the others. */
function openPattern(type: ErrorType): string | undefined {
  return (openCodePatternByType as Readonly<Partial<Record<string, string>>>)[type];
}

/** The stable JSON form of a catalog entry: every key always present. */
function entryJson(entry: CatalogEntry) {
  return {
    type: entry.type,
    code: entry.code,
    httpStatus: entry.httpStatus,
    message: entry.message,
    howToFix: entry.howToFix ?? null,
    deprecated: entry.deprecated ? { replacement: entry.deprecated.replacement } : null,
  };
}

function typeJson(type: ErrorType) {
  return {
    type,
    httpStatus: httpStatusByType[type],
    codesListed: codesByType[type].length > 0,
    scope: [...scopeByType[type]],
    remarks: remarksByType[type] || null,
    codePattern: openPattern(type) ?? null,
  };
}

function scopeText(type: ErrorType): string {
  return scopeByType[type].length ? scopeByType[type].join('; ') : 'not stated in the reference';
}

function typeNotes(type: ErrorType): string {
  return `Scope: ${scopeText(type)}.${remarksByType[type] ? ` Remarks: ${remarksByType[type]}` : ''}`;
}

function openCodesText(type: ErrorType): string {
  return `none listed yet: any code of the form ${openPattern(type) ?? codeFormat} may be sent`;
}

/** Writes the result: `text`, or with --json the one JSON document `value`. */
function done(run: Run, text: string, value?: unknown, exit = 0): number {
  run.io.stdout(run.json && value !== undefined ? jsonText(value) : text);
  return exit;
}

function fail(run: Run, failure: Failure): number {
  const near = failure.suggestions?.length ? ` (did you mean ${failure.suggestions.join(', ')}?)` : '';
  const help = failure.help === undefined ? '' : `\nRun payment-errors help${failure.help ? ` ${failure.help}` : ''} for usage.`;
  // Each problem at its place first, then what it means for the run.
  for (const p of failure.problems ?? []) run.io.stderr(`payment-errors: ${failure.file === undefined ? '' : `${printable(failure.file)}: `}${printable(p.path)}: ${printable(p.message)}\n`);
  run.io.stderr(`payment-errors: ${printable(failure.message)}${near}${help}\n`);
  if (run.json) run.io.stdout(jsonText({ error: { kind: failure.kind, message: failure.message, suggestions: failure.suggestions ?? [], ...(failure.problems ? { problems: failure.problems } : {}) } }));
  return failure.exit;
}
