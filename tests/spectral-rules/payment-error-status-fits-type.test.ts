import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture, jsonResponse } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-status-fits-type';
const RESPONSES = 'paths./payments.post.responses';

test.each([
  { name: 'valid: 400 with the 400 types, 500 with api_error', change: () => {}, want: [] },
  {
    name: 'valid: the ranges 4XX and 5XX, and the whole union under default',
    change: (d: any) => {
      d.paths['/payments'].post.responses['4XX'] = jsonResponse({ $ref: '#/components/schemas/BadRequestErrorBody' });
      d.paths['/payments'].post.responses['5XX'] = jsonResponse({ $ref: '#/components/schemas/ApiError' });
      d.paths['/payments'].post.responses.default = jsonResponse({ $ref: '#/components/schemas/ErrorBody' });
    },
    want: [],
  },
  {
    name: 'invalid: the whole union under 500',
    change: (d: any) => (d.paths['/payments'].post.responses['500'] = jsonResponse({ $ref: '#/components/schemas/ErrorBody' })),
    want: ['InvalidRequestError', 'IdempotenceError', 'AccountError', 'PaymentError', 'RefundError', 'TerminalError'].map((schema) => ({
      path: `components.schemas.${schema}`,
      message: `A 500 response may carry only api_error; ${schema.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()} is sent with 400.`,
    })),
  },
  {
    name: 'invalid: api_error under 400',
    change: (d: any) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ oneOf: [{ $ref: '#/components/schemas/PaymentError' }, { $ref: '#/components/schemas/ApiError' }] })),
    want: [
      {
        path: 'components.schemas.ApiError',
        message: 'A 400 response may carry only invalid_request_error, idempotence_error, account_error, payment_error, refund_error, terminal_error; api_error is sent with 500.',
      },
    ],
  },
  {
    name: 'invalid: payment_error under 5XX, inline',
    change: (d: any) => {
      const inline = structuredClone(d.components.schemas.PaymentError);
      inline.properties.message = { type: 'string' };
      d.paths['/payments'].post.responses['5XX'] = jsonResponse(inline);
    },
    want: [{ path: `${RESPONSES}.5XX.content.application/json.schema`, message: 'A 5XX response may carry only api_error; payment_error is sent with 400.' }],
  },
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  const got = await lintWithRule(ruleset, RULE, document);
  expect(got).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
