import { ruleCases } from '../../../helpers/rule-cases.ts';

const REF = './node_modules/payment-error-contract/generated/openapi.yaml#/components/parameters/IdempotencyKey';
const header = (name: string, schema?: unknown) => ({ name, in: 'header', ...(schema ? { schema } : {}) });
const message = (name: string) => `The ${name} header is a UUID v4 (the API answers invalid_key_format otherwise): give it \`type: string\` and \`format: uuid\`, or $ref ${REF}.`;

ruleCases('idempotency-key-uuid', 'error', [
  { name: 'valid: the shared Idempotency-Key parameter', change: () => {}, want: [] },
  {
    name: 'valid: an inline X-Idempotency-Key with format uuid, and a query parameter of that name',
    change: (d) => (d.paths['/payments'].post.parameters = [header('X-Idempotency-Key', { type: 'string', format: 'uuid' }), { name: 'idempotency_key', in: 'query', schema: { type: 'integer' } }]),
    want: [],
  },
  {
    name: 'invalid: a plain string key on two operations',
    change: (d) => {
      d.paths['/payments'].post.parameters = [header('Idempotency-Key', { type: 'string' })];
      d.paths['/refunds'] = { post: { parameters: [header('Idempotency-Key', { type: 'string' })], responses: {} } };
    },
    want: ['/payments', '/refunds'].map((p) => ({ path: `paths.${p}.post.parameters.0.schema`, message: message('Idempotency-Key') })),
  },
  {
    name: 'invalid: a shared component without a schema, reported once where it is written',
    change: (d) => {
      d.components.parameters = { Key: header('idempotency_key') };
      d.paths['/payments'].post.parameters = [{ $ref: '#/components/parameters/Key' }];
      d.paths['/refunds'] = { parameters: [{ $ref: '#/components/parameters/Key' }], post: { responses: {} } };
    },
    want: [{ path: 'components.parameters.Key', message: message('idempotency_key') }],
  },
]);
