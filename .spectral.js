// Spectral rules for this repository's own contract (the bundled generated/openapi.yaml):
// Spectral's OpenAPI rules plus the rules that keep the error schemas consistent. It is not the
// ruleset shipped to API teams for their specs; that one lives in spectral/.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';

/**
 * Custom functions below report paths relative to the node they were given; Spectral wants them
 * from the document root.
 * @param {(target: any, options: any, context: any) => Array<{ message: string, path?: Array<string | number> }>} fn
 */
const relativePaths = (fn) => (/** @type {any} */ target, /** @type {any} */ options, /** @type {any} */ context) =>
  fn(target, options, context).map((r) => ({ message: r.message, path: [...context.path, ...(r.path ?? [])] }));

const isObject = (/** @type {unknown} */ v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyString = (/** @type {unknown} */ v) => typeof v === 'string' && v.trim() !== '';

/** Every enum value has a description in x-enumDescriptions (a map value -> text), and no more. */
const enumDescriptions = createRulesetFunction({ input: null, options: null }, relativePaths((schema) => {
  const values = schema.enum.map(String);
  const descriptions = schema['x-enumDescriptions'];
  if (!isObject(descriptions)) {
    return [{ message: 'An enum needs `x-enumDescriptions`: a map from each value to its message.' }];
  }
  return [
    ...values.flatMap((/** @type {string} */ v, /** @type {number} */ i) =>
      nonEmptyString(descriptions[v]) ? [] : [{ message: `Enum value "${v}" has no description in \`x-enumDescriptions\`.`, path: ['enum', i] }],
    ),
    ...Object.keys(descriptions)
      .filter((k) => !values.includes(k))
      .map((k) => ({ message: `\`x-enumDescriptions\` describes "${k}", which is not an enum value.`, path: ['x-enumDescriptions', k] })),
  ];
}));

/** x-enumHowToFix (a map value -> text) only names enum values, with non-empty text. */
const enumHowToFix = createRulesetFunction({ input: null, options: null }, relativePaths((schema) => {
  const fixes = schema['x-enumHowToFix'];
  if (!isObject(fixes)) return [{ message: '`x-enumHowToFix` must be a map from enum value to text.' }];
  const values = Array.isArray(schema.enum) ? schema.enum.map(String) : [];
  return Object.entries(fixes).flatMap(([code, text]) => [
    ...(values.includes(code) ? [] : [{ message: `\`x-enumHowToFix\` has "${code}", which is not an enum value.`, path: ['x-enumHowToFix', code] }]),
    ...(nonEmptyString(text) ? [] : [{ message: `How-to-fix text of "${code}" is empty.`, path: ['x-enumHowToFix', code] }]),
  ]);
}));

/** x-enumDeprecated (a map value -> { replacement? }) only names enum values; a replacement is another, live value. */
const enumDeprecated = createRulesetFunction({ input: null, options: null }, relativePaths((schema) => {
  const deprecated = schema['x-enumDeprecated'];
  if (!isObject(deprecated)) return [{ message: '`x-enumDeprecated` must be a map from enum value to `{ replacement }`.' }];
  const values = Array.isArray(schema.enum) ? schema.enum.map(String) : [];
  return Object.entries(deprecated).flatMap(([code, entry]) => {
    const at = ['x-enumDeprecated', code];
    if (!values.includes(code)) return [{ message: `\`x-enumDeprecated\` has "${code}", which is not an enum value.`, path: at }];
    if (!isObject(entry)) return [{ message: `The deprecation of "${code}" must be a map, with \`replacement\` when there is one.`, path: at }];
    const { replacement, ...rest } = entry;
    const results = Object.keys(rest).map((key) => ({ message: `The deprecation of "${code}" has an unknown key "${key}" (allowed: replacement).`, path: [...at, key] }));
    if (replacement !== undefined && (typeof replacement !== 'string' || !values.includes(replacement) || replacement === code || isObject(deprecated[replacement]))) {
      results.push({ message: `The replacement of "${code}" must be another code of this type that is not deprecated itself.`, path: [...at, 'replacement'] });
    }
    return results;
  });
}));

/**
 * An error type schema (an object whose `type` property is a const) has the standardized shape:
 * required type, code and message, no other members, an HTTP error status, and codes in the
 * same format as the open code pattern.
 */
const errorTypeSchema = createRulesetFunction(
  { input: null, options: { type: 'object', properties: { openCodeSchema: { type: 'string' } }, required: ['openCodeSchema'] } },
  relativePaths((schema, { openCodeSchema }, { document }) => {
    const results = [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const member of ['type', 'code', 'message']) {
      if (!required.includes(member)) results.push({ message: `An error type must require \`${member}\`.`, path: ['required'] });
      if (!isObject(schema.properties?.[member])) results.push({ message: `An error type must define \`${member}\`.`, path: ['properties'] });
    }
    if (schema.additionalProperties !== false) {
      results.push({ message: 'An error body has exactly type, code and message: set `additionalProperties: false`.', path: ['additionalProperties'] });
    }
    const status = schema['x-http-status'];
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      results.push({ message: '`x-http-status` must be the HTTP error status (400-599) the type is sent with.', path: ['x-http-status'] });
    }
    const pattern = resolvePointer(document.data, openCodeSchema)?.pattern;
    const codes = schema.properties?.code?.enum;
    if (typeof pattern === 'string' && Array.isArray(codes)) {
      const format = new RegExp(pattern, 'u');
      codes.forEach((code, i) => {
        if (typeof code !== 'string' || !format.test(code)) {
          results.push({ message: `Code "${String(code)}" does not match the code format ${pattern}.`, path: ['properties', 'code', 'enum', i] });
        }
      });
    }
    return results;
  }),
);

