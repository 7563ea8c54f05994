import { expect, test } from 'vitest';
import ruleset from '../../src/spectral/ruleset.ts';
import { downstreamFixture, jsonResponse } from '../helpers/downstream-fixture.ts';
import { lintWithRule } from '../helpers/spectral.ts';

const RULE = 'payment-error-media-type';

test.each([
  { name: 'valid: application/json', change: () => {}, want: [] },
  {
    name: 'valid: a +json media type, and a non-JSON body of a success response',
    change: (d: any) => {
      d.paths['/payments'].post.responses['409'] = { description: 'Conflict', content: { 'application/vnd.payments+json; charset=utf-8': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
      d.paths['/payments'].post.responses['201'] = { description: 'Created', content: { 'text/plain': { schema: { type: 'string' } } } };
    },
    want: [],
  },
  {
    name: 'invalid: an HTML page for a 500',
    change: (d: any) => (d.paths['/payments'].post.responses['500'] = { description: 'Oops', content: { 'text/html': { schema: { type: 'string' } } } }),
    want: [{ path: 'paths./payments.post.responses.500.content.text/html', message: 'The 500 response offers text/html: error bodies are the standardized JSON body (application/json).' }],
  },
  {
    name: 'invalid: XML beside JSON, under default',
    change: (d: any) => {
      const response = jsonResponse({ $ref: '#/components/schemas/ErrorBody' });
      response.content['application/xml'] = { schema: { type: 'string' } };
      d.paths['/payments'].post.responses.default = response;
    },
    want: [{ path: 'paths./payments.post.responses.default.content.application/xml', message: 'The default response offers application/xml: error bodies are the standardized JSON body (application/json).' }],
  },
])('$name', async ({ change, want }) => {
  const document = downstreamFixture();
  change(document);
  expect(await lintWithRule(ruleset, RULE, document)).toEqual(want.map((w) => ({ code: RULE, severity: 'error', ...w })));
});
