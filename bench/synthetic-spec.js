// A large downstream API document for the lint benchmark: thousands of operations, each with the
// contract's headers and error responses (the contract's components copied in, as in a bundled
// spec), request and response schemas, error examples, an x-payment-errors declaration (shared by
// $ref, or written out), and a sprinkling of the mistakes the ruleset catches, so that its rules
// (and narrowing) have real work on every operation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/lib/layout.js';

/** @param {{ operations: number }} options @returns {any} */
export function syntheticSpec({ operations }) {
  const contract = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));
  const schemas = { ...contract.components.schemas };
  for (let s = 0; s < 50; s++) schemas[`Resource${s}`] = resourceSchema(s);
  /** @type {Record<string, any>} */
  const paths = {};
  for (let i = 0; i < operations / 2; i++) {
    const resource = `Resource${i % 50}`;
    paths[`/accounts/{accountId}/resources${i}`] = {
      parameters: [{ name: 'accountId', in: 'path', required: true, description: 'The account that owns the resource.', schema: { type: 'string' } }],
      get: operation(i, 'get', resource),
      post: operation(i, 'post', resource),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Synthetic payments API', version: '1.0.0', description: 'Generated for the lint benchmark.' },
    servers: [{ url: 'https://payments.test/v1' }],
    tags: [{ name: 'resources', description: 'Resources.' }],
    paths,
    components: { ...contract.components, schemas, 'x-payment-errors': { Card: DECLARATIONS[0] } },
  };
}

/** The declarations operations take in turn: the first shared by $ref, the others written out. */
const DECLARATIONS = [
  { invalid_request_error: 'all', payment_error: ['expired_card', 'not_enough_balance', '3DS_required'], api_error: 'all' },
  { invalid_request_error: 'all', api_error: 'all' },
  { invalid_request_error: ['missing_parameter'], account_error: 'all', idempotence_error: ['request_being_processed'], api_error: 'all' },
];

/** @param {number} i @param {'get' | 'post'} method @param {string} resource */
function operation(i, method, resource) {
  /** @type {any} */
  const responses = {
    200: { description: `The ${resource}.`, content: { 'application/json': { schema: { $ref: `#/components/schemas/${resource}` } } } },
    400: { $ref: '#/components/responses/BadRequest' },
    500: { $ref: '#/components/responses/InternalServerError' },
  };
  if (i % 10 === 0) {
    responses[402] = {
      description: 'The payment was declined.',
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/PaymentError' },
          examples: { declined: { value: { type: 'payment_error', code: i % 20 === 0 ? 'expird_card' : 'expired_card', message: 'Expired card' } } },
        },
      },
    };
  }
  if (i % 25 === 0) {
    responses[409] = {
      description: 'A look-alike error body.',
      content: { 'application/json': { schema: { type: 'object', properties: { type: { const: 'account_error' }, code: { enum: ['account_not_found'] }, message: { type: 'string' } } } } },
    };
  }
  return {
    operationId: `${method}Resource${i}`,
    'x-payment-errors': i % 3 === 0 ? { $ref: '#/components/x-payment-errors/Card' } : DECLARATIONS[i % 3],
    summary: `${method === 'get' ? 'Read' : 'Create'} resource ${i}`,
    description: `${method === 'get' ? 'Reads' : 'Creates'} resource number ${i}. `.repeat(4),
    tags: ['resources'],
    parameters: [
      { $ref: '#/components/parameters/OnBehalfOf' },
      ...(method === 'post' ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : [{ name: 'expand', in: 'query', description: 'Related objects to include.', schema: { type: 'array', items: { type: 'string' } } }]),
    ],
    ...(method === 'post' ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${resource}` } } } } } : {}),
    responses,
  };
}

/** @param {number} s */
function resourceSchema(s) {
  /** @type {Record<string, any>} */
  const properties = {};
  for (let p = 0; p < 20; p++) {
    properties[`field${p}`] = { type: p % 3 ? 'string' : 'integer', description: `Field ${p} of resource ${s}.`, ...(p % 3 ? { maxLength: 64 } : { minimum: 0 }) };
  }
  return { type: 'object', description: `Resource ${s}.`, required: ['field0'], properties };
}
