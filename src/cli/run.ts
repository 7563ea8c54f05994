// What every command of the CLI is given and how it ends: the process's streams and files (CliIo,
// given by bin/payment-errors.js, or by a test), a run's options, a command's entry in the table of
// commands.ts, and the one way a run writes its result or its failure (plain text, or with --json
// exactly one JSON document, errors included).
import type { CliArgs, ValueOption } from './args.ts';
import { jsonText, printable } from '../lib/text.ts';
import type { NarrowFiles } from '../kit/narrow/command.ts';
import type { CatalogEntry } from '../runtime/types.ts';

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

/** One run of the CLI: where it writes, the catalog it explains, its options. */
export interface Run {
  readonly io: CliIo;
  readonly catalog: readonly CatalogEntry[];
  readonly json: boolean;
  readonly args?: CliArgs;
}

export interface Command {
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
export interface Failure {
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

/** Writes the result: `text`, or with --json the one JSON document `value`. */
export function done(run: Run, text: string, value?: unknown, exit = 0): number {
  run.io.stdout(run.json && value !== undefined ? jsonText(value) : text);
  return exit;
}

export function fail(run: Run, failure: Failure): number {
  const near = failure.suggestions?.length ? ` (did you mean ${failure.suggestions.join(', ')}?)` : '';
  const help = failure.help === undefined ? '' : `\nRun payment-errors help${failure.help ? ` ${failure.help}` : ''} for usage.`;
  // Each problem at its place first, then what it means for the run.
  for (const p of failure.problems ?? []) run.io.stderr(`payment-errors: ${failure.file === undefined ? '' : `${printable(failure.file)}: `}${printable(p.path)}: ${printable(p.message)}\n`);
  run.io.stderr(`payment-errors: ${printable(failure.message)}${near}${help}\n`);
  if (run.json) run.io.stdout(jsonText({ error: { kind: failure.kind, message: failure.message, suggestions: failure.suggestions ?? [], ...(failure.problems ? { problems: failure.problems } : {}) } }));
  return failure.exit;
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

export function readProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const known = typeof code === 'string' ? READ_PROBLEMS.get(code) : undefined;
  return known ?? printable(error instanceof Error ? error.message : String(error));
}

