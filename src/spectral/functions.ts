// The custom functions of the shipped Spectral ruleset, one per rule. Each looks only at the
// node its rule's `given` matched (never re-walks the document), and the schema analysis is
// cached per schema object, so a component used by thousands of responses is analysed once.
import { httpStatusByType, responseByStatus } from '../../generated/error-catalog.ts';
import { checkErrorResponse } from '../check.ts';
import { describeError } from '../describe.ts';
import { isErrorType, statusOf } from '../lookup.ts';
import { analyseErrorSchema, isObject, sharedSchema } from './error-schema.ts';
import type { JsonPath, RuleContext, RuleFunction, RuleResult } from './types.ts';

/** Response keys that describe failures: 4xx and 5xx codes, their ranges, and default. */
type ErrorStatus = { readonly key: string; readonly class: 400 | 500 | undefined; readonly exact: boolean };

function errorStatus(key: string): ErrorStatus | undefined {
  if (key === 'default') return { key, class: undefined, exact: false };
  if (/^[45]XX$/i.test(key)) return { key, class: key.startsWith('4') ? 400 : 500, exact: false };
  if (/^[45]\d\d$/.test(key)) return { key, class: key.startsWith('4') ? 400 : 500, exact: true };
  return undefined;
}

/** The statuses the contract sends errors with (400 and 500). */
const CONTRACT_STATUSES: ReadonlySet<number> = new Set(Object.values(httpStatusByType));

function* errorResponses(responses: unknown, context: RuleContext) {
  if (!isObject(responses)) return;
  for (const [key, response] of Object.entries(responses)) {
    const status = errorStatus(key);
    if (status && isObject(response)) yield { status, response, path: [...context.path, key] };
  }
}

function* jsonBodies(responses: unknown, context: RuleContext) {
  for (const { status, response, path } of errorResponses(responses, context)) {
    const content = response['content'];
    if (!isObject(content)) continue;
    for (const [mediaType, media] of Object.entries(content)) {
      // A $ref Spectral could not resolve is reported by its own rules, not as a wrong body.
      if (!isJson(mediaType) || !isObject(media) || (isObject(media['schema']) && '$ref' in media['schema'])) continue;
      yield { status, schema: media['schema'], path: [...path, 'content', mediaType, 'schema'] };
    }
  }
}

function isJson(mediaType: string): boolean {
  return /^application\/([\w.-]+\+)?json(\s*;.*)?$/i.test(mediaType);
}

function sharedResponse(status: ErrorStatus): string {
  const name = status.class === undefined ? undefined : responseByStatus[String(status.class) as keyof typeof responseByStatus];
  return name ? `payment-error-contract/openapi.yaml#/components/responses/${name}` : 'payment-error-contract/openapi.yaml#/components/schemas/ErrorBody';
}

/** payment-error-body: the JSON body of an error response is the standardized error body. */
export const errorBody: RuleFunction = (responses, _options, context) => {
  const results: RuleResult[] = [];
  for (const { status, schema, path } of jsonBodies(responses, context)) {
    const analysis = analyseErrorSchema(schema);
    if (analysis.kind === 'other') {
      results.push({ message: `The ${status.key} response body is not the standardized error body (${analysis.reason}): $ref ${sharedResponse(status)}.`, path });
      continue;
    }
    for (const variant of analysis.variants) {
      if (variant.differences.length === 0) continue;
      results.push({
        message: `This ${variant.type ?? 'error'} body is a look-alike of the shared schema: ${variant.differences.join('; ')}. $ref ${sharedSchema(variant.type)} instead.`,
        path: [...path, ...variant.path],
      });
    }
  }
  return results;
};

/** payment-error-media-type: an error response's body is JSON. */
export const mediaType: RuleFunction = (responses, _options, context) => {
  const results: RuleResult[] = [];
  for (const { status, response, path } of errorResponses(responses, context)) {
    const content = response['content'];
    if (!isObject(content)) continue;
    for (const type of Object.keys(content)) {
      if (!isJson(type)) {
        results.push({ message: `The ${status.key} response offers ${type}: error bodies are the standardized JSON body (application/json).`, path: [...path, 'content', type] });
      }
    }
  }
  return results;
};

/** payment-error-status-fits-type: a 400 (4XX) carries only the 400 types, a 500 (5XX) only api_error. */
export const statusFitsType: RuleFunction = (responses, _options, context) => {
  const results: RuleResult[] = [];
  for (const { status, schema, path } of jsonBodies(responses, context)) {
    if (status.class === undefined || (status.exact && !CONTRACT_STATUSES.has(Number(status.key)))) continue;
    const analysis = analyseErrorSchema(schema);
    if (analysis.kind !== 'error-body') continue;
    const allowed = typesSentWith(status.class);
    for (const variant of analysis.variants) {
      if (variant.type === undefined || !isErrorType(variant.type) || statusOf(variant.type) === status.class) continue;
      results.push({
        message: `A ${status.key} response may carry only ${allowed.join(', ')}; ${variant.type} is sent with ${statusOf(variant.type)}.`,
        path: [...path, ...variant.path],
      });
    }
  }
  return results;
};

