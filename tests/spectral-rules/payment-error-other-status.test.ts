import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture, jsonResponse } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-other-status';

test.each([
  { name: 'valid: error bodies under 400 and 500 only', change: () => {}, want: [] },
  {
    name: 'valid: a 404 without the error body, and error bodies under 4XX and default',
    change: (d: any) => {
      d.paths['/payments'].post.responses['404'] = { description: 'No such payment' };
      d.paths['/payments'].post.responses['4XX'] = jsonResponse({ $ref: '#/components/schemas/BadRequestErrorBody' });
      d.paths['/payments'].post.responses.default = jsonResponse({ $ref: '#/components/schemas/ErrorBody' });
    },
    want: [],
  },
  {
    name: 'invalid: an error body under 404 and under 503',
    change: (d: any) => {
      d.paths['/payments'].post.responses['404'] = jsonResponse({ $ref: '#/components/schemas/AccountError' });
      d.paths['/payments'].post.responses['503'] = jsonResponse({ $ref: '#/components/schemas/ApiError' });
    },
    want: ['404', '503'].map((status) => ({
      path: `paths./payments.post.responses.${status}`,
      message: `An error body under ${status}: the reference sends every error with 400 or 500, the type and code saying what went wrong.`,
    })),
  },
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'warning', ...w })));
});
