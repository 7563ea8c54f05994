import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-on-behalf-of-header';

test.each([
  { name: 'valid: the shared x-on-behalf-of parameter', change: () => {}, want: [] },
  {
    name: 'valid: header names are case-insensitive',
    change: (d: any) => (d.paths['/payments'].post.parameters = [{ name: 'X-On-Behalf-Of', in: 'header', schema: { type: 'string' } }]),
    want: [],
  },
  ...['On-Behalf-Of', 'x-onbehalfof', 'X_On_Behalf_Of'].map((name) => ({
    name: `invalid: ${name}`,
    change: (d: any) => (d.paths['/payments'].post.parameters = [{ name, in: 'header', schema: { type: 'string' } }]),
    want: [{ path: 'paths./payments.post.parameters.0.name', message: `Spell the sub-account header x-on-behalf-of, the name the API reads (and sub_account_not_found refers to), not ${name}.` }],
  })),
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
