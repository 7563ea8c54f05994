import { ruleCases } from '../../../helpers/rule-cases.ts';

const REF = './node_modules/payment-error-contract/generated/openapi.yaml#/components/parameters/OnBehalfOf';
const message = (name: string) => `Spell the sub-account header x-on-behalf-of, the name the API reads (and sub_account_not_found refers to), not ${JSON.stringify(name)}; or $ref ${REF}.`;

ruleCases('on-behalf-of-header', 'error', [
  { name: 'valid: the shared x-on-behalf-of parameter', change: () => {}, want: [] },
  {
    name: 'valid: header names are case-insensitive',
    change: (d) => (d.paths['/payments'].post.parameters = [{ name: 'X-On-Behalf-Of', in: 'header', schema: { type: 'string' } }]),
    want: [],
  },
  ...['On-Behalf-Of', 'x-onbehalfof', 'X_On_Behalf_Of'].map((name) => ({
    name: `invalid: ${name}`,
    change: (d: any) => (d.paths['/payments'].post.parameters = [{ name, in: 'header', schema: { type: 'string' } }]),
    want: [{ path: 'paths./payments.post.parameters.0.name', message: message(name) }],
  })),
  {
    name: 'invalid: on a path item, shared by its operations',
    change: (d) => {
      d.paths['/payments'].parameters = [{ name: 'OnBehalfOf', in: 'header', schema: { type: 'string' } }];
      d.paths['/payments'].get = { responses: {} };
    },
    want: [{ path: 'paths./payments.parameters.0.name', message: message('OnBehalfOf') }],
  },
]);
