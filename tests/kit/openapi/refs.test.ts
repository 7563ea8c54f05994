// The one $ref walker (src/kit/openapi/refs.ts): every $ref once, what it is told to leave out left
// out, and where a $ref leads walked when the visitor says so.
import { describe, expect, test } from 'vitest';
import { DATA, forEachRef, keyTree } from '../../../src/kit/openapi/refs.ts';

const refsOf = (starts: Parameters<typeof forEachRef<unknown>>[0], follow?: (ref: string) => unknown) => {
  const found: string[] = [];
  forEachRef(starts, (_holder, ref) => {
    found.push(ref);
    return follow?.(ref);
  }, DATA);
  return found.sort();
};

describe('forEachRef over data', () => {
  test('finds every $ref, in maps and lists, siblings included', () => {
    const doc = { a: { $ref: '#/x' }, b: [{ $ref: 'other.yaml' }, { c: { $ref: '#/y', description: 'd', d: { $ref: '#/z' } } }] };
    expect(refsOf([{ node: doc }])).toEqual(['#/x', '#/y', '#/z', 'other.yaml']);
  });

  test('an object reached twice (a YAML alias) or in a cycle is visited once', () => {
    const shared: Record<string, unknown> = { $ref: '#/shared' };
    const doc: Record<string, unknown> = { a: shared, b: shared };
    doc['self'] = doc;
    expect(refsOf([{ node: doc }])).toEqual(['#/shared']);
  });

  test('a $ref that is not a string is no $ref', () => {
    expect(refsOf([{ node: { a: { $ref: 1 }, b: { $ref: null } } }])).toEqual([]);
  });

  test('leaves out the places skipped, and only those, even where an object is also reached elsewhere', () => {
    const shared = { $ref: '#/also' };
    const doc = { components: { schemas: { A: { $ref: '#/skipped' }, B: { $ref: '#/kept' } } }, paths: { p: shared }, x: { inner: shared } };
    const skip = keyTree([['components', 'schemas', 'A'], ['paths']]);
    expect(refsOf([{ node: doc, skip }])).toEqual(['#/also', '#/kept']);
  });

  test('walks what the visitor returns: where a $ref leads', () => {
    const targets: Record<string, unknown> = { '#/a': { $ref: '#/b' }, '#/b': { $ref: '#/c' }, '#/c': { loop: { $ref: '#/a' } } };
    expect(refsOf([{ node: { $ref: '#/a' } }], (ref) => targets[ref])).toEqual(['#/a', '#/a', '#/b', '#/c']);
  });
});

test('keyTree: a shorter path leaves out everything below it, whatever the order', () => {
  expect(keyTree([['a', 'b', 'c'], ['a', 'b'], ['a', 'b', 'd'], ['e']])).toEqual(new Map<string, unknown>([['a', new Map([['b', true]])], ['e', true]]));
});
