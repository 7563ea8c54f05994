// Step: generate the runtime data of the package, generated/error-catalog.ts: the error types,
// the HTTP status of each, the codes of each, and a catalog entry per code, as `as const` data
// (no TypeScript enums, so a bundler keeps only what is imported). Read from the bundle via the
// contract model, never typed by hand. Also generated/error-body-schema.ts: the JSON Schema of
// generated/error-body.schema.json as a module, for errorBodySchema's Standard JSON Schema side.
import { GENERATED_HEADER } from './bundle.js';
import { generateJsonSchema } from './generate-json-schema.js';
import { readContract } from './lib/contract-model.js';
import { GENERATED } from './lib/layout.js';
import { runGenerator } from './lib/generator-step.js';

/** @param {unknown} document the bundled document @returns {Record<string, string>} */
export function generateRuntime(document) {
  const { version, types, codeFormat, responses } = readContract(document);
  const json = (/** @type {unknown} */ value) => JSON.stringify(value);
  const lines = [
    `// ${GENERATED_HEADER}`,
    '',
    '/** The version of the contract (the document\'s info.version) this data was generated from. */',
    `export const contractVersion = ${json(version)};`,
    '',
    '/** The error types, in the order of the reference. */',
    `export const errorTypes = [${types.map((t) => json(t.type)).join(', ')}] as const;`,
    '',
    '/** The HTTP status each error type is sent with. */',
    'export const httpStatusByType = {',
    ...types.map((t) => `  ${json(t.type)}: ${t.httpStatus},`),
    '} as const;',
    '',
    '/** The codes the reference lists for each type, in its order; empty for a type whose codes it leaves open. */',
    'export const codesByType = {',
    ...types.map((t) => `  ${json(t.type)}: [${t.codes.map((c) => json(c.code)).join(', ')}],`),
    '} as const;',
    '',
    '/** What the reference states as the scope of each type (empty when it states none), and its remarks (empty when none). */',
    'export const scopeByType = {',
    ...types.map((t) => `  ${json(t.type)}: [${t.scope.map(json).join(', ')}],`),
    '} as const;',
    'export const remarksByType = {',
    ...types.map((t) => `  ${json(t.type)}: ${json(t.remarks ?? '')},`),
    '} as const;',
    '',
    '/** The format every code has, documented or not. */',
    `export const codeFormat = ${json(codeFormat)};`,
    '',
    '/** For each type whose codes the reference leaves open: the format any of its codes has. */',
    'export const openCodePatternByType = {',
    ...types.filter((t) => t.codePattern !== undefined).map((t) => `  ${json(t.type)}: ${json(t.codePattern)},`),
    '} as const;',
    '',
    '/** The name of the schema of each error type in the OpenAPI document (openapi.yaml#/components/schemas/<name>). */',
    'export const schemaByType = {',
    ...types.map((t) => `  ${json(t.type)}: ${json(t.schema)},`),
    '} as const;',
    '',
    '/** The standard error response of each status in the OpenAPI document (openapi.yaml#/components/responses/<name>). */',
    'export const responseByStatus = {',
    ...responses.map((r) => `  ${json(String(r.httpStatus))}: ${json(r.name)},`),
    '} as const;',
    '',
    '/**',
    ' * Every documented code as a constant, by type: `errorCodes.payment_error.expired_card`. A',
    ' * deprecated code is marked `@deprecated`, so that editors strike through its uses.',
    ' */',
    'export const errorCodes = {',
    ...types.flatMap((t) => [
      `  ${json(t.type)}: {`,
      ...t.codes.flatMap((c) => [
        ...(c.deprecated ? [`    /** @deprecated ${c.deprecated.replacement ? `Use ${c.deprecated.replacement} instead.` : 'The reference is retiring this code.'} */`] : []),
        `    ${json(c.code)}: ${json(c.code)},`,
      ]),
      '  },',
    ]),
    '} as const;',
    '',
    '/** Every documented code with its type, HTTP status, message and how to fix, in the order of the reference. */',
    'export const errorCatalog = [',
    ...types.flatMap((t) =>
      t.codes.map((c) => {
        const entry = {
          type: t.type,
          code: c.code,
          httpStatus: t.httpStatus,
          message: c.message,
          ...(c.howToFix ? { howToFix: c.howToFix } : {}),
          ...(c.deprecated ? { deprecated: c.deprecated } : {}),
        };
        return `  ${json(entry)},`;
      }),
    ),
    '] as const;',
    '',
  ];
  return { [`${GENERATED}/error-catalog.ts`]: lines.join('\n'), ...jsonSchemaModule(document) };
}

/** generated/error-body.schema.json, the same document, as a TypeScript module. @param {unknown} document */
function jsonSchemaModule(document) {
  const [schema] = Object.values(generateJsonSchema(document));
  const lines = [
    `// ${GENERATED_HEADER}`,
    '',
    '/** The JSON Schema (2020-12) of an error body: generated/error-body.schema.json, for code that imports it. */',
    `export const errorBodyJsonSchema: { readonly [keyword: string]: unknown } = ${schema?.trim()};`,
    '',
  ];
  return { [`${GENERATED}/error-body-schema.ts`]: lines.join('\n') };
}

await runGenerator(import.meta, generateRuntime);
