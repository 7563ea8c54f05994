// An API document for the traffic benchmark and the large-HAR test: operations under one server
// with a base path, half of them with a path template, each declaring its errors
// (x-payment-errors, in turn one of three declarations) and answering 400 and 500 with the
// contract's responses (its components copied in, so the document stands alone).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/lib/layout.js';

export const TRAFFIC_SERVER = 'https://api.payments.test/v1';

/** The declarations operations take in turn. */
export const TRAFFIC_DECLARATIONS = [
  { invalid_request_error: 'all', payment_error: ['expired_card', 'not_enough_balance', '3DS_required'], api_error: 'all' },
  { invalid_request_error: 'all', api_error: 'all' },
  { invalid_request_error: ['missing_parameter'], account_error: 'all', idempotence_error: ['request_being_processed'], api_error: 'all' },
];

/**
 * @typedef {{ method: string, path: string, declaration: Record<string, 'all' | string[]> }} TrafficOperation
 * @param {{ resources: number }} options
 * @returns {{ spec: any, operations: TrafficOperation[] }}
 */
export function trafficSpec({ resources }) {
  const contract = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));
  /** @type {Record<string, any>} */
  const paths = {};
  /** @type {TrafficOperation[]} */
  const operations = [];
  for (let r = 0; r < resources; r++) {
    const list = `/resources${r}`;
    const one = `/resources${r}/{id}`;
    paths[list] = { get: operation(r, 'list', operations, list, 'get'), post: operation(r, 'create', operations, list, 'post') };
    paths[one] = { get: operation(r, 'get', operations, one, 'get'), delete: operation(r, 'delete', operations, one, 'delete') };
  }
  const spec = {
    openapi: '3.1.0',
    info: { title: 'Traffic benchmark API', version: '1.0.0' },
    servers: [{ url: TRAFFIC_SERVER }],
    paths,
    components: contract.components,
  };
  return { spec, operations };
}

/** @param {number} r @param {string} verb @param {TrafficOperation[]} operations @param {string} path @param {string} method */
function operation(r, verb, operations, path, method) {
  const declaration = TRAFFIC_DECLARATIONS[operations.length % TRAFFIC_DECLARATIONS.length] ?? {};
  operations.push({ method: method.toUpperCase(), path, declaration });
  return {
    operationId: `${verb}Resource${r}`,
    'x-payment-errors': declaration,
    responses: {
      200: { description: 'OK.', content: { 'application/json': { schema: { type: 'object' } } } },
      400: { $ref: '#/components/responses/BadRequest' },
      500: { $ref: '#/components/responses/InternalServerError' },
    },
  };
}
