import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture, jsonResponse } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-example-message';

test.each([
  { name: 'valid: the documented messages', change: () => {}, want: [] },
  {
    name: 'valid: an open code has no documented message',
    change: (d: any) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ $ref: '#/components/schemas/RefundError' }, { r: { type: 'refund_error', code: 'window_closed', message: 'Too late' } })),
    want: [],
  },
  {
    name: 'invalid: a documented code with a reworded message, typo fixed',
    change: (d: any) =>
      (d.paths['/payments'].post.responses['400'] = jsonResponse({ $ref: '#/components/schemas/PaymentError' }, { m: { type: 'payment_error', code: 'invalid_payment_method', message: 'Invalid payment method' } })),
    want: [
      {
        path: 'paths./payments.post.responses.400.content.application/json.examples.m.value.message',
        message: 'The API sends payment_error.invalid_payment_method with the message "Invalid paymentmethod", verbatim; this example says "Invalid payment method".',
      },
    ],
  },
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'warning', ...w })));
});
