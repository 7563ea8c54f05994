import { expect, test } from 'vitest';
import ruleset from '../../../.spectral.js';
import { contractFixture } from '../../helpers/contract-fixture.ts';
import { lintWithRule } from '../../helpers/spectral.ts';

const RULE = 'error-type-schema';
const CARD = 'components.schemas.CardError';

test.each([
  { name: 'valid: the standardized shape, with listed and with open codes', change: () => {}, want: [] },
  {
    name: 'invalid: message not required',
    change: (d: any) => (d.components.schemas.CardError.required = ['type', 'code']),
    want: [{ path: `${CARD}.required`, message: 'An error type must require `message`.' }],
  },
  {
    name: 'invalid: extra members allowed',
    change: (d: any) => delete d.components.schemas.CardError.additionalProperties,
    // Spectral points at the nearest node that exists.
    want: [{ path: CARD, message: 'An error body has exactly type, code and message: set `additionalProperties: false`.' }],
  },
  {
    name: 'invalid: a success status',
    change: (d: any) => (d.components.schemas.CardError['x-http-status'] = 200),
    want: [{ path: `${CARD}.x-http-status`, message: '`x-http-status` must be the HTTP error status (400-599) the type is sent with.' }],
  },
  {
    name: 'invalid: status as a string',
    change: (d: any) => (d.components.schemas.ServerError['x-http-status'] = '500'),
    want: [{ path: 'components.schemas.ServerError.x-http-status', message: '`x-http-status` must be the HTTP error status (400-599) the type is sent with.' }],
  },
  {
    name: 'invalid: a code outside the code format',
    change: (d: any) => d.components.schemas.CardError.properties.code.enum.push('card-declined'),
    want: [{ path: `${CARD}.properties.code.enum.2`, message: 'Code "card-declined" does not match the code format ^[A-Za-z0-9_]{1,64}$.' }],
  },
])('$name', async ({ change, want }) => {
  const document = contractFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
