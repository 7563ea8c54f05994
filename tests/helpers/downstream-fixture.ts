// A downstream API document that uses the contract as docs/lint.md says: one operation whose
// headers and 400 and 500 responses are $refs to the installed package's document (the 3.1 one,
// or the 3.0 translation for a 3.0 spec). Each rule test changes one thing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { pkg } from './lint.ts';

export function downstreamSpec(version: '3.0' | '3.1' = '3.1'): any {
  return {
    openapi: version === '3.0' ? '3.0.3' : '3.1.0',
    info: { title: 'Payments API', version: '1.0.0' },
    paths: {
      '/payments': {
        post: {
          operationId: 'createPayment',
          parameters: [pkg('parameters/IdempotencyKey', version), pkg('parameters/OnBehalfOf', version)],
          responses: {
            '201': { description: 'Created' },
            '400': pkg('responses/BadRequest', version),
            '500': pkg('responses/InternalServerError', version),
          },
        },
      },
    },
    components: { schemas: {} },
  };
}

/**
 * The same document bundled: the contract's components copied into it (as `redocly bundle`
 * leaves them) and used by local $refs.
 */
export function bundledSpec(version: '3.0' | '3.1' = '3.1'): any {
  const file = version === '3.0' ? 'generated/openapi-3.0.json' : 'generated/openapi.json';
  const contract = JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  const document = downstreamSpec(version);
  const operation = document.paths['/payments'].post;
  operation.parameters = [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/OnBehalfOf' }];
  operation.responses['400'] = { $ref: '#/components/responses/BadRequest' };
  operation.responses['500'] = { $ref: '#/components/responses/InternalServerError' };
  document.components = structuredClone(contract.components);
  return document;
}

/** A 4xx/5xx response with a JSON body of the given schema and examples. */
export function jsonResponse(schema: unknown, examples?: Record<string, unknown>): any {
  return {
    description: 'Failed',
    content: { 'application/json': { schema, ...(examples ? { examples: Object.fromEntries(Object.entries(examples).map(([k, v]) => [k, { value: v }])) } : {}) } },
  };
}
