import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const AT = 'paths./payments.post.x-payment-errors';
const CALLBACK = '{$request.body#/callbackUrl}';
const IN_CALLBACK =
  "x-payment-errors is read on the operations under paths and webhooks, not in a callback (a request this API sends to the client's server): remove it, or describe the request under webhooks";
const declare = (value: unknown) => (d: any) => (d.paths['/payments'].post['x-payment-errors'] = value);

ruleCases('declaration', 'error', [
  { name: 'valid: an operation without a declaration', change: () => {}, want: [] },
  {
    name: 'valid: all, lists of codes, and codes of a type whose codes are open',
    change: declare({ invalid_request_error: 'all', payment_error: ['expired_card', '3DS_required'], refund_error: ['refund_window_closed'], api_error: 'all' }),
    want: [],
  },
  {
    name: 'valid: a declaration shared by $ref, and a list shared by $ref',
    change: (d) => {
      d.components['x-payment-errors'] = { Checkout: { payment_error: { $ref: '#/components/x-payment-errors/CardCodes' }, api_error: 'all' }, CardCodes: ['expired_card'] };
      d.paths['/payments'].post['x-payment-errors'] = { $ref: '#/components/x-payment-errors/Checkout' };
    },
    want: [],
  },
  {
    name: 'invalid: a list where a map belongs',
    change: declare(['payment_error']),
    want: [{ path: AT, message: 'x-payment-errors: x-payment-errors maps error types to `all` or to a list of their codes; this is a list.' }],
  },
  {
    name: 'invalid: a misspelt type, a type mapped to a number, an empty list',
    change: declare({ paymant_error: 'all', account_error: 3, api_error: [] }),
    want: [
      { path: `${AT}.paymant_error`, message: 'x-payment-errors: "paymant_error" is not an error type (did you mean payment_error?).' },
      { path: `${AT}.account_error`, message: 'x-payment-errors: account_error maps to `all` or to a list of its codes, not number 3.' },
      { path: `${AT}.api_error`, message: 'x-payment-errors: api_error lists no codes: leave the type out, or declare `all`.' },
    ],
  },
  {
    name: 'invalid: a code of another type, a misspelt code, a code twice, a code that is no code',
    change: declare({ payment_error: ['account_not_found', 'expird_card', 'fraud', 'fraud', 7], terminal_error: ['has space'] }),
    want: [
      { path: `${AT}.payment_error.0`, message: 'x-payment-errors: account_not_found is a code of account_error, not of payment_error.' },
      { path: `${AT}.payment_error.1`, message: 'x-payment-errors: "expird_card" is not a code of payment_error in contract 1.0.0 (did you mean expired_card?).' },
      { path: `${AT}.payment_error.3`, message: 'x-payment-errors: payment_error.fraud is declared twice.' },
      { path: `${AT}.payment_error.4`, message: 'x-payment-errors: a code is a string, not number 7.' },
      { path: `${AT}.terminal_error.0`, message: 'x-payment-errors: "has space" is not a well-formed code (letters, digits and underscores, at most 64).' },
    ],
  },
  {
    name: 'invalid: a shared declaration with a mistake, used by two operations, is reported once where it is written',
    change: (d) => {
      d.components['x-payment-errors'] = { Checkout: { payment_error: ['expird_card'] } };
      d.paths['/payments'].post['x-payment-errors'] = { $ref: '#/components/x-payment-errors/Checkout' };
      d.paths['/refunds'] = { post: { 'x-payment-errors': { $ref: '#/components/x-payment-errors/Checkout' }, responses: { '400': pkg('responses/BadRequest') } } };
    },
    want: [{ path: 'components.x-payment-errors.Checkout.payment_error.0', message: 'x-payment-errors: "expird_card" is not a code of payment_error in contract 1.0.0 (did you mean expired_card?).' }],
  },
  {
    name: 'bad input: a declaration on a path item instead of its operations',
    change: (d) => (d.paths['/payments']['x-payment-errors'] = { api_error: 'all' }),
    want: [
      {
        path: 'paths./payments.x-payment-errors',
        message: 'x-payment-errors belongs on each operation of a path, not on the path: declare it on the operations (the same declaration by $ref, if they share it).',
      },
    ],
  },
  {
    name: "bad input: a declaration on a callback's operation, and on the callback's path item",
    change: (d) => {
      d.paths['/payments'].post.callbacks = {
        paymentDone: { [CALLBACK]: { 'x-payment-errors': { api_error: 'all' }, post: { 'x-payment-errors': { invalid_request_error: 'all' }, responses: { '200': { description: 'Received.' } } } } },
      };
    },
    want: [
      { path: `paths./payments.post.callbacks.paymentDone.${CALLBACK}.x-payment-errors`, message: `${IN_CALLBACK}.` },
      { path: `paths./payments.post.callbacks.paymentDone.${CALLBACK}.post.x-payment-errors`, message: `${IN_CALLBACK}.` },
    ],
  },
  {
    name: "bad input: a callback two operations share by $ref is reported once, where it is written",
    change: (d) => {
      d.components.callbacks = { PaymentDone: { [CALLBACK]: { post: { 'x-payment-errors': { api_error: 'all' }, responses: { '200': { description: 'Received.' } } } } } };
      d.paths['/payments'].post.callbacks = { paymentDone: { $ref: '#/components/callbacks/PaymentDone' } };
      d.paths['/refunds'] = { post: { callbacks: { refundDone: { $ref: '#/components/callbacks/PaymentDone' } }, responses: { '400': pkg('responses/BadRequest'), '500': pkg('responses/InternalServerError') } } };
    },
    // Spectral places it on the shared callback, as deep as it maps that key.
    want: [{ path: `components.callbacks.PaymentDone.${CALLBACK}.post.x-payment-errors`, spectral: 'components.callbacks.PaymentDone', message: `${IN_CALLBACK}.` }],
  },
  {
    name: 'invalid: an empty declaration (not "fails with nothing": any request may fail with an api_error)',
    change: declare({}),
    want: [
      {
        path: AT,
        message: 'x-payment-errors: x-payment-errors declares no error type, and any request may fail with an api_error at least: declare the types the operation may fail with, or leave x-payment-errors out.',
      },
    ],
  },
  {
    name: 'bad input: a list of codes by $ref to nothing',
    change: declare({ payment_error: { $ref: '#/components/x-payment-errors/NoCodes' }, api_error: 'all' }),
    // Spectral places a finding under a $ref that leads nowhere at the nearest place it resolved.
    want: [{ path: `${AT}.payment_error`, spectral: 'components', message: 'x-payment-errors: the $ref "#/components/x-payment-errors/NoCodes" of payment_error does not resolve.' }],
  },
  {
    name: 'bad input: a $ref to a declaration that is not there',
    change: declare({ $ref: '#/components/x-payment-errors/Missing' }),
    want: [{ path: AT, spectral: 'paths./payments.post', message: 'The x-payment-errors of POST /payments cannot be read: its $ref "#/components/x-payment-errors/Missing" does not resolve.' }],
  },
  {
    name: 'bad input: ten thousand codes are twenty findings and a count, quickly',
    change: declare({ payment_error: Array.from({ length: 10_000 }, (_, i) => `code_${i}`) }),
    want: [
      ...Array.from({ length: 20 }, (_, i) => ({ path: `${AT}.payment_error.${i}`, message: `x-payment-errors: "code_${i}" is not a code of payment_error in contract 1.0.0.` })),
      { path: AT, message: 'x-payment-errors: and 9980 more problems in this x-payment-errors.' },
    ],
  },
]);
