import { downstreamSpec, jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const declare = (value: unknown) => (d: any) => (d.paths['/payments'].post['x-payment-errors'] = value);
const DECLARATION = { payment_error: ['expired_card'], refund_error: ['window_closed'], api_error: 'all' };
const EXAMPLES = 'paths./payments.post.responses.400.content.application/json.examples';
const CARD = { type: 'payment_error', code: 'expired_card', message: 'Expired card' };
const MISSING = { type: 'invalid_request_error', code: 'missing_parameter', message: 'Mandatory parameter is missing' };
/** A 400 response whose examples are these (Example Objects, or $refs to them). */
const withExamples = (examples: Record<string, unknown>, version: '3.0' | '3.1' = '3.1') => ({
  description: 'Failed',
  content: { 'application/json': { schema: pkg('schemas/BadRequestErrorBody', version), examples } },
});

ruleCases('example-declared', 'error', [
  { name: 'valid: examples of declared pairs', change: (d) => {
      declare(DECLARATION)(d);
      d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/BadRequestErrorBody'), {
        card: { type: 'payment_error', code: 'expired_card', message: 'Expired card' },
        refund: { type: 'refund_error', code: 'window_closed', message: 'Too late' },
      });
    }, want: [] },
  { name: "valid: the examples of a package response $ref'd whole are not the user's choice (narrowing replaces the response and them)", change: declare(DECLARATION), want: [] },
  {
    name: 'invalid: an example the user $refs from the package, of a pair the operation does not declare, is reported at that $ref',
    change: (d) => {
      declare({ invalid_request_error: ['invalid_parameter'], payment_error: ['expired_card'], api_error: 'all' })(d);
      d.paths['/payments'].post.responses['400'] = withExamples({ missing: pkg('examples/InvalidRequestErrorMissingParameter'), card: pkg('examples/PaymentErrorExpiredCard') });
    },
    want: [{ path: `${EXAMPLES}.missing`, spectral: EXAMPLES, message: 'The example "missing" ("invalid_request_error", "missing_parameter") is not one the x-payment-errors of POST /payments declares.' }],
  },
  {
    name: 'invalid: the same in a 3.0 spec, from the 3.0 document',
    spec: () => downstreamSpec('3.0'),
    change: (d) => {
      declare({ invalid_request_error: ['invalid_parameter'], api_error: 'all' })(d);
      d.paths['/payments'].post.responses['400'] = withExamples({ missing: pkg('examples/InvalidRequestErrorMissingParameter', '3.0') }, '3.0');
    },
    want: [{ path: `${EXAMPLES}.missing`, spectral: EXAMPLES, message: 'The example "missing" ("invalid_request_error", "missing_parameter") is not one the x-payment-errors of POST /payments declares.' }],
  },
  {
    name: 'invalid: an example of a response many operations share is reported once, where it is written, counting the others',
    change: (d) => {
      d.components.responses = { Failed: jsonResponse(pkg('schemas/BadRequestErrorBody'), { missing: MISSING, card: CARD }) };
      for (const path of ['/payments', '/refunds', '/payouts']) {
        d.paths[path] ??= { post: { responses: { '500': pkg('responses/InternalServerError') } } };
        d.paths[path].post.responses['400'] = { $ref: '#/components/responses/Failed' };
        d.paths[path].post['x-payment-errors'] = { payment_error: ['expired_card'], api_error: 'all' };
      }
      d.paths['/payouts'].post['x-payment-errors'] = { invalid_request_error: 'all', api_error: 'all' };
    },
    want: [
      { path: 'components.responses.Failed.content.application/json.examples.missing.value', message: 'The example "missing" ("invalid_request_error", "missing_parameter") is not one the x-payment-errors of POST /payments declares, nor do those of 1 more operation that show it.' },
      { path: 'components.responses.Failed.content.application/json.examples.card.value', message: 'The example "card" ("payment_error", "expired_card") is not one the x-payment-errors of POST /payouts declares.' },
    ],
  },
  {
    name: 'invalid: an example component two bodies of one operation $ref is reported once, where it is written',
    change: (d) => {
      declare(DECLARATION)(d);
      d.components.examples = { Missing: { value: MISSING } };
      const media = () => ({ schema: pkg('schemas/BadRequestErrorBody'), examples: { missing: { $ref: '#/components/examples/Missing' } } });
      d.paths['/payments'].post.responses['400'] = { description: 'Failed', content: { 'application/json': media(), 'application/problem+json': media() } };
    },
    want: [{ path: 'components.examples.Missing.value', message: 'The example "missing" ("invalid_request_error", "missing_parameter") is not one the x-payment-errors of POST /payments declares.' }],
  },
  {
    name: 'invalid: a package example two bodies of one operation $ref is reported at each $ref',
    change: (d) => {
      declare(DECLARATION)(d);
      const media = () => ({ schema: pkg('schemas/BadRequestErrorBody'), examples: { missing: pkg('examples/InvalidRequestErrorMissingParameter') } });
      d.paths['/payments'].post.responses['400'] = { description: 'Failed', content: { 'application/json': media(), 'application/problem+json': media() } };
    },
    want: ['application/json', 'application/problem+json'].map((type) => {
      const examples = `paths./payments.post.responses.400.content.${type}.examples`;
      return { path: `${examples}.missing`, spectral: examples, message: 'The example "missing" ("invalid_request_error", "missing_parameter") is not one the x-payment-errors of POST /payments declares.' };
    }),
  },
  {
    name: 'valid: under a declaration that cannot be read (a $ref to nothing, a scalar), examples are left to the declaration rule',
    change: (d) => {
      declare({ $ref: '#/components/x-payment-errors/Nope' })(d);
      d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/BadRequestErrorBody'), { card: CARD, missing: MISSING });
      d.paths['/refunds'] = { post: { 'x-payment-errors': 'all', responses: { '400': jsonResponse(pkg('schemas/BadRequestErrorBody'), { card: CARD }), '500': pkg('responses/InternalServerError') } } };
    },
    want: [],
  },
  {
    name: 'invalid: under a declaration one type of which is not well formed, only examples of the other types are judged',
    change: (d) => {
      declare({ payment_error: ['expird_card'], account_error: { $ref: '#/components/x-payment-errors/Nope' }, api_error: 'all' })(d);
      d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/BadRequestErrorBody'), {
        card: CARD,
        account: { type: 'account_error', code: 'account_not_found', message: 'Account not found' },
        missing: MISSING,
      });
    },
    want: [{ path: `${EXAMPLES}.missing.value`, message: 'The example "missing" ("invalid_request_error", "missing_parameter") is not one the x-payment-errors of POST /payments declares.' }],
  },
  { name: 'valid: an operation without a declaration may show any example', change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/PaymentError'), { e: { type: 'payment_error', code: 'fraud', message: 'FRAUD' } })), want: [] },
  {
    name: 'invalid: a code the operation does not declare, and one of an open type declared as a list',
    change: (d) => {
      declare(DECLARATION)(d);
      d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/BadRequestErrorBody'), {
        fraud: { type: 'payment_error', code: 'fraud', message: 'FRAUD' },
        late: { type: 'refund_error', code: 'refund_too_late', message: 'Too late' },
      });
    },
    want: [
      { path: 'paths./payments.post.responses.400.content.application/json.examples.fraud.value', message: 'The example "fraud" ("payment_error", "fraud") is not one the x-payment-errors of POST /payments declares.' },
      { path: 'paths./payments.post.responses.400.content.application/json.examples.late.value', message: 'The example "late" ("refund_error", "refund_too_late") is not one the x-payment-errors of POST /payments declares.' },
    ],
  },
]);
