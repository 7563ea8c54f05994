// The CLI's argument parser, row by row.
import { expect, test } from 'vitest';
import { parseCliArgs } from '../src/cli-args.ts';

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
  [['list', '--verbose'], "Unknown option '--verbose'"],
  [['list', '-x'], "Unknown option '-x'"],
  [['list', '-json'], "Unknown option '-json'"],
  [['list', '--h'], "Unknown option '--h'"],
  [['list', '--type'], "Option '--type <value>' needs a value"],
  [['list', '--type', '--json'], "Option '--type <value>' needs a value"],
  [['list', '--json=yes'], "Option '--json' takes no value"],
])('%j is refused: %s', (argv, message) => {
  expect(parseCliArgs(argv)).toBe(message);
});
