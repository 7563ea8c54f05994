// Per-operation error contracts as an API team and its clients use them, from the packed
// package: narrow a spec with `payment-errors narrow` and with `redocly bundle` and the
// payment-errors/narrow decorator; generate types with openapi-typescript; compile a client with
// the real openapi-fetch under TypeScript 5 and 7, whose `error` accepts each declared code,
// rejects an undeclared one and switches exhaustively over the declared ones; check a response against an operation's
// declaration with `payment-errors check --spec`.
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';
import { typescript7 } from '../helpers/typescript-7.ts';

let project: PackedProject;
const QUIET = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const bin = (name: string) => path.join(project.dir, 'node_modules/.bin', name);

beforeAll(async () => {
  project = await packedProject([
    { name: '@redocly/cli', bin: ['redocly', 'bin/cli.js'] },
    { name: 'openapi-typescript', bin: ['openapi-typescript', 'bin/cli.js'] },
    { name: 'typescript', bin: ['tsc', 'bin/tsc'] },
    { name: 'openapi-fetch' },
  ]);
  await cp(path.join(REPO_ROOT, 'tests/fixtures/narrow/openapi.yaml'), path.join(project.dir, 'openapi.yaml'));
  await writeFile(path.join(project.dir, 'redocly.yaml'), 'plugins:\n  - payment-error-contract/redocly\nextends:\n  - payment-errors/recommended\ndecorators:\n  payment-errors/narrow: on\n');
  await writeFile(
    path.join(project.dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, exactOptionalPropertyTypes: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false }, files: ['client.ts'] }),
  );
}, 180_000);

afterAll(async () => {
  await project?.remove();
});

/** A client of POST /payments, which declares invalid_request_error (all), payment_error (three codes) and api_error. */
const CLIENT = `import createClient from 'openapi-fetch';
import type { paths } from './api.js';

const client = createClient<paths>({ baseUrl: 'https://payments.example.test' });

export async function pay(): Promise<string> {
  const { error } = await client.POST('/payments', {});
  if (!error) return 'paid';
  switch (error.type) {
    case 'invalid_request_error':
      return error.code;
    case 'payment_error':
      // @ts-expect-error: fraud is a payment_error code, but POST /payments does not declare it
      if (error.code === 'fraud') return 'never';
      switch (error.code) {
        case 'expired_card':
        case 'not_enough_balance':
        case '3DS_required':
          return error.code;
        default:
          return error satisfies never;
      }
    case 'api_error':
      return error.code;
    default:
      // account_error and the other types are not declared: nothing is left.
      return error satisfies never;
  }
}
`;

test.each([
  ['payment-errors narrow', async () => project.run(bin('payment-errors'), ['narrow', 'openapi.yaml', '-o', 'narrowed.yaml']), 'narrowed.yaml'],
  ['redocly bundle with the narrow decorator', async () => project.run(bin('redocly'), ['bundle', 'openapi.yaml', '-o', 'bundled.yaml'], '', QUIET), 'bundled.yaml'],
])('%s, then openapi-typescript and openapi-fetch: the client\'s error type is what POST /payments declares', async (_name, narrow, file) => {
  const narrowed = await narrow();
  expect(narrowed.code, narrowed.stderr).toBe(0);
  const spec = parse(await project.read(file));
  expect(spec.paths['/payments'].post.responses['400'].$ref).toBe('#/components/responses/CardPaymentBadRequest');
  const generated = await project.run(bin('openapi-typescript'), [file, '-o', 'api.ts']);
  expect(generated.code, generated.stderr).toBe(0);
  await writeFile(path.join(project.dir, 'client.ts'), CLIENT);
  // Under TypeScript 5 (the project's, beside openapi-typescript) and TypeScript 7.
  for (const tsc of [bin('tsc'), await typescript7()]) {
    const compiled = await project.run(process.execPath, [tsc, '-p', 'tsconfig.json']);
    expect(compiled.stdout + compiled.stderr, tsc).toBe('');
    expect(compiled.code).toBe(0);
  }
});

test('the same client does not compile against the spec before narrowing: every code of every type is possible there', async () => {
  // The source has an example narrowing leaves out: the kit would stop openapi-typescript, which lints with redocly.yaml.
  await writeFile(path.join(project.dir, 'minimal.redocly.yaml'), 'extends:\n  - minimal\n');
  const generated = await project.run(bin('openapi-typescript'), ['openapi.yaml', '-o', 'api.ts', '--redocly', 'minimal.redocly.yaml']);
  expect(generated.code, generated.stderr).toBe(0);
  await writeFile(path.join(project.dir, 'client.ts'), CLIENT);
  for (const tsc of [bin('tsc'), await typescript7()]) {
    const compiled = await project.run(process.execPath, [tsc, '-p', 'tsconfig.json']);
    expect(compiled.code, tsc).not.toBe(0);
    // The undeclared code is possible, so the expect-error is unused; the other types reach `never`.
    expect(compiled.stdout).toContain("Unused '@ts-expect-error' directive");
  }
});

test('payment-errors check --spec --operation: a pair the operation does not declare does not conform', async () => {
  await writeFile(path.join(project.dir, 'fraud.json'), JSON.stringify({ type: 'payment_error', code: 'fraud', message: 'FRAUD' }));
  await writeFile(path.join(project.dir, 'expired.json'), JSON.stringify({ type: 'payment_error', code: 'expired_card', message: 'Expired card' }));
  const args = ['check', '--status', '400', '--spec', 'openapi.yaml', '--operation', 'POST /payments'];
  const fraud = await project.run(bin('payment-errors'), [...args, 'fraud.json']);
  expect({ code: fraud.code, stdout: fraud.stdout }).toEqual({
    code: 1,
    stdout: 'does not conform to the error contract (1 problem):\n  - payment_error.fraud is not among the codes of payment_error the operation declares (expired_card, not_enough_balance, 3DS_required)\n',
  });
  const expired = await project.run(bin('payment-errors'), [...args, 'expired.json']);
  expect(expired.code).toBe(0);
});