/** A discriminator maps each `type` value to the schema whose `type` const is that value, for every oneOf member. */
const discriminatorMapping = createRulesetFunction({ input: null, options: null }, relativePaths((schema, _options, { document }) => {
  const { propertyName, mapping } = schema.discriminator ?? {};
  if (!isObject(mapping)) return [{ message: 'A discriminator needs an explicit `mapping`.', path: ['discriminator'] }];
  const members = (Array.isArray(schema.oneOf) ? schema.oneOf : []).map((/** @type {any} */ m) => m?.$ref);
  const results = [];
  for (const [value, ref] of Object.entries(mapping)) {
    const target = typeof ref === 'string' ? resolvePointer(document.data, ref) : undefined;
    if (!target) {
      results.push({ message: `Mapping "${value}" points to "${String(ref)}", which does not exist.`, path: ['discriminator', 'mapping', value] });
    } else if (target.properties?.[propertyName]?.const !== value) {
      results.push({ message: `Mapping "${value}" points to a schema whose \`${propertyName}\` is not "${value}".`, path: ['discriminator', 'mapping', value] });
    }
    if (!members.includes(ref)) {
      results.push({ message: `Mapping "${value}" points to a schema that is not one of the oneOf members.`, path: ['discriminator', 'mapping', value] });
    }
  }
  members.forEach((/** @type {unknown} */ ref, /** @type {number} */ i) => {
    if (!Object.values(mapping).includes(ref)) {
      results.push({ message: `oneOf member ${String(ref)} has no discriminator mapping.`, path: ['oneOf', i] });
    }
  });
  return results;
}));

/** An example of an error body with a documented code carries that code's message, verbatim. */
const exampleMessage = createRulesetFunction({ input: null, options: null }, relativePaths((example, _options, { document }) => {
  const body = example.value;
  if (!isObject(body) || typeof body.type !== 'string' || typeof body.code !== 'string') return [];
  const schemas = Object.values(document.data?.components?.schemas ?? {});
  const schema = schemas.find((s) => s?.properties?.type?.const === body.type);
  const documented = schema?.properties?.code?.['x-enumDescriptions']?.[body.code];
  if (typeof documented === 'string' && body.message !== documented) {
    return [{ message: `The documented message of ${body.type}.${body.code} is ${JSON.stringify(documented)}.`, path: ['value', 'message'] }];
  }
  return [];
}));

/** @param {any} data @param {string} ref a local JSON pointer such as #/components/schemas/X */
function resolvePointer(data, ref) {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, key) => (isObject(node) || Array.isArray(node) ? node[key] : undefined), data);
}

export default {
  extends: [[oas, 'all']],
  rules: {
    // This document is a library of components that API specs reference: it has no operations,
    // so no servers, tags or uses of its own components. The APIs that use it declare those.
    'oas3-api-servers': 'off',
    'openapi-tags': 'off',
    'oas3-unused-component': 'off',
    // The reference names no contact; each API's own document names its support contact.
    'info-contact': 'off',
    // OpenAPI 3.1 names the license by SPDX `identifier`, which excludes `url`.
    'license-url': 'off',

    'enum-values-described': {
      description: 'Every enum value has a description in x-enumDescriptions.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$..[?(@ && @.enum)]',
      then: { function: enumDescriptions },
    },
    'enum-how-to-fix': {
      description: 'x-enumHowToFix names only enum values, each with text.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: "$..[?(@ && @['x-enumHowToFix'])]",
      then: { function: enumHowToFix },
    },
    'enum-deprecated': {
      description: 'x-enumDeprecated names only enum values, each replaced by a live code of the same type.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: "$..[?(@ && @['x-enumDeprecated'])]",
      then: { function: enumDeprecated },
    },
    'error-type-schema': {
      description: 'Every error type schema has the standardized shape.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$.components.schemas[?(@ && @.properties && @.properties.type && @.properties.type.const)]',
      then: { function: errorTypeSchema, functionOptions: { openCodeSchema: '#/components/schemas/OpenErrorCode' } },
    },
    'discriminator-mapping': {
      description: 'A discriminator maps every type value to its schema, and only those.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$..[?(@ && @.discriminator)]',
      then: { function: discriminatorMapping },
    },
    'example-message-verbatim': {
      description: 'Examples carry the documented message of their code.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: ['$.components.examples[*]', '$..content[*].examples[*]'],
      then: { function: exampleMessage },
    },
  },
};
