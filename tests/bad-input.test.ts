// Broken input makes the build fail with a message that names the file and the problem, and
// leaves generated/ exactly as it was. Every case works on a copy of the project.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { build } from '../scripts/build.js';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { copyProject, type ProjectCopy } from './helpers/project-copy.js';

const PAYMENT = 'openapi/components/schemas/PaymentError.yaml';
const CATALOG = 'catalog/error-codes.yaml';

let copy: ProjectCopy | undefined;
afterEach(async () => {
  await copy?.remove();
  copy = undefined;
});

/** Breaks a copy, builds it, and returns the error message after checking that generated/ is untouched. */
async function buildBroken(breakIt: (copy: ProjectCopy) => Promise<void>): Promise<string> {
  copy = await copyProject();
  await breakIt(copy);
  const before = await copy.generatedFingerprint();
  const error = await build(copy.root, { docs: false, compile: false, log: () => {} }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the build should have failed').toBeInstanceOf(Error);
  expect(await copy.generatedFingerprint()).toEqual(before);
  return (error as Error).message;
}

describe.each([
  {
    name: 'a YAML syntax error',
    breakIt: (c: ProjectCopy) => c.write('openapi/components/schemas/RefundError.yaml', 'type: object\n  properties: [\n'),
    want: [/openapi\/components\/schemas\/RefundError\.yaml:2:\d+ error/, /bad indentation/],
  },
  {
    name: 'a dangling $ref',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, '$ref: ./ErrorMessage.yaml', '$ref: ./ErrorMesage.yaml'),
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:\d+:\d+ error redocly\/no-unresolved-refs/, /ErrorMesage\.yaml/],
  },
  {
    name: 'a code in the spec but not in the catalog',
    breakIt: async (c: ProjectCopy) => {
      await c.replace(PAYMENT, '      - not_found_id\n', '      - not_found_id\n      - card_velocity_exceeded\n');
      await c.replace(PAYMENT, '      not_found_id: Not Found ID\n', '      not_found_id: Not Found ID\n      card_velocity_exceeded: Card velocity exceeded\n');
    },
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:\d+:\d+ error/, /payment_error: code "card_velocity_exceeded" is in the spec but not in catalog\/error-codes\.yaml/],
  },
  {
    name: 'a code in the catalog but not in the spec',
    breakIt: (c: ProjectCopy) =>
      c.replace(CATALOG, '      - code: not_found_id\n        message: Not Found ID\n', '      - code: not_found_id\n        message: Not Found ID\n      - code: card_velocity_exceeded\n        message: Card velocity exceeded\n'),
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:\d+:\d+ error/, /payment_error: code "card_velocity_exceeded" is in catalog\/error-codes\.yaml \(line \d+\) but not in the spec/],
  },
  {
    name: 'a message that differs from the reference',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, 'invalid_payment_method: Invalid paymentmethod', 'invalid_payment_method: Invalid payment method'),
    want: [/openapi\/components\/schemas\/PaymentError\.yaml:\d+:\d+ error/, /payment_error\.invalid_payment_method: message is "Invalid payment method", the catalog says "Invalid paymentmethod"/],
  },
  {
    name: 'a how-to-fix that differs from the reference',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, 'channel_parameters_error: Check wx mid, appid', 'channel_parameters_error: Check the WeChat merchant id and app id'),
    want: [/PaymentError\.yaml:\d+:\d+ error/, /payment_error\.channel_parameters_error: how-to-fix is "Check the WeChat merchant id and app id", the catalog says "Check wx mid, appid"/],
  },
  {
    name: 'a wrong x-http-status',
    breakIt: (c: ProjectCopy) => c.replace('openapi/components/schemas/ApiError.yaml', 'x-http-status: 500', 'x-http-status: 502'),
    want: [/openapi\/components\/schemas\/ApiError\.yaml:\d+:\d+ error/, /api_error: x-http-status is 502, the catalog says 500/],
  },
  {
    name: 'an error type missing from the spec',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, '  - type: terminal_error\n', '  - type: terminal_error\n    httpStatus: 400\n    scope: []\n    codes: []\n  - type: settlement_error\n'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error/, /error type settlement_error has no schema in openapi\/openapi\.yaml/],
  },
  {
    name: 'a duplicate code in the catalog',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, '      - code: closed_order\n', '      - code: expired_order\n'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error catalog\/catalog-entry/, /types\[4\]\.codes\[\d+\]\.code: duplicate code "expired_order" in payment_error/],
  },
  {
    name: 'an empty message in the catalog',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, '        message: Expired card\n', '        message: ""\n'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error/, /types\[4\]\.codes\[\d+\]\.message: message must be a non-empty text/],
  },
  {
    name: 'a catalog status out of range',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, 'httpStatus: 500', 'httpStatus: 5000'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error/, /types\[3\]\.httpStatus: httpStatus must be an HTTP error status from 400 to 599, not 5000/],
  },
  {
    name: 'a YAML syntax error in the catalog',
    breakIt: (c: ProjectCopy) => c.replace(CATALOG, '  - type: refund_error\n', '  - type: refund_error\n   httpStatus: [\n'),
    want: [/catalog\/error-codes\.yaml:\d+:\d+ error catalog\/yaml/],
  },
  {
    name: 'an enum value without a description',
    breakIt: (c: ProjectCopy) => c.replace(PAYMENT, '      not_found_id: Not Found ID\n', ''),
    want: [/PaymentError\.yaml:\d+:\d+ error spectral\/enum-values-described: Enum value "not_found_id" has no description/],
  },
])('$name', ({ breakIt, want }) => {
  test('fails the build naming the file and the problem, and leaves generated/ untouched', async () => {
    const message = await buildBroken(breakIt);
    for (const pattern of want) expect(message).toMatch(pattern);
  });
});

describe('the docs', () => {
  test('start rendering from the bundle, but a failure later stops them: no page, nothing left over', async () => {
    copy = await copyProject();
    await copy.replace(PAYMENT, 'x-http-status: 400', 'x-http-status: 402');
    await expect(build(copy.root, { compile: false, log: () => {} })).rejects.toThrow('payment_error: x-http-status is 402, the catalog says 400');
    const left = await readdir(path.join(copy.root, 'dist/docs')).catch(() => []);
    expect(left).toEqual([]);
  });
});

describe('the command line', () => {
  const run = promisify(execFile);

  test('npm run build exits 1 with the problem on stderr and generated/ untouched', async () => {
    copy = await copyProject();
    await copy.write('openapi/components/schemas/RefundError.yaml', 'type: object\n  properties: [\n');
    const before = await copy.generatedFingerprint();
    const result = await run(process.execPath, [path.join(REPO_ROOT, 'scripts/build.js'), '--root', copy.root]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/openapi\/components\/schemas\/RefundError\.yaml:2:\d+ error .*bad indentation/);
    expect(await copy.generatedFingerprint()).toEqual(before);
  });
});
