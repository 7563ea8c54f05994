import { bundledSpec, downstreamSpec, jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { narrowedSchema } from '../../../helpers/narrowed.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const RESPONSES = 'paths./payments.post.responses';
const REF = './node_modules/payment-error-contract/generated/openapi.yaml#/components';
const lookAlike = (codes: unknown[], extra: object = {}) => ({
  type: 'object',
  required: ['type', 'code', 'message'],
  additionalProperties: false,
  properties: { type: { type: 'string', const: 'account_error' }, code: { type: 'string', enum: codes }, message: { type: 'string' } },
  ...extra,
});
const ACCOUNT_CODES = ['account_not_found', 'sub_account_not_found', 'user_not_found', 'product_not_found'];
const NOT_A_BODY = { type: 'object', properties: { error: { type: 'string' } } };

ruleCases('body', 'error', [
  { name: 'valid: the shared 400 and 500 responses', change: () => {}, want: [] },
  {
    name: 'valid: a $ref to one type schema, and to the union under default',
    change: (d) => {
      d.paths['/payments'].post.responses['402'] = jsonResponse(pkg('schemas/PaymentError'));
      d.paths['/payments'].post.responses.default = jsonResponse(pkg('schemas/ErrorBody'));
    },
    want: [],
  },
  { name: 'valid: an error response with no body', change: (d) => (d.paths['/payments'].post.responses['409'] = { description: 'Conflict' }), want: [] },
  { name: 'valid: a bundled spec with exact copies of the components', spec: () => bundledSpec(), change: () => {}, want: [] },
  { name: 'valid: a 3.0 spec that $refs the 3.0 document', spec: () => downstreamSpec('3.0'), change: () => {}, want: [] },
  { name: 'valid: a bundled 3.0 spec (const as a one-value enum, $ref and description as allOf)', spec: () => bundledSpec('3.0'), change: () => {}, want: [] },
  {
    name: 'valid: a copy with a description beside it in allOf',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ allOf: [lookAlike(ACCOUNT_CODES), { description: 'Account problems.' }] })),
    want: [],
  },
  {
    name: 'invalid: a body that is not the error body',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse(NOT_A_BODY)),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: `The 400 response body is not the standardized error body (it has no \`type\`, \`code\` and \`message\`): $ref ${REF}/responses/BadRequest.`,
      },
    ],
  },
  {
    name: 'invalid: a component of the user that is not the error body, used under several statuses, is reported once where it is written',
    change: (d) => {
      d.components.schemas.Problem = NOT_A_BODY;
      d.paths['/payments'].post.responses['500'] = jsonResponse({ $ref: '#/components/schemas/Problem' });
      d.paths['/refunds'] = { post: { responses: { '400': jsonResponse({ $ref: '#/components/schemas/Problem' }), '500': jsonResponse({ $ref: '#/components/schemas/Problem' }) } } };
    },
    want: [
      {
        path: 'components.schemas.Problem',
        message: `The 400 and 500 response bodies (one schema) are not the standardized error body (it has no \`type\`, \`code\` and \`message\`): under 400, $ref ${REF}/responses/BadRequest; under 500, $ref ${REF}/responses/InternalServerError.`,
      },
    ],
  },
  {
    name: 'invalid: a provider\'s own error body under 401, 403 and 422 names every status and suggests the error body schema, not the 400 response',
    change: (d) => {
      d.components.schemas.ServiceError = { type: 'object', properties: { status: { type: 'integer' }, errorCode: { type: 'string' }, message: { type: 'string' } } };
      const own = () => jsonResponse({ $ref: '#/components/schemas/ServiceError' });
      Object.assign(d.paths['/payments'].post.responses, { '422': own(), '401': own() });
      d.paths['/refunds'] = { post: { responses: { '403': own(), '401': own() } } };
    },
    want: [
      {
        path: 'components.schemas.ServiceError',
        message: `The 401, 403 and 422 response bodies (one schema) are not the standardized error body (it has no \`type\`, \`code\` and \`message\`): $ref ${REF}/schemas/ErrorBody.`,
      },
    ],
  },
  {
    name: 'invalid: the same body under 400, 4XX, 429, 503 and default: the response for 400 and 4XX, the error body schema for the others',
    change: (d) => {
      d.components.schemas.Gateway = NOT_A_BODY;
      const own = () => jsonResponse({ $ref: '#/components/schemas/Gateway' });
      d.paths['/payments'].post.responses = { '201': { description: 'Created' }, default: own(), '503': own(), '4XX': own(), '429': own(), '400': own(), '500': pkg('responses/InternalServerError') };
    },
    want: [
      {
        path: 'components.schemas.Gateway',
        message: `The 400, 429, 503, 4XX and default response bodies (one schema) are not the standardized error body (it has no \`type\`, \`code\` and \`message\`): under 400 and 4XX, $ref ${REF}/responses/BadRequest; under 429, 503 and default, $ref ${REF}/schemas/ErrorBody.`,
      },
    ],
  },
  {
    name: 'invalid: an inline body that is no error body under 401 gets the error body schema',
    change: (d) => (d.paths['/payments'].post.responses['401'] = jsonResponse(NOT_A_BODY)),
    want: [
      {
        path: `${RESPONSES}.401.content.application/json.schema`,
        message: `The 401 response body is not the standardized error body (it has no \`type\`, \`code\` and \`message\`): $ref ${REF}/schemas/ErrorBody.`,
      },
    ],
  },
  {
    name: 'invalid: a schema of the package that is no error body stays on the user\'s $ref',
    change: (d) => (d.paths['/payments'].post.responses['500'] = jsonResponse(pkg('schemas/ErrorMessage'))),
    want: [
      {
        path: `${RESPONSES}.500.content.application/json.schema`,
        spectral: `${RESPONSES}.500.content.application/json`,
        message: `The 500 response body is not the standardized error body (it is "string", not an object): $ref ${REF}/responses/InternalServerError.`,
      },
    ],
  },
  {
    name: 'invalid: an inline look-alike with its own code enum',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse(lookAlike(['account_not_found', 'user_disabled']))),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: `This account_error body is a look-alike of the shared schema: its own \`code\` enum lacks sub_account_not_found, user_not_found, product_not_found and adds user_disabled. $ref ${REF}/schemas/AccountError instead.`,
      },
    ],
  },
  {
    name: 'invalid: a copy that allows other members, in a oneOf',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ oneOf: [pkg('schemas/PaymentError'), lookAlike(ACCOUNT_CODES, { additionalProperties: true })] })),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema.oneOf.1`,
        message: `This account_error body is a look-alike of the shared schema: it allows members other than type, code and message. $ref ${REF}/schemas/AccountError instead.`,
      },
    ],
  },
  {
    name: 'invalid: the shared schema extended with allOf',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ allOf: [pkg('schemas/PaymentError'), { properties: { requestId: { type: 'string' } } }] })),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: `This payment_error body is a look-alike of the shared schema: it adds other schemas to the shared one with \`allOf\` (the body has exactly type, code and message). $ref ${REF}/schemas/PaymentError instead.`,
      },
    ],
  },
  {
    name: 'invalid: a local copy that went stale is reported once, where it is written',
    spec: () => bundledSpec(),
    change: (d) => {
      d.components.schemas.AccountError.properties.code.enum.pop();
      d.paths['/refunds'] = { post: { responses: { '400': { $ref: '#/components/responses/BadRequest' } } } };
    },
    want: [
      {
        path: 'components.schemas.AccountError',
        message: `This account_error body is a look-alike of the shared schema: its own \`code\` enum lacks product_not_found. $ref ${REF}/schemas/AccountError instead.`,
      },
    ],
  },
  {
    name: 'invalid: a type the contract does not know',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ ...lookAlike(ACCOUNT_CODES), properties: { ...lookAlike(ACCOUNT_CODES).properties, type: { const: 'acount_error' } } })),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: `This "acount_error" body is a look-alike of the shared schema: "acount_error" is not an error type of the contract (did you mean account_error?). $ref ${REF}/schemas/ErrorBody instead.`,
      },
    ],
  },
  {
    name: 'invalid: a 3.0 look-alike whose message may be null, with the 3.0 document suggested',
    spec: () => downstreamSpec('3.0'),
    change: (d) => {
      const body = lookAlike(ACCOUNT_CODES);
      d.paths['/payments'].post.responses['400'] = jsonResponse({ ...body, properties: { ...body.properties, type: { type: 'string', enum: ['account_error'] }, message: { type: 'string', nullable: true } } });
    },
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message:
          'This account_error body is a look-alike of the shared schema: its `message` may be null. $ref ./node_modules/payment-error-contract/generated/openapi-3.0.yaml#/components/schemas/AccountError instead.',
      },
    ],
  },
  {
    name: 'invalid: a spec in a folder of the project gets a $ref that resolves from there',
    file: (engine) => `api/${engine}/openapi.yaml`,
    change: (d) => {
      for (const [status, response] of Object.entries<any>(d.paths['/payments'].post.responses)) {
        if (response.$ref) d.paths['/payments'].post.responses[status] = { $ref: response.$ref.replace('./', '../../') };
      }
      d.paths['/payments'].post.parameters = [];
      d.paths['/payments'].post.responses['402'] = jsonResponse(NOT_A_BODY);
    },
    want: [
      {
        path: `${RESPONSES}.402.content.application/json.schema`,
        message: 'The 402 response body is not the standardized error body (it has no `type`, `code` and `message`): $ref ../../node_modules/payment-error-contract/generated/openapi.yaml#/components/schemas/ErrorBody.',
      },
    ],
  },
  {
    name: 'valid: under a declaration, the shared responses (before narrowing), and a body narrowed to exactly what is declared',
    change: (d) => {
      d.paths['/payments'].post['x-payment-errors'] = { payment_error: ['expired_card', 'fraud'], account_error: 'all', api_error: 'all' };
      d.paths['/payments'].post.responses['402'] = jsonResponse({ oneOf: [narrowedSchema('PaymentError', ['expired_card', 'fraud']), pkg('schemas/AccountError')] });
    },
    want: [],
  },
  {
    name: 'invalid: a body narrowed by hand to other codes, and to a type, than the operation declares',
    change: (d) => {
      d.paths['/payments'].post['x-payment-errors'] = { payment_error: ['expired_card', 'fraud'], api_error: 'all' };
      d.paths['/payments'].post.responses['400'] = jsonResponse({ oneOf: [narrowedSchema('PaymentError', ['expired_card', 'not_enough_balance']), pkg('schemas/AccountError')] });
    },
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema.oneOf.0`,
        message: `This payment_error body is neither the shared schema nor the shared schema narrowed to the operation's x-payment-errors: its \`code\` enum lacks fraud and adds not_enough_balance of what x-payment-errors declares. Narrow it with \`payment-errors narrow\`, or $ref ${REF}/schemas/PaymentError.`,
      },
      {
        path: `${RESPONSES}.400.content.application/json.schema.oneOf.1`,
        spectral: `${RESPONSES}.400.content.application/json.schema.oneOf`,
        message: `This account_error body is neither the shared schema nor the shared schema narrowed to the operation's x-payment-errors: x-payment-errors does not declare account_error. Narrow it with \`payment-errors narrow\`, or $ref ${REF}/schemas/AccountError.`,
      },
    ],
  },
  {
    name: 'invalid: a union half narrowed: a narrowed member beside the shared schema of a type whose codes the declaration restricts',
    change: (d) => {
      d.paths['/payments'].post['x-payment-errors'] = { invalid_request_error: ['missing_parameter'], payment_error: ['expired_card'], api_error: 'all' };
      d.paths['/payments'].post.responses['400'] = jsonResponse({ oneOf: [narrowedSchema('InvalidRequestError', ['missing_parameter']), pkg('schemas/PaymentError')] });
    },
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema.oneOf.1`,
        spectral: `${RESPONSES}.400.content.application/json.schema.oneOf`,
        message: 'This payment_error body is the shared schema, in a union otherwise narrowed to the operation\'s x-payment-errors: its `code` enum adds missing_billing_info, missing_shipping_info, invalid_order_currency, invalid_order_amount and 49 more of what x-payment-errors declares. Narrow it with `payment-errors narrow`, or leave every member of the union the shared schema.',
      },
    ],
  },
  {
    name: 'valid: under a declaration one type of which cannot be read (its list a $ref to nothing), the body is held to nothing of that type (the declaration rule reports it)',
    change: (d) => (d.paths['/payments'].post['x-payment-errors'] = { payment_error: { $ref: '#/components/x-payment-errors/Nope' }, api_error: 'all' }),
    want: [],
  },
  {
    name: 'invalid: under a declaration, a response that carries none of the declared types',
    change: (d) => (d.paths['/payments'].post['x-payment-errors'] = { payment_error: 'all' }),
    want: [
      {
        path: `${RESPONSES}.500`,
        spectral: RESPONSES,
        message: 'The 500 response carries api_error, which POST /payments does not declare in its x-payment-errors: declare it, or leave the response out.',
      },
    ],
  },
  {
    name: 'valid: under a declaration, the shared union and the schema itself in allOf (a cycle adds nothing; Redocly resolves it, Spectral leaves it): the shared union',
    change: (d) => {
      d.paths['/payments'].post['x-payment-errors'] = { payment_error: 'all', api_error: 'all' };
      d.components.schemas.MyError = { allOf: [pkg('schemas/ErrorBody'), { $ref: '#/components/schemas/MyError' }] };
      d.paths['/payments'].post.responses['400'] = jsonResponse({ $ref: '#/components/schemas/MyError' });
    },
    want: [],
  },
  {
    name: 'invalid: under a declaration, the shared union with a circular schema of the user\'s added by allOf: which types it carries cannot be told, and is not claimed (no empty list)',
    change: (d) => {
      d.paths['/payments'].post['x-payment-errors'] = { payment_error: 'all', api_error: 'all' };
      d.components.schemas.Detail = { type: 'object', properties: { more: { $ref: '#/components/schemas/Detail' } } };
      d.components.schemas.MyError = { allOf: [pkg('schemas/ErrorBody'), { $ref: '#/components/schemas/Detail' }] };
      d.paths['/payments'].post.responses['400'] = jsonResponse({ $ref: '#/components/schemas/MyError' });
    },
    want: [
      {
        path: 'components.schemas.MyError',
        message: `This error body is neither the shared schema nor the shared schema narrowed to the operation's x-payment-errors: it adds other schemas to the shared one with \`allOf\` (the body has exactly type, code and message). Narrow it with \`payment-errors narrow\`, or $ref ${REF}/schemas/ErrorBody.`,
      },
    ],
  },
  {
    name: 'invalid: under a declaration, a body whose oneOf is empty carries nothing: no error body, not an empty list of types',
    change: (d) => {
      d.paths['/payments'].post['x-payment-errors'] = { payment_error: 'all', api_error: 'all' };
      d.paths['/payments'].post.responses['400'] = jsonResponse({ oneOf: [] });
    },
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: `The 400 response body is not the standardized error body (its oneOf is empty): $ref ${REF}/responses/BadRequest.`,
      },
    ],
  },
  {
    name: 'invalid: without a declaration, a narrowed body is a look-alike',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse(narrowedSchema('PaymentError', ['expired_card']))),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: `This payment_error body is a look-alike of the shared schema: its own \`code\` enum lacks missing_billing_info, missing_shipping_info, invalid_order_currency, invalid_order_amount and 49 more. $ref ${REF}/schemas/PaymentError instead.`,
      },
    ],
  },
  {
    name: 'bad input: a megabyte of a type is quoted short',
    change: (d) => (d.paths['/payments'].post.responses['400'] = jsonResponse({ ...lookAlike(ACCOUNT_CODES), properties: { ...lookAlike(ACCOUNT_CODES).properties, type: { const: 'x'.repeat(1 << 20) } } })),
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: `This "${'x'.repeat(40)}…" body is a look-alike of the shared schema: "${'x'.repeat(40)}…" is not an error type of the contract. $ref ${REF}/schemas/ErrorBody instead.`,
      },
    ],
  },
  {
    name: 'invalid: a look-alike whose code and message may be numbers, and one that is an array',
    change: (d) => {
      d.paths['/payments'].post.responses['400'] = jsonResponse({ ...lookAlike(ACCOUNT_CODES), properties: { ...lookAlike(ACCOUNT_CODES).properties, code: { type: 'integer' }, message: { type: 'integer' } } });
      d.paths['/payments'].post.responses['500'] = jsonResponse({ ...lookAlike(ACCOUNT_CODES), type: 'array' });
    },
    want: [
      {
        path: `${RESPONSES}.400.content.application/json.schema`,
        message: `This account_error body is a look-alike of the shared schema: its \`code\` is an open string, but the contract lists the codes of account_error; its \`code\` and \`message\` may be other than a string. $ref ${REF}/schemas/AccountError instead.`,
      },
      {
        path: `${RESPONSES}.500.content.application/json.schema`,
        message: `The 500 response body is not the standardized error body (it is "array", not an object): $ref ${REF}/responses/InternalServerError.`,
      },
    ],
  },
  {
    name: 'bad input: unions of unions (4 to the 12th variants) stop early, in bounded work',
    change: (d) => {
      for (let level = 0; level < 12; level++) d.components.schemas[`L${level}`] = { oneOf: Array.from({ length: 4 }, () => ({ $ref: `#/components/schemas/L${level + 1}` })) };
      d.components.schemas.L12 = pkg('schemas/ApiError');
      d.paths['/payments'].post.responses['500'] = jsonResponse({ $ref: '#/components/schemas/L0' });
    },
    want: [{ path: 'components.schemas.L0', message: `The 500 response body is not the standardized error body (oneOf[0] is not an error body): $ref ${REF}/responses/InternalServerError.` }],
  },
  {
    name: 'bad input: a schema that refers to itself',
    change: (d) => {
      d.components.schemas.Loop = { oneOf: [{ $ref: '#/components/schemas/Loop' }] };
      d.paths['/payments'].post.responses['400'] = jsonResponse({ $ref: '#/components/schemas/Loop' });
    },
    want: [
      {
        path: 'components.schemas.Loop',
        message: `The 400 response body is not the standardized error body (oneOf[0] is not an error body): $ref ${REF}/responses/BadRequest.`,
      },
    ],
  },
]);
