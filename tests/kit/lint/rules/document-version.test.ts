import { downstreamSpec, jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const RESPONSES = 'paths./payments.post.responses';
const DOC_30 = './node_modules/payment-error-contract/generated/openapi-3.0.yaml#/components';
const DOC_31 = './node_modules/payment-error-contract/generated/openapi.yaml#/components';
const IN_30 = (written: string, component: string) =>
  `This $ref leads into the package's OpenAPI 3.1 document (${written}), whose 3.1 keywords (\`const\`, lists of \`examples\`) an OpenAPI 3.0 spec does not have: $ref ${DOC_30}/${component}, its 3.0 translation.`;

ruleCases('document-version', 'error', [
  { name: 'valid: a 3.1 spec that $refs the 3.1 document', change: () => {}, want: [] },
  { name: 'valid: a 3.0 spec that $refs the 3.0 translation', spec: () => downstreamSpec('3.0'), change: () => {}, want: [] },
  {
    name: 'invalid: a 3.0 spec that $refs the 3.1 document is reported once, on its $ref, with the 3.0 translation suggested',
    spec: () => downstreamSpec('3.0'),
    change: (d) => (d.paths['/payments'].post.responses['500'] = pkg('responses/InternalServerError')),
    want: [{ path: `${RESPONSES}.500`, spectral: RESPONSES, message: IN_30('openapi.yaml', 'responses/InternalServerError') }],
  },
  {
    name: 'invalid: every $ref of the user\'s into it, and no finding inside the package, however deep the 3.1 keywords are',
    spec: () => downstreamSpec('3.0'),
    change: (d) => {
      d.paths['/payments'].post.parameters[0] = pkg('parameters/IdempotencyKey');
      d.components.schemas.Failure = { type: 'object', properties: { error: { $ref: './node_modules/payment-error-contract/generated/openapi.json#/components/schemas/PaymentError' } } };
    },
    want: [
      { path: 'paths./payments.post.parameters.0', spectral: 'paths./payments.post.parameters', message: IN_30('openapi.yaml', 'parameters/IdempotencyKey') },
      { path: 'components.schemas.Failure.properties.error', spectral: 'components.schemas.Failure.properties', message: IN_30('openapi.json', 'schemas/PaymentError') },
    ],
  },
  {
    name: 'invalid: through a component of the user\'s used by two operations, once, where the $ref is written',
    spec: () => downstreamSpec('3.0'),
    change: (d) => {
      d.components.responses = { Failed: jsonResponse(pkg('schemas/BadRequestErrorBody')) };
      d.paths['/payments'].post.responses['400'] = { $ref: '#/components/responses/Failed' };
      d.paths['/refunds'] = { post: { responses: { '201': { description: 'Created' }, '400': { $ref: '#/components/responses/Failed' } } } };
    },
    want: [
      {
        path: 'components.responses.Failed.content.application/json.schema',
        spectral: 'components.responses.Failed.content.application/json',
        message: IN_30('openapi.yaml', 'schemas/BadRequestErrorBody'),
      },
    ],
  },
  {
    name: 'invalid: a 3.1 spec that $refs the 3.0 translation',
    change: (d) => (d.paths['/payments'].post.responses['400'] = pkg('responses/BadRequest', '3.0')),
    want: [
      {
        path: `${RESPONSES}.400`,
        spectral: RESPONSES,
        message: `This $ref leads into the package's OpenAPI 3.0 translation (openapi-3.0.yaml); an OpenAPI 3.1 spec uses the 3.1 document: $ref ${DOC_31}/responses/BadRequest.`,
      },
    ],
  },
]);
