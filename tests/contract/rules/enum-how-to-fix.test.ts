import { expect, test } from 'vitest';
import ruleset from '../../../.spectral.js';
import { contractFixture } from '../../helpers/contract-fixture.ts';
import { lintWithRule } from '../../helpers/spectral.ts';

const RULE = 'enum-how-to-fix';
const FIXES = 'components.schemas.CardError.properties.code.x-enumHowToFix';

test.each([
  { name: 'valid: how-to-fix for an enum value', change: () => {}, want: [] },
  {
    name: 'invalid: how-to-fix for a value that is not in the enum',
    change: (d: any) => (d.components.schemas.CardError.properties.code['x-enumHowToFix'].stolen_card = 'Call the bank.'),
    want: [{ path: `${FIXES}.stolen_card`, message: '`x-enumHowToFix` has "stolen_card", which is not an enum value.' }],
  },
  {
    name: 'invalid: empty how-to-fix text',
    change: (d: any) => (d.components.schemas.CardError.properties.code['x-enumHowToFix'].expired_card = ''),
    want: [{ path: `${FIXES}.expired_card`, message: 'How-to-fix text of "expired_card" is empty.' }],
  },
  {
    name: 'invalid: not a map',
    change: (d: any) => (d.components.schemas.CardError.properties.code['x-enumHowToFix'] = ['Use another card.']),
    want: [{ path: 'components.schemas.CardError.properties.code', message: '`x-enumHowToFix` must be a map from enum value to text.' }],
  },
])('$name', async ({ change, want }) => {
  const document = contractFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
