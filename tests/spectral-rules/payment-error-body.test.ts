import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture, jsonResponse } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-body';
const RESPONSES = 'paths./payments.post.responses';
const lookAlike = (codes: string[], extra: object = {}) => ({
  type: 'object',
  required: ['type', 'code', 'message'],
  additionalProperties: false,
  properties: { type: { type: 'string', const: 'account_error' }, code: { type: 'string', enum: codes }, message: { type: 'string' } },
  ...extra,
});
const ACCOUNT_CODES = ['account_not_found', 'sub_account_not_found', 'user_not_found', 'product_not_found'];

test.each([
  { name: 'valid: the shared 400 and 500 responses', change: () => {}, want: [] },
  {
    name: 'valid: a $ref to one type schema, and to the union, under default',
    change: (d: any) => {
      d.paths['/payments'].post.responses['402'] = jsonResponse({ $ref: '#/components/schemas/PaymentError' });
      d.paths['/payments'].post.responses.default = jsonResponse({ $ref: '#/components/schemas/ErrorBody' });
    },
    want: [],
  },
  {
    name: 'valid: an error response with no body',
    change: (d: any) => (d.paths['/payments'].post.responses['409'] = { description: 'Conflict' }),
    want: [],
  },
  {
    name: 'invalid: a body that is not the error body',
    change: (d: any) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ type: 'object', properties: { error: { type: 'string' } } })),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: 'The 400 response body is not the standardized error body (it has no `type`, `code` and `message`): $ref payment-error-contract/openapi.yaml#/components/responses/BadRequest.',
      },
    ],
  },
  {
    name: 'invalid: an inline look-alike with its own code enum',
    change: (d: any) => (d.paths['/payments'].post.responses['400'] = jsonResponse(lookAlike(['account_not_found', 'user_disabled']))),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message:
          'This account_error body is a look-alike of the shared schema: its own `code` enum lacks sub_account_not_found, user_not_found, product_not_found and adds user_disabled. $ref payment-error-contract/openapi.yaml#/components/schemas/AccountError instead.',
      },
    ],
  },
  {
    name: 'valid: a copy equal to the contract (a bundled spec) resolves to the same contract',
    change: (d: any) => (d.paths['/payments'].post.responses['400'] = jsonResponse(lookAlike(ACCOUNT_CODES))),
    want: [],
  },
  {
    name: 'invalid: a copy that allows other members, in a oneOf',
    change: (d: any) =>
      (d.paths['/payments'].post.responses['400'] = jsonResponse({ oneOf: [{ $ref: '#/components/schemas/PaymentError' }, lookAlike(ACCOUNT_CODES, { additionalProperties: true })] })),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema.oneOf.1`,
        message:
          'This account_error body is a look-alike of the shared schema: it allows members other than type, code and message. $ref payment-error-contract/openapi.yaml#/components/schemas/AccountError instead.',
      },
    ],
  },
  {
    name: 'invalid: a local component that went stale is reported once, where it is written',
    change: (d: any) => {
      d.components.schemas.AccountError.properties.code.enum.pop();
      d.paths['/refunds'] = { post: { responses: { '400': { $ref: '#/components/responses/BadRequest' } } } };
    },
    want: [
      {
        path: 'components.schemas.AccountError',
        message:
          'This account_error body is a look-alike of the shared schema: its own `code` enum lacks product_not_found. $ref payment-error-contract/openapi.yaml#/components/schemas/AccountError instead.',
      },
    ],
  },
  {
    name: 'invalid: a type the contract does not know',
    change: (d: any) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ ...lookAlike(ACCOUNT_CODES), properties: { ...lookAlike(ACCOUNT_CODES).properties, type: { const: 'acount_error' } } })),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message:
          'This acount_error body is a look-alike of the shared schema: "acount_error" is not an error type of the contract (did you mean account_error?). $ref the schemas of payment-error-contract/openapi.yaml instead.',
      },
    ],
  },
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
