// The CLI's argument parser, row by row.
import { expect, test } from 'vitest';
import { parseCliArgs, wantsJson } from '../../src/cli/args.ts';

const parsed = (positionals: string[], rest: object = {}) => ({ positionals, json: false, help: false, version: false, ...rest });

test.each([
  [['list'], parsed(['list'])],
  [['list', '--type', 'payment_error', '--json'], parsed(['list'], { type: 'payment_error', json: true })],
  [['explain', '--type=payment_error', 'fraud'], parsed(['explain', 'fraud'], { type: 'payment_error' })],
  [['check', '--status', '400', '-'], parsed(['check', '-'], { status: '400' })],
  [['-h'], parsed([], { help: true })],
  [['--version'], parsed([], { version: true })],
  [['explain', '--', '--json'], parsed(['explain', '--json'])],
  [['explain', '--type', '-weird-'], parsed(['explain'], { type: '-weird-' })],
])('%j', (argv, want) => {
  expect(parseCliArgs(argv)).toEqual(want);
});

test.each([
  [['list', '--verbose'], 'unknown option "--verbose"', []],
  // As near to --jsonl (check's JSON Lines input) as to --json.
  [['list', '--jsno'], 'unknown option "--jsno"', ['--json', '--jsonl']],
  [['list', '--typ=x'], 'unknown option "--typ"', ['--type']],
  [['list', '-x'], 'unknown option "-x"', []],
  [['list', '-json'], 'unknown option "-json"', ['--json', '--jsonl']],
  [['list', '--h'], 'unknown option "--h"', ['--har']],
  [['list', '--\u001b[2J'], 'unknown option "--\\u001b[2J"', []],
  [['list', '--type'], 'option --type needs a value', []],
  [['list', '--type', '--json'], 'option --type needs a value', []],
  [['list', '--json=yes'], 'option --json takes no value', []],
])('%j is refused: %s', (argv, problem, suggestions) => {
  expect(parseCliArgs(argv)).toEqual({ problem, suggestions });
});

test.each([
  [['list', '--json'], true],
  [['--bogus', '--json'], true],
  [['explain', '--', '--json'], false],
  [['list'], false],
])('%j wants JSON: %s', (argv, want) => {
  expect(wantsJson(argv)).toBe(want);
});
