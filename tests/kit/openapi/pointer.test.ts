// JSON pointers as $refs write them, resolved in one place (src/kit/openapi/pointer.ts).
import { expect, test } from 'vitest';
import { pointerKey, resolvePointer } from '../../../src/kit/openapi/pointer.ts';

const doc = { components: { schemas: { 'a/b': 1, 'c~d': 2, 'e f': 3, n: null }, list: ['x', 'y'] } };

test.each([
  ['the whole document', '', doc],
  ['a member', '/components/schemas', doc.components.schemas],
  ['~1 is a slash', '/components/schemas/a~1b', 1],
  ['~0 is a tilde', '/components/schemas/c~0d', 2],
  ['a %-escape', '/components/schemas/e%20f', 3],
  ['an item of a list', '/components/list/1', 'y'],
  ['a null value', '/components/schemas/n', null],
  ['a member that is not there', '/components/nope', undefined],
  ['below a scalar', '/components/schemas/a~1b/x', undefined],
  ['an inherited member is no member', '/components/toString', undefined],
  ['a %-escape that does not decode', '/components/%zz', undefined],
  ['a fragment that is not a pointer (an anchor name)', 'anchor', undefined],
])('%s', (_name, pointer, want) => {
  expect(resolvePointer(doc, pointer)).toEqual(want);
});

test('pointerKey decodes ~1 and ~0, and is undefined for a %-escape that does not decode', () => {
  expect(pointerKey('a~1b~0c')).toBe('a/b~c');
  expect(pointerKey('%zz')).toBeUndefined();
});
