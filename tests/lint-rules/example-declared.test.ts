import { jsonResponse } from '../helpers/downstream-fixture.ts';
import { pkg } from '../helpers/lint.ts';
import { ruleCases } from '../helpers/rule-cases.ts';

const declare = (value: unknown) => (d: any) => (d.paths['/payments'].post['x-payment-errors'] = value);
const DECLARATION = { payment_error: ['expired_card'], refund_error: ['window_closed'], api_error: 'all' };

ruleCases('example-declared', 'error', [
  { name: 'valid: examples of declared pairs', change: (d) => {
      declare(DECLARATION)(d);
      d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/BadRequestErrorBody'), {
        card: { type: 'payment_error', code: 'expired_card', message: 'Expired card' },
        refund: { type: 'refund_error', code: 'window_closed', message: 'Too late' },
      });
    }, want: [] },
  { name: "valid: the package's own examples are not the user's to change (narrowing leaves them out)", change: declare(DECLARATION), want: [] },
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
