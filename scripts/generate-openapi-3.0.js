// Step: generate generated/openapi-3.0.yaml and .json, the contract as an OpenAPI 3.0.3 document
// for the API specs still on 3.0 (most public payment APIs). Same components, names and examples;
// each 3.1-only construct is translated (`const` to a one-value `enum`, a `$ref` with siblings to
// `allOf`, ...) and one this step cannot translate stops the build, naming where it is: nothing
// is dropped silently.
import { GENERATED_HEADER } from './bundle.js';
import { GENERATED } from './lib/layout.js';
import { runGenerator } from './lib/generator-step.js';
import { UserError } from './lib/main.js';
import { stringify } from 'yaml';

const OPENAPI_30 = '3.0.3';

/** JSON Schema keywords of OpenAPI 3.1 that have no OpenAPI 3.0 form this step knows. */
const UNTRANSLATABLE = [
  '$schema', '$id', '$anchor', '$defs', '$dynamicRef', '$dynamicAnchor', 'prefixItems', 'contains', 'minContains', 'maxContains',
  'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems',
  'patternProperties', 'propertyNames', 'contentMediaType', 'contentEncoding', 'contentSchema',
];
/** Members of a Schema Object that hold one schema, and those that hold a list or a map of them. */
const SUBSCHEMA = ['items', 'not', 'additionalProperties'];
const SUBSCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf'];

/** @param {any} document the bundled (3.1) document @returns {any} the 3.0.3 document */
export function toOpenApi30(document) {
  const { openapi: _version, info, paths, webhooks, jsonSchemaDialect, components, ...rest } = document;
  refuse(webhooks !== undefined, '#/webhooks', 'webhooks (OpenAPI 3.0 has none)');
  refuse(jsonSchemaDialect !== undefined, '#/jsonSchemaDialect', 'jsonSchemaDialect');
  const { pathItems, schemas, parameters, responses, headers, requestBodies, ...otherComponents } = components ?? {};
  refuse(pathItems !== undefined, '#/components/pathItems', 'path item components');
  refuse(paths !== undefined && Object.keys(paths).length > 0, '#/paths', 'operations (this document has none to translate)');
  return {
    openapi: OPENAPI_30,
    info: translateInfo(info),
    ...rest,
    // Required in 3.0; the contract has components only.
    paths: {},
    components: {
      ...(schemas && { schemas: mapValues(schemas, (s, name) => translateSchema(s, `#/components/schemas/${name}`)) }),
      ...(responses && { responses: mapValues(responses, (r, name) => translateHolder(r, `#/components/responses/${name}`)) }),
      ...(parameters && { parameters: mapValues(parameters, (p, name) => translateHolder(p, `#/components/parameters/${name}`)) }),
      ...(headers && { headers: mapValues(headers, (h, name) => translateHolder(h, `#/components/headers/${name}`)) }),
      ...(requestBodies && { requestBodies: mapValues(requestBodies, (b, name) => translateHolder(b, `#/components/requestBodies/${name}`)) }),
      ...otherComponents,
    },
  };
}

/** info.summary and license.identifier are 3.1-only: kept as x-summary and the license's SPDX page. @param {any} info */
function translateInfo(info) {
  const { summary, license, ...rest } = info ?? {};
  const { identifier, ...licenseRest } = license ?? {};
  return {
    ...rest,
    ...(license && { license: { ...licenseRest, ...(identifier && !licenseRest.url && { url: `https://spdx.org/licenses/${identifier}.html` }) } }),
    ...(summary !== undefined && { 'x-summary': summary }),
  };
}

/**
 * A response, parameter, header or request body: its schemas translated, wherever they are
 * (`schema`, `content.*.schema`, `headers.*`). A $ref with siblings has no 3.0 form here.
 * @param {any} node @param {string} at
 */
