import { ruleCases } from '../../../helpers/rule-cases.ts';

const RESPONSES = 'paths./payments.post.responses';
const REF = './node_modules/payment-error-contract/generated/openapi.yaml#/components/responses';
const DECLARE_400 = `Declare the 400 response: any request may fail with invalid_request_error, idempotence_error, account_error, payment_error, refund_error, terminal_error. $ref ${REF}/BadRequest.`;
const DECLARE_500 = `Declare the 500 response: any request may fail with api_error. $ref ${REF}/InternalServerError.`;

ruleCases('responses-declared', 'warning', [
  { name: 'valid: 400 and 500 declared', change: () => {}, want: [] },
  {
    name: 'valid: ranges, or a default response',
    change: (d) => {
      d.paths['/payments'].post.responses = { '201': { description: 'Created' }, '4XX': { description: 'x' }, '5XX': { description: 'y' } };
      d.paths['/refunds'] = { get: { responses: { '200': { description: 'ok' }, default: { description: 'error' } } } };
    },
    want: [],
  },
  { name: 'invalid: no 500', change: (d) => delete d.paths['/payments'].post.responses['500'], want: [{ path: RESPONSES, message: DECLARE_500 }] },
  {
    name: 'invalid: no error response at all; a webhook, answered by the client\'s server, need declare none',
    change: (d) => {
      d.paths['/payments'].post.responses = { '201': { description: 'Created' } };
      d.webhooks = { paymentSucceeded: { post: { responses: { '200': { description: 'Received' } } } } };
    },
    want: [
      { path: RESPONSES, message: DECLARE_400 },
      { path: RESPONSES, message: DECLARE_500 },
    ],
  },
  {
    name: 'valid: operations of callbacks are the client\'s, not the API\'s',
    change: (d) => (d.paths['/payments'].post.callbacks = { paid: { '{$request.body#/callbackUrl}': { post: { responses: { '200': { description: 'Received' } } } } } }),
    want: [],
  },
]);
