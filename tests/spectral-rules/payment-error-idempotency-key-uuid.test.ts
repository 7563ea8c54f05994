import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-idempotency-key-uuid';
const header = (name: string, schema?: unknown) => ({ name, in: 'header', ...(schema ? { schema } : {}) });

test.each([
  { name: 'valid: the shared Idempotency-Key parameter', change: () => {}, want: [] },
  {
    name: 'valid: an inline X-Idempotency-Key with format uuid, and a query parameter of that name',
    change: (d: any) => {
      d.paths['/payments'].post.parameters = [header('X-Idempotency-Key', { type: 'string', format: 'uuid' }), { name: 'idempotency_key', in: 'query', schema: { type: 'integer' } }];
    },
    want: [],
  },
  {
    name: 'invalid: a plain string key on the operation',
    change: (d: any) => (d.paths['/payments'].post.parameters = [header('Idempotency-Key', { type: 'string' })]),
    want: [
      {
        path: 'paths./payments.post.parameters.0.schema',
        message: 'The Idempotency-Key header is a UUID v4 (the API answers invalid_key_format otherwise): give it `type: string` and `format: uuid`.',
      },
    ],
  },
  {
    name: 'invalid: a shared component without a schema, reported once where it is written',
    change: (d: any) => {
      d.components.parameters.IdempotencyKey = header('idempotency_key');
      d.paths['/refunds'] = { parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }], post: { responses: {} } };
    },
    want: [{ path: 'components.parameters.IdempotencyKey', message: 'The idempotency_key header is a UUID v4 (the API answers invalid_key_format otherwise): give it `type: string` and `format: uuid`.' }],
  },
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
