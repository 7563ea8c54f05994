// Step: generate the runtime data of the package, generated/error-catalog.ts: the error types,
// the HTTP status of each, the codes of each, and a catalog entry per code, as `as const` data
// (no TypeScript enums, so a bundler keeps only what is imported), each deep-frozen when the module
// loads: the helpers hand these very objects out (a parsed body's `documented` entry), and what one
// caller changes must not change what the next one is told or sends. Each freeze is marked pure,
// so a bundler still drops the data an import does not reach. Read from the bundle via the
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
    '/** Freezes a value and everything in it, so that no caller can change the data another caller reads. */',
    'function frozen<const T>(value: T): T {',
    "  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {",
    '    for (const member of Object.values(value)) frozen(member);',
    '    Object.freeze(value);',
    '  }',
    '  return value;',
    '}',
    '',
    '/** The version of the contract (the document\'s info.version) this data was generated from. */',
    `export const contractVersion = ${json(version)};`,
    '',
    '/** The error types, in the order of the reference. */',
    `export const errorTypes = /* @__PURE__ */ frozen([${types.map((t) => json(t.type)).join(', ')}] as const);`,
    '',
    '/** The HTTP status each error type is sent with. */',
    'export const httpStatusByType = /* @__PURE__ */ frozen({',
    ...types.map((t) => `  ${json(t.type)}: ${t.httpStatus},`),
    '} as const);',
    '',
    '/** The codes the reference lists for each type, in its order; empty for a type whose codes it leaves open. */',
    'export const codesByType = /* @__PURE__ */ frozen({',
    ...types.map((t) => `  ${json(t.type)}: [${t.codes.map((c) => json(c.code)).join(', ')}],`),
    '} as const);',
    '',
    '/** What the reference states as the scope of each type (empty when it states none), and its remarks (empty when none). */',
    'export const scopeByType = /* @__PURE__ */ frozen({',
    ...types.map((t) => `  ${json(t.type)}: [${t.scope.map(json).join(', ')}],`),
    '} as const);',
    'export const remarksByType = /* @__PURE__ */ frozen({',
    ...types.map((t) => `  ${json(t.type)}: ${json(t.remarks ?? '')},`),
    '} as const);',
    '',
    '/** The format every code has, documented or not. */',
    `export const codeFormat = ${json(codeFormat)};`,
    '',
    '/** For each type whose codes the reference leaves open: the format any of its codes has. */',
    'export const openCodePatternByType = /* @__PURE__ */ frozen({',
    ...types.filter((t) => t.codePattern !== undefined).map((t) => `  ${json(t.type)}: ${json(t.codePattern)},`),
    '} as const);',
    '',
    '/** The name of the schema of each error type in the OpenAPI document (openapi.yaml#/components/schemas/<name>). */',
    'export const schemaByType = /* @__PURE__ */ frozen({',
    ...types.map((t) => `  ${json(t.type)}: ${json(t.schema)},`),
    '} as const);',
    '',
    '/** The standard error response of each status in the OpenAPI document (openapi.yaml#/components/responses/<name>). */',
    'export const responseByStatus = /* @__PURE__ */ frozen({',
    ...responses.map((r) => `  ${json(String(r.httpStatus))}: ${json(r.name)},`),
    '} as const);',
    '',
    '/**',
    ' * Every documented code as a constant, by type: `errorCodes.payment_error.expired_card`. A',
    ' * deprecated code is marked `@deprecated`, so that editors strike through its uses.',
    ' */',
    'export const errorCodes = /* @__PURE__ */ frozen({',
    ...types.flatMap((t) => [
      `  ${json(t.type)}: {`,
      ...t.codes.flatMap((c) => [
        ...(c.deprecated ? [`    /** @deprecated ${c.deprecated.replacement ? `Use ${c.deprecated.replacement} instead.` : 'The reference is retiring this code.'} */`] : []),
        `    ${json(c.code)}: ${json(c.code)},`,
      ]),
      '  },',
    ]),
    '} as const);',
    '',
    '/** Every documented code with its type, HTTP status, message and how to fix, in the order of the reference. */',
    'export const errorCatalog = /* @__PURE__ */ frozen([',
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
    '] as const);',
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
