// A downstream API document that uses the contract correctly: one operation whose headers and
// 400 and 500 responses come from the contract's components (copied in, as a bundled spec
// has them). Each rule test changes one thing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

const contract = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));

export const OPERATION = ['paths', '/payments', 'post'] as const;

export function downstreamFixture(): any {
  return {
    openapi: '3.1.0',
    info: { title: 'Payments API', version: '1.0.0' },
    paths: {
      '/payments': {
        post: {
          operationId: 'createPayment',
          parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/OnBehalfOf' }],
          responses: {
            '201': { description: 'Created' },
            '400': { $ref: '#/components/responses/BadRequest' },
            '500': { $ref: '#/components/responses/InternalServerError' },
          },
        },
      },
    },
    components: structuredClone(contract.components),
  };
}

/** A 4xx/5xx response with a JSON body of the given schema and examples. */
export function jsonResponse(schema: unknown, examples?: Record<string, unknown>): any {
  return {
    description: 'Failed',
    content: { 'application/json': { schema, ...(examples ? { examples: Object.fromEntries(Object.entries(examples).map(([k, v]) => [k, { value: v }])) } : {}) } },
  };
}
