// The $ref a finding suggests: relative from the user's file to the installed package's document.
import { expect, test } from 'vitest';
import { installedPackageRoot, isInstalledFile, packageRef } from '../../../src/kit/lint/package-ref.ts';

const RESPONSE = '#/components/responses/BadRequest';

test.each([
  { name: 'a spec at the project root', from: '/p/openapi.yaml', root: '/p/node_modules/payment-error-contract', want: './node_modules/payment-error-contract/generated/openapi.yaml' },
  { name: 'a spec in a folder', from: '/p/api/v1/openapi.yaml', root: '/p/node_modules/payment-error-contract', want: '../../node_modules/payment-error-contract/generated/openapi.yaml' },
  { name: 'a monorepo with the package hoisted', from: '/repo/services/pay/openapi.yaml', root: '/repo/node_modules/payment-error-contract', want: '../../node_modules/payment-error-contract/generated/openapi.yaml' },
  { name: 'Windows paths', from: 'C:\\p\\api\\openapi.yaml', root: 'C:\\p\\node_modules\\payment-error-contract', want: '../node_modules/payment-error-contract/generated/openapi.yaml' },
  { name: 'Windows paths, the drive letter in another case', from: 'c:\\p\\api\\openapi.yaml', root: 'C:\\p\\node_modules\\payment-error-contract', want: '../node_modules/payment-error-contract/generated/openapi.yaml' },
  { name: 'a file: URL', from: 'file:///p/api/openapi.yaml', root: '/p/node_modules/payment-error-contract', want: '../node_modules/payment-error-contract/generated/openapi.yaml' },
  { name: 'another drive: the path from the project root', from: 'D:\\specs\\openapi.yaml', root: 'C:\\p\\node_modules\\payment-error-contract', want: './node_modules/payment-error-contract/generated/openapi.yaml' },
  { name: 'a spec fetched over HTTP: the path from the project root', from: 'https://example.test/openapi.yaml', root: '/p/node_modules/payment-error-contract', want: './node_modules/payment-error-contract/generated/openapi.yaml' },
  { name: 'no file known', from: undefined, root: undefined, want: './node_modules/payment-error-contract/generated/openapi.yaml' },
])('$name', ({ from, root, want }) => {
  expect(packageRef(RESPONSE, '3.1', from, root)).toBe(`${want}${RESPONSE}`);
  expect(packageRef(RESPONSE, '3.0', from, root)).toBe(`${want.replace('openapi.yaml', 'openapi-3.0.yaml')}${RESPONSE}`);
});

test('the installed package: from a document the spec $refs, else node_modules of the working folder', () => {
  expect(installedPackageRoot(['/p/openapi.yaml', '/p/node_modules/payment-error-contract/generated/openapi-3.0.json'])).toBe('/p/node_modules/payment-error-contract');
  expect(installedPackageRoot(['/p/node_modules/other/generated/openapi.yaml'])).toBe(`${process.cwd()}/node_modules/payment-error-contract`);
});

test.each([
  ['/p/node_modules/payment-error-contract/generated/openapi.yaml', '/p/openapi.yaml', true],
  ['C:\\p\\node_modules\\x\\a.yaml', 'C:\\p\\api\\openapi.yaml', true],
  ['/p/my_node_modules/a.yaml', '/p/openapi.yaml', false],
  ['/p/openapi.yaml', '/p/openapi.yaml', false],
  // A spec that is itself installed (a shared spec package) is the user's, with its own files.
  ['/p/node_modules/@acme/spec/paths/a.yaml', '/p/node_modules/@acme/spec/openapi.yaml', false],
  ['/p/node_modules/@acme/spec/node_modules/payment-error-contract/generated/openapi.yaml', '/p/node_modules/@acme/spec/openapi.yaml', true],
])('%s, from %s, is in an installed package: %s', (file, root, want) => {
  expect(isInstalledFile(file, root)).toBe(want);
});
