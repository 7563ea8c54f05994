import { expect, test } from 'vitest';
import ruleset from '../../../.spectral.js';
import { contractFixture } from '../../helpers/contract-fixture.ts';
import { lintWithRule } from '../../helpers/spectral.ts';

const RULE = 'enum-deprecated';
const DEPRECATED = 'components.schemas.CardError.properties.code.x-enumDeprecated';
const deprecate = (d: any, value: unknown) => (d.components.schemas.CardError.properties.code['x-enumDeprecated'] = value);

test.each([
  { name: 'valid: a deprecation with a live replacement, and one without', change: (d: any) => deprecate(d, { expired_card: { replacement: '3DS_required' } }), want: [] },
  { name: 'valid: no replacement', change: (d: any) => deprecate(d, { expired_card: {} }), want: [] },
  {
    name: 'invalid: a code that is not in the enum',
    change: (d: any) => deprecate(d, { stolen_card: {} }),
    want: [{ path: `${DEPRECATED}.stolen_card`, message: '`x-enumDeprecated` has "stolen_card", which is not an enum value.' }],
  },
  {
    name: 'invalid: a replacement that is not a code of the type',
    change: (d: any) => deprecate(d, { expired_card: { replacement: 'card_expired' } }),
    want: [{ path: `${DEPRECATED}.expired_card.replacement`, message: 'The replacement of "expired_card" must be another code of this type that is not deprecated itself.' }],
  },
  {
    name: 'invalid: a replacement that is deprecated itself',
    change: (d: any) => deprecate(d, { expired_card: { replacement: '3DS_required' }, '3DS_required': {} }),
    want: [{ path: `${DEPRECATED}.expired_card.replacement`, message: 'The replacement of "expired_card" must be another code of this type that is not deprecated itself.' }],
  },
  {
    name: 'invalid: an unknown key',
    change: (d: any) => deprecate(d, { expired_card: { since: '1.2.0' } }),
    want: [{ path: `${DEPRECATED}.expired_card.since`, message: 'The deprecation of "expired_card" has an unknown key "since" (allowed: replacement).' }],
  },
])('$name', async ({ change, want }) => {
  const document = contractFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
