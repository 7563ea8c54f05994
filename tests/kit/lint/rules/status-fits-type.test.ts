import { jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const REF = './node_modules/payment-error-contract/generated/openapi.yaml#/components';
const FOUR_HUNDRED = 'invalid_request_error, idempotence_error, account_error, payment_error, refund_error, terminal_error';
const UNDER_500 = `A 500 response may carry only api_error; this body allows ${FOUR_HUNDRED}, sent with 400. $ref ${REF}/responses/InternalServerError.`;

ruleCases('status-fits-type', 'error', [
  { name: 'valid: 400 with the 400 types, 500 with api_error', change: () => {}, want: [] },
  {
    name: 'valid: the ranges 4XX and 5XX, and the whole union under default',
    change: (d) => {
      d.paths['/payments'].post.responses['4XX'] = jsonResponse(pkg('schemas/BadRequestErrorBody'));
      d.paths['/payments'].post.responses['5XX'] = jsonResponse(pkg('schemas/ApiError'));
      d.paths['/payments'].post.responses.default = jsonResponse(pkg('schemas/ErrorBody'));
    },
    want: [],
  },
  {
    name: 'invalid: the package\'s 400 response under 500 in two operations: a finding on each $ref, none in node_modules',
    change: (d) => {
      d.paths['/payments'].post.responses['500'] = pkg('responses/BadRequest');
      d.paths['/refunds'] = { post: { responses: { '400': pkg('responses/BadRequest'), '500': pkg('responses/BadRequest') } } };
    },
    want: ['/payments', '/refunds'].map((p) => ({ path: `paths.${p}.post.responses.500`, spectral: `paths.${p}.post.responses`, message: UNDER_500 })),
  },
  {
    name: 'invalid: the whole union under 500, by $ref from the media type',
    change: (d) => (d.paths['/payments'].post.responses['500'] = jsonResponse(pkg('schemas/ErrorBody'))),
    want: [
      {
        path: 'paths./payments.post.responses.500.content.application/json.schema',
        spectral: 'paths./payments.post.responses.500.content.application/json',
        message: `A 500 response may carry only api_error; this body allows ${FOUR_HUNDRED}, sent with 400. $ref ${REF}/responses/InternalServerError.`,
      },
    ],
  },
  {
    name: 'invalid: a component of the user\'s used under the wrong status is reported at that use',
    change: (d) => {
      d.components.schemas.Failures = { oneOf: [pkg('schemas/PaymentError'), pkg('schemas/ApiError')] };
      d.paths['/payments'].post.responses.default = jsonResponse({ $ref: '#/components/schemas/Failures' });
      d.paths['/payments'].post.responses['400'] = jsonResponse({ $ref: '#/components/schemas/Failures' });
    },
    want: [
      {
        path: 'paths./payments.post.responses.400.content.application/json.schema',
        spectral: 'paths./payments.post.responses.400.content.application/json',
        message: `A 400 response may carry only ${FOUR_HUNDRED}; this body allows api_error, sent with 500. $ref ${REF}/responses/BadRequest.`,
      },
    ],
  },
  {
    name: 'invalid: payment_error under 5XX, inline',
    change: (d) => {
      d.paths['/payments'].post.responses['5XX'] = jsonResponse({
        type: 'object',
        required: ['type', 'code', 'message'],
        properties: { type: { const: 'payment_error' }, code: { type: 'string' }, message: { type: 'string' } },
      });
    },
    want: [
      {
        path: 'paths./payments.post.responses.5XX.content.application/json.schema',
        message: `A 5XX response may carry only api_error; this body allows payment_error, sent with 400. $ref ${REF}/responses/InternalServerError.`,
      },
    ],
  },
]);
