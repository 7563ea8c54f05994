// The package tree-shakes: a browser bundle (esbuild, of dist/, what ships) carries what its
// imports need and nothing else. Needs `npm run build` first.
import { expect, test } from 'vitest';
import { bundleOf } from '../../bench/bundle.js';
import { errorCatalog } from '../../src/index.ts';

const messages = [...new Set(errorCatalog.map((e) => e.message))];
const carried = (text: string) => messages.filter((m) => text.includes(JSON.stringify(m).slice(1, -1)));

test('the whole entry carries every message (what the checks below look for is there to find)', async () => {
  expect(carried((await bundleOf('*')).text)).toEqual(messages);
});

test.each([['isErrorType'], ['isErrorBody'], ['errorBodySchema'], ['httpStatusOf'], ['errorTypes', 'codesByType']].map((names) => [names.join(' and '), names] as const))('a bundle of %s alone carries no message', async (_name, names) => {
  const { text } = await bundleOf(names);
  expect(text.length).toBeGreaterThan(0);
  expect(carried(text)).toEqual([]);
});

test('a bundle of isErrorType alone carries no code either', async () => {
  const { text } = await bundleOf(['isErrorType']);
  expect(text).toContain('payment_error');
  expect(errorCatalog.map((e) => e.code).filter((c) => text.includes(`"${c}"`))).toEqual([]);
});
