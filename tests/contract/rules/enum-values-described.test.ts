import { expect, test } from 'vitest';
import ruleset from '../../../.spectral.js';
import { contractFixture } from '../../helpers/contract-fixture.ts';
import { lintWithRule } from '../../helpers/spectral.ts';

const RULE = 'enum-values-described';
const CODE = 'components.schemas.CardError.properties.code';

test.each([
  { name: 'valid: every value described', change: () => {}, want: [] },
  {
    name: 'invalid: a value without a description',
    change: (d: any) => delete d.components.schemas.CardError.properties.code['x-enumDescriptions']['3DS_required'],
    want: [{ path: `${CODE}.enum.1`, message: 'Enum value "3DS_required" has no description in `x-enumDescriptions`.' }],
  },
  {
    name: 'invalid: an empty description',
    change: (d: any) => (d.components.schemas.CardError.properties.code['x-enumDescriptions'].expired_card = ' '),
    want: [{ path: `${CODE}.enum.0`, message: 'Enum value "expired_card" has no description in `x-enumDescriptions`.' }],
  },
  {
    name: 'invalid: a description of a value that is not in the enum',
    change: (d: any) => (d.components.schemas.CardError.properties.code['x-enumDescriptions'].stolen_card = 'Stolen card'),
    want: [{ path: `${CODE}.x-enumDescriptions.stolen_card`, message: '`x-enumDescriptions` describes "stolen_card", which is not an enum value.' }],
  },
  {
    name: 'invalid: no x-enumDescriptions at all',
    change: (d: any) => delete d.components.schemas.CardError.properties.code['x-enumDescriptions'],
    want: [{ path: CODE, message: 'An enum needs `x-enumDescriptions`: a map from each value to its message.' }],
  },
])('$name', async ({ change, want }) => {
  const document = contractFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
