import { expect, test } from 'vitest';
import ruleset from '../../../.spectral.js';
import { contractFixture } from '../../helpers/contract-fixture.ts';
import { lintWithRule } from '../../helpers/spectral.ts';

const RULE = 'discriminator-mapping';
const UNION = 'components.schemas.ErrorBody';

test.each([
  { name: 'valid: every member mapped by its type', change: () => {}, want: [] },
  {
    name: 'invalid: no explicit mapping',
    change: (d: any) => delete d.components.schemas.ErrorBody.discriminator.mapping,
    want: [{ path: `${UNION}.discriminator`, message: 'A discriminator needs an explicit `mapping`.' }],
  },
  {
    name: 'invalid: a member without a mapping',
    change: (d: any) => delete d.components.schemas.ErrorBody.discriminator.mapping.server_error,
    want: [{ path: `${UNION}.oneOf.1`, message: 'oneOf member #/components/schemas/ServerError has no discriminator mapping.' }],
  },
  {
    name: 'invalid: a value mapped to the schema of another type',
    change: (d: any) => (d.components.schemas.ErrorBody.discriminator.mapping.server_error = '#/components/schemas/CardError'),
    want: [
      { path: `${UNION}.oneOf.1`, message: 'oneOf member #/components/schemas/ServerError has no discriminator mapping.' },
      { path: `${UNION}.discriminator.mapping.server_error`, message: 'Mapping "server_error" points to a schema whose `type` is not "server_error".' },
    ],
  },
  {
    name: 'invalid: a mapping to a schema that does not exist',
    change: (d: any) => (d.components.schemas.ErrorBody.discriminator.mapping.gone_error = '#/components/schemas/GoneError'),
    want: [
      { path: `${UNION}.discriminator.mapping.gone_error`, message: 'Mapping "gone_error" points to "#/components/schemas/GoneError", which does not exist.' },
      { path: `${UNION}.discriminator.mapping.gone_error`, message: 'Mapping "gone_error" points to a schema that is not one of the oneOf members.' },
    ],
  },
])('$name', async ({ change, want }) => {
  const document = contractFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
