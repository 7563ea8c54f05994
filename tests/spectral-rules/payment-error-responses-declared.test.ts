import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-responses-declared';
const RESPONSES = 'paths./payments.post.responses';
const DECLARE_400 =
  'Declare the 400 response: any request may fail with invalid_request_error, idempotence_error, account_error, payment_error, refund_error, terminal_error. $ref payment-error-contract/openapi.yaml#/components/responses/BadRequest.';
const DECLARE_500 = 'Declare the 500 response: any request may fail with api_error. $ref payment-error-contract/openapi.yaml#/components/responses/InternalServerError.';

test.each([
  { name: 'valid: 400 and 500 declared', change: () => {}, want: [] },
  {
    name: 'valid: ranges, or a default response',
    change: (d: any) => {
      d.paths['/payments'].post.responses = { '201': { description: 'Created' }, '4XX': { description: 'x' }, '5XX': { description: 'y' } };
      d.paths['/refunds'] = { get: { responses: { '200': { description: 'ok' }, default: { description: 'error' } } } };
    },
    want: [],
  },
  {
    name: 'invalid: no 500',
    change: (d: any) => delete d.paths['/payments'].post.responses['500'],
    want: [{ path: RESPONSES, message: DECLARE_500 }],
  },
  {
    name: 'invalid: no error response at all',
    change: (d: any) => (d.paths['/payments'].post.responses = { '201': { description: 'Created' } }),
    want: [
      { path: RESPONSES, message: DECLARE_400 },
      { path: RESPONSES, message: DECLARE_500 },
    ],
  },
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'warning', ...w })));
});
