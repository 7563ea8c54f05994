// The `payment-errors` CLI as a function of its arguments: bin/payment-errors.js wires it to the
// process, tests call it directly. COMMANDS is the table of commands, one file each (list.ts,
// explain.ts, check.ts, narrow.ts): its usage, the options it takes and what it does; `help
// <command>` and the overview are built from it. How a run writes its result or failure: run.ts.
//
// Exit codes: 0 ok; 1 an unknown code or type, a response that does not conform, or (narrow) a
// declaration that is not well formed, misplaced, or declares a type no error response carries; 2
// bad usage, input that cannot be read, a spec that cannot be narrowed or whose declaration check
// --spec cannot use, output that cannot be written, or a bug. With --json every run writes exactly
// one JSON document on standard output, errors included ({"error": {...}}); messages for people go
// to standard error. Everything taken from input is quoted with control characters escaped
// (src/lib/text.ts).
import { contractVersion, errorCatalog, errorTypes } from '../../generated/error-catalog.ts';
import { isErrorType } from '../runtime/lookup.ts';
import { nearest } from '../runtime/suggest.ts';
import type { CatalogEntry } from '../runtime/types.ts';
import { quote } from '../lib/text.ts';
import { parseCliArgs, VALUE_OPTIONS, wantsJson } from './args.ts';
import { checkCommand } from './check.ts';
import { explainCommand } from './explain.ts';
import { listCommand } from './list.ts';
import { narrowCommand } from './narrow.ts';
import { done, fail, type CliIo, type Command, type Run } from './run.ts';

const helpCommand: Command = {
  name: 'help',
  synopsis: 'help [<command>]',
  summary: 'This overview, or the details of one command.',
  details: 'payment-errors <command> --help is the same as payment-errors help <command>.',
  options: [],
  operands: { min: 0, max: 1, problem: 'help takes at most one command' },
  run: (run, [name]) => help(run, name),
};

const COMMANDS: readonly Command[] = [listCommand, explainCommand, checkCommand, narrowCommand, helpCommand];

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