function translateHolder(node, at) {
  if (typeof node !== 'object' || node === null) return node;
  if (typeof node.$ref === 'string') {
    refuse(Object.keys(node).length > 1, at, 'a $ref with sibling members outside a schema');
    return node;
  }
  const out = { ...node };
  if (out.schema) out.schema = translateSchema(out.schema, `${at}/schema`);
  if (out.content) out.content = mapValues(out.content, (media, type) => translateHolder(media, `${at}/content/${pointer(type)}`));
  if (out.headers) out.headers = mapValues(out.headers, (header, name) => translateHolder(header, `${at}/headers/${pointer(name)}`));
  return out;
}

/** @param {any} schema @param {string} at */
function translateSchema(schema, at) {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const { $ref, const: constant, type, examples, exclusiveMinimum, exclusiveMaximum, properties, ...rest } = schema;
  for (const keyword of UNTRANSLATABLE) refuse(keyword in rest, `${at}/${pointer(keyword)}`, `the JSON Schema keyword \`${keyword}\``);
  /** @type {Record<string, unknown>} */
  const out = {};
  if (typeof $ref === 'string') {
    // OpenAPI 3.0 ignores members beside a $ref: allOf keeps them.
    if (Object.keys(schema).length === 1) return { $ref };
    out.allOf = [{ $ref }];
  }
  if (type !== undefined) Object.assign(out, translateType(type, at));
  if (constant !== undefined) {
    refuse('enum' in rest, `${at}/const`, '`const` beside `enum`');
    out.enum = [constant];
  }
  for (const [keyword, bound] of /** @type {const} */ ([['Minimum', exclusiveMinimum], ['Maximum', exclusiveMaximum]])) {
    if (bound === undefined) continue;
    refuse(typeof bound !== 'number' || rest[keyword.toLowerCase()] !== undefined, `${at}/exclusive${keyword}`, `\`exclusive${keyword}\` beside \`${keyword.toLowerCase()}\``);
    out[keyword.toLowerCase()] = bound;
    out[`exclusive${keyword}`] = true;
  }
  if (examples !== undefined) {
    refuse(!Array.isArray(examples) || examples.length > 1, `${at}/examples`, 'more than one schema example (3.0 has one `example`)');
    out.example = examples[0];
  }
  if (properties) out.properties = mapValues(properties, (p, name) => translateSchema(p, `${at}/properties/${pointer(name)}`));
  for (const [keyword, value] of Object.entries(rest)) {
    if (SUBSCHEMA.includes(keyword)) out[keyword] = translateSchema(value, `${at}/${keyword}`);
    else if (SUBSCHEMA_LISTS.includes(keyword) && Array.isArray(value)) out[keyword] = value.map((s, i) => translateSchema(s, `${at}/${keyword}/${i}`));
    else out[keyword] = value;
  }
  return out;
}

/** `type: [t, 'null']` is `type: t` and `nullable: true` in 3.0. @param {unknown} type @param {string} at */
function translateType(type, at) {
  if (!Array.isArray(type)) return { type };
  const types = type.filter((t) => t !== 'null');
  refuse(types.length !== 1, `${at}/type`, `the type list ${JSON.stringify(type)}`);
  return { type: types[0], ...(types.length < type.length && { nullable: true }) };
}

/** Stops the build on a construct with no OpenAPI 3.0 form. @param {boolean} condition @param {string} at @param {string} what */
function refuse(condition, at, what) {
  if (condition) throw new UserError(`generate:openapi-3.0: cannot translate ${what} at ${at} of the bundle to OpenAPI ${OPENAPI_30}`);
}

/**
 * @template T, U
 * @param {Record<string, T>} object @param {(value: T, key: string) => U} fn
 * @returns {Record<string, U>}
 */
function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value, key)]));
}

/** @param {string} key */
function pointer(key) {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** @param {unknown} document the bundled document @returns {Record<string, string>} */
export function generateOpenApi30(document) {
  const translated = toOpenApi30(document);
  return {
    [`${GENERATED}/openapi-3.0.yaml`]: `# ${GENERATED_HEADER}\n# The contract as OpenAPI ${OPENAPI_30}, translated from the 3.1 document (openapi.yaml).\n` + stringify(translated, { lineWidth: 0 }),
    [`${GENERATED}/openapi-3.0.json`]: JSON.stringify(translated, null, 2) + '\n',
  };
}

await runGenerator(import.meta, generateOpenApi30);
