// The commands of the `payment-errors` CLI, as a function of its arguments:
// bin/payment-errors.js wires it to the process, tests call it directly. Exit codes: 0 ok, 1 unknown code or a body that does not
// conform, 2 bad usage or unreadable input.
import { codesByType, contractVersion, errorCatalog, errorTypes, httpStatusByType } from '../generated/error-catalog.ts';
import { parseCliArgs } from './cli-args.ts';
import { checkErrorResponse } from './check.ts';
import { isErrorType } from './lookup.ts';
import { nearest } from './suggest.ts';
import type { CatalogEntry, ErrorType } from './types.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The text of a file, or of standard input for `-`. */
  readInput(path: string): Promise<string>;
}

export const USAGE = `payment-errors: the payment API's error contract (version ${contractVersion}) on the command line

Usage:
  payment-errors list [--type <type>] [--json]
      Every documented code with its type, HTTP status, message and how to fix.
  payment-errors explain <code> [--type <type>] [--json]
      One code. An unknown code exits 1 and suggests the nearest known codes.
  payment-errors check [--status <status>] [--json] <file | ->
      Checks an error response body (JSON; - reads standard input) against the contract and
      prints each violation. --status also checks that the HTTP status fits the type.
  payment-errors --help | --version

Exit codes: 0 ok; 1 unknown code, or the body does not conform; 2 bad usage or unreadable input.
--json prints one JSON document on standard output; messages and errors go to standard error.
Error types: ${errorTypes.join(', ')}.
`;

/** Runs the CLI with the arguments after the program name; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, catalog: readonly CatalogEntry[] = errorCatalog): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (typeof parsed === 'string') return usageError(io, parsed);
  const { positionals, ...values } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) return done(io, USAGE);
  if (values.version) return done(io, `${contractVersion}\n`);
  if (values.type !== undefined && !isErrorType(values.type)) {
    const near = nearest(values.type, errorTypes);
    return usageError(io, `unknown error type "${values.type}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
  }
  const type = values.type as ErrorType | undefined;
  switch (command) {
    case 'list':
      if (rest.length > 0) return usageError(io, 'list takes no arguments');
      return list(io, catalog, type, values.json);
    case 'explain':
      if (rest.length !== 1 || rest[0] === undefined) return usageError(io, 'explain takes one code');
      return explain(io, catalog, rest[0], type, values.json);
    case 'check':
      if (rest.length !== 1 || rest[0] === undefined) return usageError(io, 'check takes one file, or - for standard input');
      if (values.type !== undefined) return usageError(io, 'check takes no --type: the body says its type');
      return check(io, rest[0], values.status, values.json);
    case undefined:
      return usageError(io, 'a command is needed');
    default:
      return usageError(io, `unknown command "${command}"`);
  }
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

function list(io: CliIo, catalog: readonly CatalogEntry[], only: ErrorType | undefined, json: boolean): number {
  const types = only ? [only] : errorTypes;
  const entries = catalog.filter((e) => types.includes(e.type));
  if (json) {
    const summary = types.map((t) => ({ type: t, httpStatus: httpStatusByType[t], codesListed: codesByType[t].length > 0 }));
    return done(io, JSON.stringify({ contractVersion, types: summary, codes: entries.map(entryJson) }, null, 2) + '\n');
  }
  const width = Math.max(0, ...entries.map((e) => e.code.length));
  const out: string[] = [];
  for (const t of types) {
    const codes = entries.filter((e) => e.type === t);
    out.push(`${t} (HTTP ${httpStatusByType[t]})${codes.length ? '' : ': the reference lists no codes yet; any well-formed code may be sent'}`);
    for (const e of codes) {
      out.push(`  ${e.code.padEnd(width)}  ${e.message}`);
      if (e.deprecated) out.push(`  ${''.padEnd(width)}  Deprecated${e.deprecated.replacement ? `: use ${e.deprecated.replacement}` : ''}.`);
      if (e.howToFix) out.push(...e.howToFix.split('\n').map((line, i) => `  ${''.padEnd(width)}  ${i ? '  ' : 'Fix: '}${line}`));
    }
    out.push('');
  }
  return done(io, out.join('\n'));
}

function explain(io: CliIo, catalog: readonly CatalogEntry[], code: string, type: ErrorType | undefined, json: boolean): number {
  const matches = catalog.filter((e) => e.code === code && (type === undefined || e.type === type));
  const [entry] = matches;
  if (matches.length > 1) {
    io.stderr(`"${code}" is a code of ${matches.map((e) => e.type).join(' and ')}: say which with --type <type>.\n`);
    return 1;
  }
  if (!entry) {
    const candidates = catalog.filter((e) => type === undefined || e.type === type).map((e) => e.code);
    const near = nearest(code, candidates);
    const where = type ? ` of ${type}` : '';
    io.stderr(`unknown code "${code}"${where}.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}\n`);
    return 1;
  }
  if (json) return done(io, JSON.stringify(entryJson(entry), null, 2) + '\n');
  const lines = [`${entry.code}`, `  type:        ${entry.type}`, `  HTTP status: ${entry.httpStatus}`, `  message:     ${entry.message}`];
  if (entry.howToFix) lines.push(`  how to fix:  ${entry.howToFix.split('\n').join('\n               ')}`);
  if (entry.deprecated) lines.push(`  deprecated:  ${entry.deprecated.replacement ? `use ${entry.deprecated.replacement} instead` : 'yes, with no replacement'}`);
  return done(io, lines.join('\n') + '\n');
}

async function check(io: CliIo, path: string, statusOption: string | undefined, json: boolean): Promise<number> {
  const status = statusOption === undefined ? undefined : Number(statusOption);
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    return usageError(io, `--status must be an HTTP status code, not "${statusOption}"`);
  }
  let text: string;
  try {
    text = await io.readInput(path);
  } catch (error) {
    io.stderr(`cannot read ${path === '-' ? 'standard input' : path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    io.stderr(`${path === '-' ? 'standard input' : path} is not JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const violations = checkErrorResponse(status, body);
  if (json) io.stdout(JSON.stringify({ conforms: violations.length === 0, violations }, null, 2) + '\n');
  else if (violations.length === 0) io.stdout('conforms to the error contract\n');
  else io.stdout(violations.map((v) => `${v.rule}: ${v.message}\n`).join(''));
  return violations.length === 0 ? 0 : 1;
}

function done(io: CliIo, text: string): number {
  io.stdout(text);
  return 0;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`payment-errors: ${message}\nRun payment-errors --help for usage.\n`);
  return 2;
}
