// The Spectral ruleset API teams adopt with `extends: ["payment-error-contract/spectral"]`: it
// checks that their OpenAPI 3 documents use the standardized error body correctly. Every type,
// code and status it knows comes from the generated data of this package.
import { errorBody, errorExample, exampleMessage, idempotencyKey, mediaType, onBehalfOf, otherStatus, responsesDeclared, statusFitsType } from './functions.ts';
import type { Rule } from './types.ts';

const OPERATIONS = '[get,put,post,delete,options,head,patch,trace]';
const RESPONSES = [`$.paths[*]${OPERATIONS}.responses`, `$.webhooks[*]${OPERATIONS}.responses`];
const MEDIA_TYPES = RESPONSES.map((responses) => `${responses}[*].content[*]`);
const PARAMETERS = ['$.paths[*].parameters[*]', `$.paths[*]${OPERATIONS}.parameters[*]`, '$.components.parameters[*]'];

const rules: Record<string, Rule> = {
  'payment-error-body': {
    description: 'The JSON body of every 4xx, 5xx and default response is the standardized error body, by $ref to the shared schema.',
    message: '{{error}}',
    severity: 'error',
    given: RESPONSES,
    then: { function: errorBody },
  },
  'payment-error-media-type': {
    description: 'Error responses carry their body as JSON.',
    message: '{{error}}',
    severity: 'error',
    given: RESPONSES,
    then: { function: mediaType },
  },
  'payment-error-status-fits-type': {
    description: 'A 400 response carries only the 400 error types; a 500 response only api_error.',
    message: '{{error}}',
    severity: 'error',
    given: RESPONSES,
    then: { function: statusFitsType },
  },
  'payment-error-other-status': {
    description: 'Error bodies sit under 400 or 500: the reference maps every error to one of them.',
    message: '{{error}}',
    severity: 'warn',
    given: RESPONSES,
    then: { function: otherStatus },
  },
  'payment-error-example': {
    description: 'Error examples use a known type, a code of that type and a message, under the status of their type.',
    message: '{{error}}',
    severity: 'error',
    given: MEDIA_TYPES,
    then: { function: errorExample },
  },
  'payment-error-example-message': {
    description: 'An error example of a documented code carries its message verbatim.',
    message: '{{error}}',
    severity: 'warn',
    given: MEDIA_TYPES,
    then: { function: exampleMessage },
  },
  'payment-error-idempotency-key-uuid': {
    description: 'An idempotency key header is a UUID (format: uuid).',
    message: '{{error}}',
    severity: 'error',
    given: PARAMETERS,
    then: { function: idempotencyKey },
  },
  'payment-error-on-behalf-of-header': {
    description: 'The sub-account header is spelled x-on-behalf-of.',
    message: '{{error}}',
    severity: 'error',
    given: PARAMETERS,
    then: { function: onBehalfOf },
  },
  'payment-error-responses-declared': {
    description: 'Every operation declares the 400 and 500 responses any request may get.',
    message: '{{error}}',
    severity: 'warn',
    given: [`$.paths[*]${OPERATIONS}`, `$.webhooks[*]${OPERATIONS}`],
    then: { function: responsesDeclared },
  },
};

export default { rules };
