// The lookup tables' assumptions, held against the generated data.
import { expect, test } from 'vitest';
import { codeFormat, errorCatalog, errorTypes } from '../../src/runtime/index.ts';
import { openCodePatternByType } from '../../generated/error-catalog.ts';
import { isCodeOf, isWellFormedCode, MAX_NAME_LENGTH } from '../../src/runtime/lookup.ts';

test('no type or documented code is longer than MAX_NAME_LENGTH, which the helpers do not look beyond', () => {
  const names = [...errorTypes, ...errorCatalog.map((e) => e.code)];
  expect(names.filter((n) => n.length > MAX_NAME_LENGTH)).toEqual([]);
});

test('the code format allows no code longer than MAX_NAME_LENGTH either', () => {
  const format = new RegExp(codeFormat, 'u');
  expect(format.test('a'.repeat(MAX_NAME_LENGTH))).toBe(true);
  expect(format.test('a'.repeat(MAX_NAME_LENGTH + 1))).toBe(false);
  expect(isWellFormedCode('a'.repeat(MAX_NAME_LENGTH))).toBe(true);
});

test.each(Object.entries(openCodePatternByType))('the pattern of the open codes of %s allows no code longer than MAX_NAME_LENGTH either', (type, pattern) => {
  const format = new RegExp(pattern, 'u');
  expect(format.test('a'.repeat(MAX_NAME_LENGTH))).toBe(true);
  expect(format.test('a'.repeat(MAX_NAME_LENGTH + 1))).toBe(false);
  expect(isCodeOf(type, 'a'.repeat(MAX_NAME_LENGTH))).toBe(true);
});
