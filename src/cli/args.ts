// The command line of `payment-errors`: options and positionals. Which command takes which option
// is the command table's business (commands.ts); this only knows the options that exist.
// Hand-written rather than Node's util.parseArgs, which was tried for it: in strict mode its errors
// carry the option only inside an English message (no did-you-mean without parsing that text); in
// loose mode it reads `--status --json` as a status of "--json" and `-json` as `-j -s -o n` (`-o`
// takes a value), so that "option --status needs a value" and "did you mean --json?" would mean
// undoing its choices token by token. The rows of tests/cli/args.test.ts are the behaviour kept.
import { quote } from '../lib/text.ts';
import { nearest } from '../runtime/suggest.ts';

export interface CliArgs {
  readonly positionals: readonly string[];
  readonly type?: string;
  readonly status?: string;
  readonly out?: string;
  readonly spec?: string;
  readonly operation?: string;
  /** check: a HAR file to check against --spec, or - for standard input. */
  readonly har?: string;
  /** check: JSON Lines of exchanges to check against --spec, or - for standard input. */
  readonly jsonl?: string;
  readonly json: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** Options that take a value. */
export const VALUE_OPTIONS = ['type', 'status', 'out', 'spec', 'operation', 'har', 'jsonl'] as const;
export type ValueOption = (typeof VALUE_OPTIONS)[number];
/** The one-letter forms of options with a value. */
const SHORT_VALUES: ReadonlyMap<string, ValueOption> = new Map([['o', 'out']]);

const FLAGS: ReadonlyMap<string, 'json' | 'help' | 'version'> = new Map([
  ['json', 'json'],
  ['help', 'help'],
  ['h', 'help'],
  ['version', 'version'],
  ['v', 'version'],
]);
const LONG_OPTIONS = [...VALUE_OPTIONS, ...[...FLAGS.keys()].filter((name) => name.length > 1)].map((name) => `--${name}`);

/** Why the arguments cannot be parsed, with the nearest option when the name looks mistyped. */
export interface ArgsProblem {
  readonly problem: string;
  readonly suggestions: readonly string[];
}

/** The parsed arguments, or what is wrong with them. */
export function parseCliArgs(argv: readonly string[]): CliArgs | ArgsProblem {
  const positionals: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const flags = { json: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.replace(/^--?/, '').split(/=(.*)/s);
    const valueOption = arg.startsWith('--') ? VALUE_OPTIONS.find((o) => o === name) : SHORT_VALUES.get(name);
    if (valueOption) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) return problem(`option --${valueOption} needs a value`);
      values[valueOption] = value;
      continue;
    }
    const flag = FLAGS.get(name);
    const written = arg.split('=')[0] ?? arg;
    if (!flag || (name.length > 1) !== arg.startsWith('--')) return problem(`unknown option ${quote(written)}`, nearest(written, LONG_OPTIONS));
    if (inline !== undefined) return problem(`option ${written} takes no value`);
    flags[flag] = true;
  }
  return { positionals, ...values, ...flags };
}

/** Whether the run asked for JSON output, even when its arguments cannot be parsed. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

function problem(text: string, suggestions: readonly string[] = []): ArgsProblem {
  return { problem: text, suggestions };
}