/** payment-error-other-status: error bodies under statuses other than 400 and 500. */
export const otherStatus: RuleFunction = (responses, _options, context) => {
  const results: RuleResult[] = [];
  for (const { status, schema, path } of jsonBodies(responses, context)) {
    if (!status.exact || CONTRACT_STATUSES.has(Number(status.key))) continue;
    if (analyseErrorSchema(schema).kind !== 'error-body') continue;
    results.push({
      message: `An error body under ${status.key}: the reference sends every error with ${[...CONTRACT_STATUSES].join(' or ')}, the type and code saying what went wrong.`,
      path: path.slice(0, -3),
    });
  }
  return results;
};

function typesSentWith(status: number): string[] {
  return Object.entries(httpStatusByType)
    .filter(([, s]) => s === status)
    .map(([type]) => type);
}

/** The examples of a media type object, with where each is. */
function* examplesOf(media: Record<string, unknown>, path: JsonPath) {
  if ('example' in media) yield { value: media['example'], path: [...path, 'example'] };
  const examples = media['examples'];
  if (isObject(examples)) {
    for (const [name, example] of Object.entries(examples)) {
      if (isObject(example) && 'value' in example) yield { value: example['value'], path: [...path, 'examples', name, 'value'] };
    }
  }
  const schema = media['schema'];
  if (isObject(schema)) {
    if ('example' in schema) yield { value: schema['example'], path: [...path, 'schema', 'example'] };
    const schemaExamples = schema['examples'];
    if (Array.isArray(schemaExamples)) {
      for (const [i, value] of schemaExamples.entries()) yield { value, path: [...path, 'schema', 'examples', i] };
    }
  }
}

/** The examples under an error response's JSON media type; `given` is the media type object. */
function* errorExamples(media: unknown, context: RuleContext) {
  const key = String(context.path[context.path.length - 3]);
  const status = errorStatus(key);
  const mediaType = String(context.path[context.path.length - 1]);
  if (!status || !isJson(mediaType) || !isObject(media)) return;
  for (const example of examplesOf(media, context.path)) yield { status, ...example };
}

/** payment-error-example: error examples are bodies the contract allows, under the status of their type. */
export const errorExample: RuleFunction = (media, _options, context) => {
  const results: RuleResult[] = [];
  for (const { status, value, path } of errorExamples(media, context)) {
    for (const violation of checkErrorResponse(status.class, value)) {
      results.push({ message: `This error example breaks the contract: ${violation.message}.`, path });
    }
  }
  return results;
};

/** payment-error-example-message: an example of a documented code carries its message verbatim. */
export const exampleMessage: RuleFunction = (media, _options, context) => {
  const results: RuleResult[] = [];
  for (const { value, path } of errorExamples(media, context)) {
    if (!isObject(value)) continue;
    const entry = describeError(value['type'], value['code']);
    if (entry && typeof value['message'] === 'string' && value['message'] !== entry.message) {
      results.push({
        message: `The API sends ${entry.type}.${entry.code} with the message ${JSON.stringify(entry.message)}, verbatim; this example says ${JSON.stringify(value['message'])}.`,
        path: [...path, 'message'],
      });
    }
  }
  return results;
};

/** payment-error-idempotency-key-uuid: an idempotency key header is a UUID. */
export const idempotencyKey: RuleFunction = (parameter, _options, context) => {
  if (!isObject(parameter) || parameter['in'] !== 'header' || typeof parameter['name'] !== 'string') return [];
  if (!/^(x-)?idempotency[-_]?key$/i.test(parameter['name'])) return [];
  const schema = parameter['schema'];
  if (isObject(schema) && schema['type'] === 'string' && schema['format'] === 'uuid') return [];
  return [
    {
      message: `The ${parameter['name']} header is a UUID v4 (the API answers invalid_key_format otherwise): give it \`type: string\` and \`format: uuid\`.`,
      path: [...context.path, ...(isObject(schema) ? ['schema'] : [])],
    },
  ];
};

/** payment-error-on-behalf-of-header: the sub-account header is spelled x-on-behalf-of. */
export const onBehalfOf: RuleFunction = (parameter, _options, context) => {
  if (!isObject(parameter) || parameter['in'] !== 'header' || typeof parameter['name'] !== 'string') return [];
  const name = parameter['name'];
  if (!name.toLowerCase().replace(/[^a-z]/g, '').includes('onbehalfof') || name.toLowerCase() === 'x-on-behalf-of') return [];
  return [{ message: `Spell the sub-account header x-on-behalf-of, the name the API reads (and sub_account_not_found refers to), not ${name}.`, path: [...context.path, 'name'] }];
};

/** payment-error-responses-declared: every operation declares the 400 and 500 responses any request may get. */
export const responsesDeclared: RuleFunction = (operation, _options, context) => {
  if (!isObject(operation)) return [];
  const responses = isObject(operation['responses']) ? Object.keys(operation['responses']) : [];
  const classes = new Set(responses.map((key) => errorStatus(key)).flatMap((s) => (s ? [s.class ?? 'default'] : [])));
  if (classes.has('default')) return [];
  const missing = [...CONTRACT_STATUSES].filter((status) => !classes.has(status as 400 | 500));
  return missing.map((status) => ({
    message: `Declare the ${status} response: any request may fail with ${typesSentWith(status).join(', ')}. $ref ${sharedResponse({ key: String(status), class: status as 400 | 500, exact: true })}.`,
    path: [...context.path, ...(isObject(operation['responses']) ? ['responses'] : [])],
  }));
};
