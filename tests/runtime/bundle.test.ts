// The package tree-shakes: a browser bundle (esbuild, of dist/, what ships) carries what its
// imports need and nothing else. Needs `npm run build` first.
import { expect, test } from 'vitest';
import { bundleOf, ENTRY } from '../../bench/bundle.js';
import { errorCatalog } from '../../src/runtime/index.ts';

const messages = [...new Set(errorCatalog.map((e) => e.message))];
const carried = (text: string) => messages.filter((m) => text.includes(JSON.stringify(m).slice(1, -1)));

// The runtime is what a consumer's bundle reaches: the CLI and the spec tooling (src/cli/, src/kit/)
// never come along, and neither does anything that needs Node.
const notRuntime = (inputs: readonly string[]) => inputs.filter((file) => !/^dist\/(src\/runtime|generated)\//.test(file));

test('the whole entry holds only the runtime and the generated data, none of the CLI or the spec tooling', async () => {
  const { inputs } = await bundleOf('*');
  expect(ENTRY).toBe('./dist/src/runtime/index.js');
  expect(inputs.length).toBeGreaterThan(5);
  expect(notRuntime(inputs)).toEqual([]);
});

test('the same check finds the tooling where a module reaches it (the Redocly plugin)', async () => {
  const { inputs } = await bundleOf('*', './dist/src/kit/redocly/plugin.js');
  expect(notRuntime(inputs)).toContain('dist/src/kit/lint/rules/body.js');
});

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
