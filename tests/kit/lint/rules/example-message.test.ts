import { jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const reworded = (said: string) =>
  `The API sends payment_error.invalid_payment_method with the message "Invalid paymentmethod", verbatim; the example "m" says ${said}.`;

ruleCases('example-message', 'warning', [
  { name: 'valid: the documented messages', change: () => {}, want: [] },
  {
    name: 'valid: an open code has no documented message',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/RefundError'), { r: { type: 'refund_error', code: 'window_closed', message: 'Too late' } })),
    want: [],
  },
  {
    name: 'invalid: a documented code with a reworded message, typo fixed',
    change: (d) =>
      (d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/PaymentError'), { m: { type: 'payment_error', code: 'invalid_payment_method', message: 'Invalid payment method' } })),
    want: [{ path: 'paths./payments.post.responses.400.content.application/json.examples.m.value.message', message: reworded('"Invalid payment method"') }],
  },
  {
    name: 'bad input: a megabyte of message is quoted short',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse(pkg('schemas/PaymentError'), { m: { type: 'payment_error', code: 'invalid_payment_method', message: 'y'.repeat(1 << 20) } })),
    want: [{ path: 'paths./payments.post.responses.400.content.application/json.examples.m.value.message', message: reworded(`"${'y'.repeat(40)}…"`) }],
  },
]);
