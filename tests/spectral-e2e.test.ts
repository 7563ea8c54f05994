// The lint kit as an API team uses it: the packed package installed in a new project beside
// @stoplight/spectral-cli (the version the lockfile pins), a .spectral.yaml that is the one line
// `extends: ["payment-error-contract/spectral"]`, then the real `spectral lint` on fixture specs
// (tests/fixtures/downstream/<case>/openapi.yaml).
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { packedProject, type PackedProject } from './helpers/packed-project.js';

let project: PackedProject;

beforeAll(async () => {
  project = await packedProject([{ name: '@stoplight/spectral-cli', bin: ['spectral', 'dist/index.js'] }]);
  await writeFile(path.join(project.dir, '.spectral.yaml'), 'extends: ["payment-error-contract/spectral"]\n');
  for (const fixture of ['clean', 'mistakes']) {
    await copyFile(path.join(REPO_ROOT, 'tests/fixtures/downstream', fixture, 'openapi.yaml'), path.join(project.dir, `${fixture}.yaml`));
  }
}, 180_000);

afterAll(async () => {
  await project?.remove();
});

const SEVERITY = ['error', 'warning', 'info', 'hint'];

async function lint(file: string) {
  const result = await project.run(path.join(project.dir, 'node_modules/.bin/spectral'), ['lint', file, '--format', 'json', '--quiet']);
  const findings = (JSON.parse(result.stdout || '[]') as Array<{ code: string; path: string[]; severity: number; message: string; range: { start: { line: number } } }>).map((f) => ({
    rule: f.code,
    line: f.range.start.line + 1,
    path: f.path.join('.'),
    severity: SEVERITY[f.severity],
    message: f.message,
  }));
  return { code: result.code, findings, stderr: result.stderr };
}

test('a spec that uses the contract correctly has no findings', async () => {
  expect(await lint('clean.yaml')).toEqual({ code: 0, findings: [], stderr: '' });
});

test('a spec with known mistakes gets exactly the expected findings, and exit code 1', async () => {
  const { code, findings } = await lint('mistakes.yaml');
  expect(findings).toEqual([
    {
      rule: 'payment-error-idempotency-key-uuid',
      line: 12,
      path: 'paths./payments.post.parameters.0.schema',
      severity: 'error',
      message: 'The Idempotency-Key header is a UUID v4 (the API answers invalid_key_format otherwise): give it `type: string` and `format: uuid`.',
    },
    {
      rule: 'payment-error-on-behalf-of-header',
      line: 14,
      path: 'paths./payments.post.parameters.1.name',
      severity: 'error',
      message: 'Spell the sub-account header x-on-behalf-of, the name the API reads (and sub_account_not_found refers to), not On-Behalf-Of.',
    },
    {
      rule: 'payment-error-example',
      line: 29,
      path: 'paths./payments.post.responses.400.content.application/json.examples.typo.value',
      severity: 'error',
      message: 'This error example breaks the contract: `code` "expird_card" is not a code of payment_error (did you mean expired_card?).',
    },
    {
      rule: 'payment-error-example-message',
      line: 37,
      path: 'paths./payments.post.responses.400.content.application/json.examples.reworded.value.message',
      severity: 'warning',
      message: 'The API sends payment_error.invalid_payment_method with the message "Invalid paymentmethod", verbatim; this example says "Invalid payment method".',
    },
    {
      rule: 'payment-error-media-type',
      line: 44,
      path: 'paths./payments.post.responses.500.content.text/html',
      severity: 'error',
      message: 'The 500 response offers text/html: error bodies are the standardized JSON body (application/json).',
    },
    {
      rule: 'payment-error-responses-declared',
      line: 56,
      path: 'paths./payments/{id}.get.responses',
      severity: 'warning',
      message: 'Declare the 500 response: any request may fail with api_error. $ref payment-error-contract/openapi.yaml#/components/responses/InternalServerError.',
    },
    {
      rule: 'payment-error-other-status',
      line: 59,
      path: 'paths./payments/{id}.get.responses.404',
      severity: 'warning',
      message: 'An error body under 404: the reference sends every error with 400 or 500, the type and code saying what went wrong.',
    },
    {
      rule: 'payment-error-body',
      line: 67,
      path: 'components.schemas.PaymentFailure',
      severity: 'error',
      message:
        'This payment_error body is a look-alike of the shared schema: its own `code` enum lacks missing_billing_info, missing_shipping_info, invalid_order_currency, invalid_order_amount and 48 more and adds card_declined; it allows members other than type, code and message. $ref payment-error-contract/openapi.yaml#/components/schemas/PaymentError instead.',
    },
    {
      rule: 'payment-error-status-fits-type',
      line: 67,
      path: 'components.schemas.PaymentFailure',
      severity: 'error',
      message: 'A 500 response may carry only api_error; payment_error is sent with 400.',
    },
  ]);
  expect(code).toBe(1);
});

test('one rule can be switched off in .spectral.yaml, as the README shows', async () => {
  await writeFile(
    path.join(project.dir, 'silenced.spectral.yaml'),
    'extends: ["payment-error-contract/spectral"]\nrules:\n  # GET /payments/{id} answers 404 for an unknown id.\n  payment-error-other-status: off\n',
  );
  const result = await project.run(path.join(project.dir, 'node_modules/.bin/spectral'), ['lint', 'mistakes.yaml', '--ruleset', 'silenced.spectral.yaml', '--format', 'json', '--quiet']);
  const rules = (JSON.parse(result.stdout) as Array<{ code: string }>).map((f) => f.code);
  expect(rules).toHaveLength(8);
  expect(rules).not.toContain('payment-error-other-status');
});
