import { expect, test } from 'vitest';
import ruleset from '../../../.spectral.js';
import { contractFixture } from '../../helpers/contract-fixture.ts';
import { lintWithRule } from '../../helpers/spectral.ts';

const RULE = 'example-message-verbatim';

test.each([
  { name: 'valid: the documented message', change: () => {}, want: [] },
  {
    name: 'valid: a code of an open type has no documented message to match',
    change: (d: any) => (d.components.examples.Server = { value: { type: 'server_error', code: 'example_code', message: 'Example' } }),
    want: [],
  },
  {
    name: 'invalid: a message edited in the example',
    change: (d: any) => (d.components.examples.ExpiredCard.value.message = 'Expired Card'),
    want: [{ path: 'components.examples.ExpiredCard.value.message', message: 'The documented message of card_error.expired_card is "Expired card".' }],
  },
  {
    name: 'invalid: an inline media type example with another message',
    change: (d: any) =>
      (d.components.responses = {
        BadRequest: {
          description: 'Bad request',
          content: { 'application/json': { examples: { Card: { value: { type: 'card_error', code: '3DS_required', message: '3DS required' } } } } },
        },
      }),
    want: [
      {
        path: 'components.responses.BadRequest.content.application/json.examples.Card.value.message',
        message: 'The documented message of card_error.3DS_required is "The issuer bank requires the 3D Secure process".',
      },
    ],
  },
])('$name', async ({ change, want }) => {
  const document = contractFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
