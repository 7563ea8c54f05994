// Counting the values of a JSON text before it is parsed: `{`, `[` and `,` outside strings, strings
// jumped over whatever their escapes; a bound from above first, the exact count only past it.
import { expect, test } from 'vitest';
import { holdsMoreValuesThan } from '../../../src/kit/traffic/json-values.ts';

test.each<[string, string, number]>([
  ['a scalar', '12', 1],
  ['an empty object', '{}', 2],
  ['members', '{"a":1,"b":[1,2]}', 5],
  ['brackets and commas in strings', '{"a":"[{,,,}]","b":"x"}', 3],
  ['escaped quotes and backslashes', '["\\"[,{","\\\\",",\\\\\\"[",[]]', 6],
  ['a string not closed', '["[,,,', 2],
])('%s: %s holds %i', (_name, text, count) => {
  expect(holdsMoreValuesThan(text, count)).toBe(false);
  expect(holdsMoreValuesThan(text, count - 1)).toBe(true);
});

test('a long text of strings full of brackets is counted exactly once its bound is over', () => {
  const text = JSON.stringify({ body: '[{,'.repeat(100_000), list: [1, 2, 3] });
  expect(holdsMoreValuesThan(text, 6)).toBe(false);
  expect(holdsMoreValuesThan(text, 5)).toBe(true);
});
