// The names of the components narrowing writes: by what they hold (the declaration's own name,
// for a declaration shared by $ref, where only it leads there; else the types and codes), the same
// whatever the order of the operations, never one of the user's names (a number is added) and
// never one of the package's document (a bundle carries those too).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { REPO_ROOT } from '../../../scripts/lib/layout.js';
import { downstreamProject, type Project } from '../../helpers/lint.ts';
import { narrowCli, parseSpec } from '../../helpers/narrow-cli.ts';

const PKG = '../node_modules/payment-error-contract/generated/openapi.yaml#/components/responses';
const CONTRACT = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});

const operation = (declaration: unknown, extra: object = {}) => ({
  'x-payment-errors': declaration,
  responses: { '200': { description: 'OK' }, '400': { $ref: `${PKG}/BadRequest` }, '500': { $ref: `${PKG}/InternalServerError` } },
  ...extra,
});

/** Charges and refunds: two declarations shared by $ref, one written out equal to one of them, one of its own. */
function spec(): any {
  return {
    openapi: '3.1.0',
    info: { title: 'Names', version: '1' },
    paths: {
      '/charges': { post: operation({ $ref: '#/components/x-payment-errors/CardPayment' }) },
      '/charges/{id}/capture': { post: operation({ api_error: 'all', payment_error: ['not_enough_balance', 'expired_card'], invalid_request_error: 'all' }) },
      '/customers': { post: operation({ invalid_request_error: 'all', account_error: ['account_not_found'], api_error: 'all' }) },
      '/refunds': { post: operation({ $ref: '#/components/x-payment-errors/Refunds' }) },
      '/payouts': { post: operation({ $ref: '#/components/x-payment-errors/Payouts' }) },
    },
    components: {
      'x-payment-errors': {
        CardPayment: { invalid_request_error: 'all', payment_error: ['expired_card', 'not_enough_balance'], api_error: 'all' },
        Refunds: { refund_error: ['refund_window_closed'], api_error: 'all' },
        Payouts: { refund_error: ['refund_window_closed'], api_error: 'all', invalid_request_error: ['invalid_parameter'] },
      },
    },
  };
}

/** Every operation's narrowed error responses, and every component narrowing wrote with what it holds. */
async function narrowed(name: string, document: any): Promise<{ responses: Record<string, string>; components: Record<string, unknown> }> {
  await project.write(`${name}/openapi.yaml`, yaml.stringify(document));
  const run = await narrowCli(project, `${name}/openapi.yaml`, { out: `${name}/narrowed.yaml` });
  expect(run.code, run.stderr).toBe(0);
  const out = parseSpec(readFileSync(path.join(project.dir, `${name}/narrowed.yaml`), 'utf8'));
  const responses: Record<string, string> = {};
  for (const [p, item] of Object.entries<any>(out.paths)) for (const [status, r] of Object.entries<any>(item.post.responses)) if (r.$ref?.startsWith('#')) responses[`${p} ${status}`] = r.$ref;
  const components: Record<string, unknown> = {};
  for (const kind of ['schemas', 'responses']) for (const [n, c] of Object.entries<any>(out.components[kind] ?? {})) if (c['x-narrowed-by']) components[`${kind}/${n}`] = c;
  return { responses, components };
}

test('named by what they hold: a declaration shared by $ref names what only it leads to; shared components are named by their types and codes', async () => {
  const { responses, components } = await narrowed('named', spec());
  expect(responses).toEqual({
    // CardPayment and the equal declaration written out: CardPayment's components.
    '/charges 400': '#/components/responses/CardPaymentBadRequest',
    '/charges/{id}/capture 400': '#/components/responses/CardPaymentBadRequest',
    '/customers 400': '#/components/responses/InvalidRequestOrAccountBadRequest',
    '/refunds 400': '#/components/responses/RefundsBadRequest',
    '/payouts 400': '#/components/responses/PayoutsBadRequest',
    // api_error with any code, as every declaration has it: named after none of them.
    '/charges 500': '#/components/responses/InternalServerErrorAnyCode',
    '/charges/{id}/capture 500': '#/components/responses/InternalServerErrorAnyCode',
    '/customers 500': '#/components/responses/InternalServerErrorAnyCode',
    '/refunds 500': '#/components/responses/InternalServerErrorAnyCode',
    '/payouts 500': '#/components/responses/InternalServerErrorAnyCode',
  });
  expect(Object.keys(components).sort()).toEqual(
    [
      'responses/CardPaymentBadRequest',
      'responses/InternalServerErrorAnyCode',
      'responses/InvalidRequestOrAccountBadRequest',
      'responses/PayoutsBadRequest',
      'responses/RefundsBadRequest',
      'schemas/AccountErrorAccountNotFound',
      'schemas/ApiErrorAnyCode',
      'schemas/CardPaymentBadRequestErrorBody',
      'schemas/CardPaymentPaymentError',
      'schemas/InvalidRequestErrorAnyCode',
      'schemas/PayoutsInvalidRequestError',
      'schemas/InvalidRequestOrAccountErrorBody',
      'schemas/PayoutsBadRequestErrorBody',
      // Refunds and Payouts both narrow refund_error to one code: named by it, after neither.
      'schemas/RefundErrorRefundWindowClosed',
    ].sort(),
  );
});

test('the same names whatever the order of the operations, of the declarations and of their types', async () => {
  const first = await narrowed('in-order', spec());
  const reordered = spec();
  reordered.paths = Object.fromEntries(Object.entries(reordered.paths).reverse());
  reordered.components['x-payment-errors'] = Object.fromEntries(
    Object.entries<Record<string, unknown>>(reordered.components['x-payment-errors']).reverse().map(([n, d]) => [n, Object.fromEntries(Object.entries(d).reverse())]),
  );
  const second = await narrowed('reordered', reordered);
  expect(second).toEqual(first);
});

test("never one of the user's names (a number is added), and the same names when run again", async () => {
  const document = spec();
  document.components.schemas = { CardPaymentPaymentError: { type: 'string' } };
  document.components.responses = { InternalServerErrorAnyCode: { description: 'Mine' } };
  const { responses, components } = await narrowed('taken', document);
  expect(responses['/charges 500']).toBe('#/components/responses/InternalServerErrorAnyCode2');
  expect(Object.keys(components)).toContain('schemas/CardPaymentPaymentError2');
  const again = await narrowCli(project, 'taken/narrowed.yaml', { out: 'taken/again.yaml' });
  expect(again.code).toBe(0);
  expect(readFileSync(path.join(project.dir, 'taken/again.yaml'), 'utf8')).toBe(readFileSync(path.join(project.dir, 'taken/narrowed.yaml'), 'utf8'));
});

test("never a name of the package's document, which a bundle carries too", async () => {
  const { components } = await narrowed('package-names', spec());
  const contract = Object.entries<object>(CONTRACT.components).flatMap(([kind, map]) => Object.keys(map).map((n) => `${kind}/${n}`));
  expect(contract.length).toBeGreaterThan(10);
  expect(Object.keys(components).filter((n) => contract.includes(n))).toEqual([]);
});
