import { downstreamSpec, jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const MEDIA = 'paths./payments.post.responses.402.content.application/json';
const respond = (d: any, status: string, examples: Record<string, unknown>, schema: unknown = pkg('schemas/ErrorBody')) =>
  (d.paths['/payments'].post.responses[status] = jsonResponse(schema, examples));
const breaks = (what: string, label: string) => `The error example ${label} breaks the contract: ${what}.`;

ruleCases('example', 'error', [
  { name: "valid: the contract's own examples", change: () => {}, want: [] },
  {
    name: 'valid: a documented pair and an open code, under the right statuses',
    change: (d) => {
      respond(d, '402', { card: { type: 'payment_error', code: '3DS_required', message: 'The issuer bank requires the 3D Secure process' } });
      respond(d, '5XX', { boom: { type: 'api_error', code: 'upstream_timeout', message: 'Contact technical support.' } });
    },
    want: [],
  },
  {
    name: "valid: the package's examples under a status they do not fit are status-fits-type's finding, not theirs",
    change: (d) => (d.paths['/payments'].post.responses['500'] = pkg('responses/BadRequest')),
    want: [],
  },
  {
    name: 'invalid: a misspelt code, with the nearest one suggested',
    change: (d) => respond(d, '402', { typo: { type: 'payment_error', code: 'expird_card', message: 'Expired card' } }),
    want: [{ path: `${MEDIA}.examples.typo.value`, message: breaks('`code` "expird_card" is not a code of payment_error (did you mean expired_card?)', '"typo"') }],
  },
  {
    name: 'invalid: a code of another type',
    change: (d) => respond(d, '402', { wrong: { type: 'account_error', code: 'expired_card', message: 'Expired card' } }),
    want: [{ path: `${MEDIA}.examples.wrong.value`, message: breaks('`code` "expired_card" is a code of payment_error, not of account_error', '"wrong"') }],
  },
  {
    name: 'invalid: an unknown type, and an empty message',
    change: (d) => respond(d, '402', { odd: { type: 'card_error', code: 'expired_card', message: '' } }),
    want: [
      { path: `${MEDIA}.examples.odd.value`, message: breaks('`type` "card_error" is not an error type', '"odd"') },
      { path: `${MEDIA}.examples.odd.value`, message: breaks('`message` is empty', '"odd"') },
    ],
  },
  {
    name: 'invalid: a payment_error example under a 500 whose schema is api_error, on the media type and in the schema',
    change: (d) => {
      d.paths['/payments'].post.responses['500'] = {
        description: 'Failed',
        content: {
          'application/json': {
            schema: { allOf: [pkg('schemas/ApiError')], examples: [{ type: 'payment_error', code: 'fraud', message: 'FRAUD' }] },
            example: { type: 'payment_error', code: 'fraud', message: 'FRAUD' },
          },
        },
      };
    },
    want: [
      ['example', 'of the media type'],
      ['schema.examples.0', '0 of the schema'],
    ].map(([at, label]) => ({
      path: `paths./payments.post.responses.500.content.application/json.${at}`,
      message: breaks('HTTP 500 does not fit payment_error, which is sent with 400', label!),
    })),
  },
  {
    name: 'invalid: an example component of the user\'s, used by two operations, is reported once where it is written',
    change: (d) => {
      d.components.examples = { Typo: { value: { type: 'payment_error', code: 'expird_card', message: 'Expired card' } } };
      const response = () => ({ description: 'Failed', content: { 'application/json': { schema: pkg('schemas/PaymentError'), examples: { typo: { $ref: '#/components/examples/Typo' } } } } });
      d.paths['/payments'].post.responses['402'] = response();
      d.paths['/refunds'] = { post: { responses: { '402': response() } } };
    },
    want: [{ path: 'components.examples.Typo.value', message: breaks('`code` "expird_card" is not a code of payment_error (did you mean expired_card?)', '"typo"') }],
  },
  {
    name: 'invalid: a 3.0 example in the schema of an inline response',
    spec: () => downstreamSpec('3.0'),
    change: (d) => (d.paths['/payments'].post.responses['402'] = jsonResponse({ allOf: [pkg('schemas/PaymentError', '3.0')], example: { type: 'payment_error', code: 'expired_card' } })),
    want: [{ path: 'paths./payments.post.responses.402.content.application/json.schema.example', message: breaks('`message` is missing', 'of the schema') }],
  },
  {
    name: 'invalid: an example that is no error body',
    change: (d) => respond(d, '402', { text: 'Payment required' }),
    want: [{ path: `${MEDIA}.examples.text.value`, message: breaks('the body is "Payment required", not an object', '"text"') }],
  },
]);
