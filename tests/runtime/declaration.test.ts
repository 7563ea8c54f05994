// Reading a declaration runs none of its code: a getter is no value, even with a `value` planted
// on Object.prototype (which every property descriptor inherits).
import { expect, test } from 'vitest';
import { ownValue, readDeclaration } from '../../src/runtime/declaration.ts';

/** `run` with `value` planted on Object.prototype; only meanwhile: the test runner reads descriptors too. */
function withPlantedValue<T>(run: () => T): T {
  Object.defineProperty(Object.prototype, 'value', Object.assign(Object.create(null), { value: 'all', configurable: true, writable: true }));
  try {
    return run();
  } finally {
    delete (Object.prototype as Record<string, unknown>)['value'];
  }
}

test.each([
  ['nothing planted', <T>(run: () => T) => run()],
  ['a value planted on Object.prototype', withPlantedValue],
])('with %s, a getter is neither run nor taken for a value', (_name, around) => {
  let calls = 0;
  const node = Object.defineProperty({}, 'payment_error', { enumerable: true, get: () => (calls++, ['expired_card']) });
  const [value, read] = around(() => [ownValue(node, 'payment_error'), readDeclaration(node)] as const);
  expect(value).toBeUndefined();
  expect([...read.declaration]).toEqual([]);
  expect(read.problems).toEqual([{ path: ['payment_error'], message: 'payment_error maps to `all` or to a list of its codes, not undefined' }]);
  expect(calls).toBe(0);
});
