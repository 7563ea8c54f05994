import { expect, test } from 'vitest';
import { distance, nearest } from '../../src/runtime/suggest.ts';

test.each([
  ['expird_card', ['expired_card', 'expired_order', 'fraud'], ['expired_card']],
  ['3ds_required', ['3DS_required', '3ds_not_authenticated'], ['3DS_required']],
  ['fraud', ['fraud', 'timeout'], ['fraud']],
  ['something_else_entirely', ['expired_card', 'fraud'], []],
])('nearest(%s)', (input, candidates, want) => {
  expect(nearest(input, candidates)).toEqual(want);
});

test('distance is Levenshtein, capped', () => {
  expect(distance('kitten', 'sitting')).toBe(3);
  expect(distance('a'.repeat(50), 'b'.repeat(50), 2)).toBe(3);
});

test('a huge input is compared by its start only', () => {
  expect(nearest('expired_card' + 'x'.repeat(1_000_000), ['expired_card'])).toEqual([]);
});
