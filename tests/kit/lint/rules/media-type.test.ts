import { jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

ruleCases('media-type', 'error', [
  { name: 'valid: application/json', change: () => {}, want: [] },
  {
    name: 'valid: a +json media type, and a non-JSON body of a success response',
    change: (d) => {
      d.paths['/payments'].post.responses['409'] = { description: 'Conflict', content: { 'application/vnd.payments+json; charset=utf-8': { schema: pkg('schemas/ErrorBody') } } };
      d.paths['/payments'].post.responses['201'] = { description: 'Created', content: { 'text/plain': { schema: { type: 'string' } } } };
    },
    want: [],
  },
  {
    name: 'invalid: an HTML page for a 500',
    change: (d) => (d.paths['/payments'].post.responses['500'] = { description: 'Oops', content: { 'text/html': { schema: { type: 'string' } } } }),
    want: [{ path: 'paths./payments.post.responses.500.content.text/html', message: 'The 500 response offers "text/html": error bodies are the standardized JSON body (application/json).' }],
  },
  {
    name: 'invalid: XML beside JSON, under default',
    change: (d) => {
      const response = jsonResponse(pkg('schemas/ErrorBody'));
      response.content['application/xml'] = { schema: { type: 'string' } };
      d.paths['/payments'].post.responses.default = response;
    },
    want: [{ path: 'paths./payments.post.responses.default.content.application/xml', message: 'The default response offers "application/xml": error bodies are the standardized JSON body (application/json).' }],
  },
  {
    name: 'invalid: a response component of the user\'s, used by two operations, is reported once where it is written',
    change: (d) => {
      d.components.responses = { Oops: { description: 'Oops', content: { 'text/html': { schema: { type: 'string' } } } } };
      d.paths['/payments'].post.responses['500'] = { $ref: '#/components/responses/Oops' };
      d.paths['/refunds'] = { post: { responses: { '500': { $ref: '#/components/responses/Oops' } } } };
    },
    want: [{ path: 'components.responses.Oops.content.text/html', message: 'The 500 response offers "text/html": error bodies are the standardized JSON body (application/json).' }],
  },
  {
    name: 'bad input: an extension among the media types is no media type',
    change: (d) => (d.paths['/payments'].post.responses['500'] = { description: 'Oops', content: { 'x-note': 'internal', 'application/json': { schema: pkg('schemas/ApiError') } } }),
    want: [],
  },
]);
