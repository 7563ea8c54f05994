import { jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const AT = 'paths./payments.post.x-payment-errors';
const REF = './node_modules/payment-error-contract/generated/openapi.yaml#/components/responses';
const declare = (value: unknown) => (d: any) => (d.paths['/payments'].post['x-payment-errors'] = value);

ruleCases('declaration-sendable', 'error', [
  { name: 'valid: the shared 400 and 500 responses carry what is declared', change: declare({ payment_error: ['expired_card'], account_error: 'all', api_error: 'all' }), want: [] },
  {
    name: 'valid: a default response carries every type; 4XX the 400 ones',
    change: (d) => {
      d.paths['/payments'].post.responses = { '201': { description: 'Created' }, '4XX': jsonResponse(pkg('schemas/PaymentError')), default: jsonResponse(pkg('schemas/ErrorBody')) };
      declare({ payment_error: 'all', account_error: 'all', api_error: 'all' })(d);
    },
    want: [],
  },
  {
    name: 'invalid: api_error declared with no 500 response; account_error declared under a 400 that carries payment_error only',
    change: (d) => {
      d.paths['/payments'].post.responses = { '201': { description: 'Created' }, '400': jsonResponse(pkg('schemas/PaymentError')), '402': jsonResponse(pkg('schemas/AccountError')) };
      declare({ payment_error: 'all', account_error: ['user_not_found'], api_error: 'all' })(d);
    },
    want: [
      { path: `${AT}.account_error`, message: `POST /payments declares account_error, sent with 400, but no 400, 4XX or default response of it carries it: $ref ${REF}/BadRequest.` },
      { path: `${AT}.api_error`, message: `POST /payments declares api_error, sent with 500, but no 500, 5XX or default response of it carries it: $ref ${REF}/InternalServerError.` },
    ],
  },
  {
    name: 'invalid: a shared declaration is checked in each operation, at its $ref',
    change: (d) => {
      d.components['x-payment-errors'] = { Card: { payment_error: 'all', api_error: 'all' } };
      d.paths['/payments'].post['x-payment-errors'] = { $ref: '#/components/x-payment-errors/Card' };
      d.paths['/refunds'] = { post: { 'x-payment-errors': { $ref: '#/components/x-payment-errors/Card' }, responses: { '400': pkg('responses/BadRequest') } } };
    },
    want: [
      {
        path: 'paths./refunds.post.x-payment-errors',
        spectral: 'paths./refunds.post',
        message: `POST /refunds declares api_error, sent with 500, but no 500, 5XX or default response of it carries it: $ref ${REF}/InternalServerError.`,
      },
    ],
  },
]);
