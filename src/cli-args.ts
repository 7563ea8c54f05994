// The command line of `payment-errors`: options and positionals, without Node's parseArgs, so
// that the package's TypeScript needs no Node type declarations (bin/payment-errors.js, the only
// file that touches Node, is plain JavaScript).

export interface CliArgs {
  readonly positionals: readonly string[];
  readonly type?: string;
  readonly status?: string;
  readonly json: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const WITH_VALUE = new Set(['type', 'status']);
const FLAGS: ReadonlyMap<string, 'json' | 'help' | 'version'> = new Map([
  ['json', 'json'],
  ['help', 'help'],
  ['h', 'help'],
  ['version', 'version'],
  ['v', 'version'],
]);

/** The parsed arguments, or what is wrong with them. */
export function parseCliArgs(argv: readonly string[]): CliArgs | string {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
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
    if (WITH_VALUE.has(name) && arg.startsWith('--')) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) return `Option '--${name} <value>' needs a value`;
      values[name] = value;
      continue;
    }
    const flag = FLAGS.get(name);
    if (!flag || (name.length > 1) !== arg.startsWith('--')) return `Unknown option '${arg.split('=')[0]}'`;
    if (inline !== undefined) return `Option '${arg.split('=')[0]}' takes no value`;
    flags[flag] = true;
  }
  return { positionals, ...values, ...flags };
}
