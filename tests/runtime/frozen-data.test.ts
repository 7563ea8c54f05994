// The generated data is shared by every caller in a process: the helpers hand out its very objects
// (a parsed body's `documented` entry, describeError's entry). It is deep-frozen, so that what one
// caller changes cannot change what the next one is told or sends.
import { expect, test } from 'vitest';
import * as generated from '../../generated/error-catalog.ts';
import { createErrorBody, describeError, errorCatalog, errorCodes, errorResponse, parseErrorBody } from '../../src/runtime/index.ts';

/** Where in `value` something is not frozen. */
function unfrozen(value: unknown, at: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return [...(Object.isFrozen(value) ? [] : [at]), ...Object.entries(value).flatMap(([key, member]) => unfrozen(member, `${at}.${key}`))];
}

test.each(Object.entries(generated).filter(([, value]) => typeof value === 'object'))('generated %s is frozen, and everything in it', (name, value) => {
  expect(unfrozen(value, name)).toEqual([]);
});

test("changing a parsed body's documented entry throws, and changes nothing any helper says or sends", async () => {
  const parsed = parseErrorBody({ type: 'payment_error', code: 'expired_card', message: 'Expired card' });
  if (parsed.kind !== 'known') throw new Error('expected a known body');
  expect(() => {
    (parsed.documented as { message: string }).message = 'HACKED';
  }).toThrow(TypeError);
  expect(describeError('payment_error', 'expired_card')?.message).toBe('Expired card');
  expect(createErrorBody('payment_error', 'expired_card').message).toBe('Expired card');
  expect(await errorResponse('payment_error', 'expired_card').json()).toEqual({ type: 'payment_error', code: 'expired_card', message: 'Expired card' });
});

test.each<[string, () => void]>([
  ['adding to the catalog', () => (errorCatalog as unknown[]).push({ type: 'payment_error', code: 'x', httpStatus: 400, message: 'x' })],
  ['adding a code to a type', () => (generated.codesByType.api_error as unknown as string[]).push('x')],
  ['changing a status', () => ((generated.httpStatusByType as { payment_error: number }).payment_error = 200)],
  ['changing a code constant', () => ((errorCodes.payment_error as { expired_card: string }).expired_card = 'x')],
  ['deleting a how-to-fix', () => delete (errorCatalog.find((e) => e.howToFix) as { howToFix?: string }).howToFix],
])('%s throws', (_name, change) => {
  expect(change).toThrow(TypeError);
});
