import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture, jsonResponse } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-example';
const MEDIA = 'paths./payments.post.responses.402.content.application/json';
const respond = (d: any, status: string, examples: Record<string, unknown>, schema: unknown = { $ref: '#/components/schemas/ErrorBody' }) =>
  (d.paths['/payments'].post.responses[status] = jsonResponse(schema, examples));

test.each([
  { name: 'valid: the contract\'s own examples', change: () => {}, want: [] },
  {
    name: 'valid: a documented pair and an open code, under the right statuses',
    change: (d: any) => {
      respond(d, '402', { card: { type: 'payment_error', code: '3DS_required', message: 'The issuer bank requires the 3D Secure process' } });
      respond(d, '5XX', { boom: { type: 'api_error', code: 'upstream_timeout', message: 'Contact technical support.' } });
    },
    want: [],
  },
  {
    name: 'invalid: a misspelt code, with the nearest one suggested',
    change: (d: any) => respond(d, '402', { typo: { type: 'payment_error', code: 'expird_card', message: 'Expired card' } }),
    want: [{ path: `${MEDIA}.examples.typo.value`, message: 'This error example breaks the contract: `code` "expird_card" is not a code of payment_error (did you mean expired_card?).' }],
  },
  {
    name: 'invalid: a code of another type',
    change: (d: any) => respond(d, '402', { wrong: { type: 'account_error', code: 'expired_card', message: 'Expired card' } }),
    want: [{ path: `${MEDIA}.examples.wrong.value`, message: 'This error example breaks the contract: `code` "expired_card" is a code of payment_error, not of account_error.' }],
  },
  {
    name: 'invalid: an unknown type, and an empty message',
    change: (d: any) => respond(d, '402', { odd: { type: 'card_error', code: 'expired_card', message: '' } }),
    want: [
      { path: `${MEDIA}.examples.odd.value`, message: 'This error example breaks the contract: `type` "card_error" is not an error type.' },
      { path: `${MEDIA}.examples.odd.value`, message: 'This error example breaks the contract: `message` is empty.' },
    ],
  },
  {
    name: 'invalid: a payment_error example under 500, on the media type and in the schema',
    change: (d: any) => {
      d.paths['/payments'].post.responses['500'] = {
        description: 'Failed',
        content: {
          'application/json': {
            schema: { allOf: [{ $ref: '#/components/schemas/ErrorBody' }], examples: [{ type: 'payment_error', code: 'fraud', message: 'FRAUD' }] },
            example: { type: 'payment_error', code: 'fraud', message: 'FRAUD' },
          },
        },
      };
    },
    want: ['schema.examples.0', 'example'].map((at) => ({
      path: `paths./payments.post.responses.500.content.application/json.${at}`,
      message: 'This error example breaks the contract: HTTP 500 does not fit payment_error, which is sent with 400.',
    })),
  },
  {
    name: 'invalid: an example that is no error body',
    change: (d: any) => respond(d, '402', { text: 'Payment required' }),
    want: [{ path: `${MEDIA}.examples.text.value`, message: 'This error example breaks the contract: the body is "Payment required", not an object.' }],
  },
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
