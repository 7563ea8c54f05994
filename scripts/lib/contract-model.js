// Reads the error contract out of the bundled OpenAPI document: the error types with their HTTP
// status, scope and remarks, and the codes of each with message and how-to-fix. Every generator
// (types, runtime data, lint-rule data, docs) and the catalog comparison work from this model, so
// the document stays the one place these are written.

/**
 * @typedef {object} ErrorCode
 * @property {string} code
 * @property {string} message
 * @property {string} [howToFix]
 * @property {{ replacement: string | null }} [deprecated] marked in x-enumDeprecated, with the code to use instead
 *
 * @typedef {object} ErrorTypeModel
 * @property {string} type the `type` value, e.g. payment_error
 * @property {string} schema the component name, e.g. PaymentError
 * @property {number | undefined} httpStatus
 * @property {string[]} scope
 * @property {string} [remarks]
 * @property {ErrorCode[]} codes in the document's order; empty when the reference lists none
 * @property {string} [codePattern] for types with no listed codes: the format any code has
 *
 * @typedef {object} ContractModel
 * @property {string} version info.version
 * @property {ErrorTypeModel[]} types in the order of the union schema
 * @property {string | undefined} codeFormat the pattern every code matches (the open code schema's)
 * @property {Array<{ name: string, httpStatus: number }>} responses the standard error responses:
 *   each response component whose body is error types of one status
 */

/** The union of every error type. */
export const UNION_SCHEMA = 'ErrorBody';
/** The schema of a code of a type whose codes are open; its pattern is the format of every code. */
export const OPEN_CODE_SCHEMA = 'OpenErrorCode';

/** @param {any} document the bundled document @returns {ContractModel} */
export function readContract(document) {
  const schemas = document?.components?.schemas ?? {};
  const members = (schemas[UNION_SCHEMA]?.oneOf ?? []).map((/** @type {any} */ m) => refName(m?.$ref));
  // Error types are the schemas whose `type` is a constant; the union gives their order.
  const names = Object.keys(schemas).filter((name) => typeof schemas[name]?.properties?.type?.const === 'string');
  names.sort((a, b) => rank(members, a) - rank(members, b));
  const codeFormat = schemas[OPEN_CODE_SCHEMA]?.pattern;
  const types = names.map((name) => readType(document, name));
  return {
    version: String(document?.info?.version ?? ''),
    types,
    codeFormat: typeof codeFormat === 'string' ? codeFormat : undefined,
    responses: readResponses(document, types),
  };
}

/** @param {any} document @param {string} name @returns {ErrorTypeModel} */
function readType(document, name) {
  const schema = document.components.schemas[name];
  const code = deref(document, schema.properties.code) ?? {};
  const messages = code['x-enumDescriptions'] ?? {};
  const fixes = code['x-enumHowToFix'] ?? {};
  const deprecations = code['x-enumDeprecated'] ?? {};
  const { scope, remarks } = parseTypeDescription(schema.description);
  const status = schema['x-http-status'];
  return {
    type: schema.properties.type.const,
    schema: name,
    httpStatus: Number.isInteger(status) ? status : undefined,
    scope,
    ...(remarks === undefined ? {} : { remarks }),
    codes: (Array.isArray(code.enum) ? code.enum : []).map((/** @type {string} */ value) => ({
      code: value,
      message: typeof messages[value] === 'string' ? messages[value] : '',
      ...(typeof fixes[value] === 'string' ? { howToFix: fixes[value] } : {}),
      ...(typeof deprecations[value] === 'object' && deprecations[value] !== null
        ? { deprecated: { replacement: typeof deprecations[value].replacement === 'string' ? deprecations[value].replacement : null } }
        : {}),
    })),
    ...(Array.isArray(code.enum) || typeof code.pattern !== 'string' ? {} : { codePattern: code.pattern }),
  };
}

/**
 * The response components whose JSON body is one or more error types, all of one status.
 * @param {any} document @param {ErrorTypeModel[]} types
 */
function readResponses(document, types) {
  const statusOf = new Map(types.map((t) => [t.schema, t.httpStatus]));
  return Object.entries(document?.components?.responses ?? {}).flatMap(([name, response]) => {
    const schema = /** @type {any} */ (response)?.content?.['application/json']?.schema;
    const target = refName(schema?.$ref);
    const members = target && statusOf.has(target) ? [target] : (document.components.schemas[target ?? '']?.oneOf ?? []).map((/** @type {any} */ m) => refName(m?.$ref));
    const statuses = new Set(members.map((/** @type {string} */ m) => statusOf.get(m)));
    const [status] = statuses;
    return members.length > 0 && statuses.size === 1 && typeof status === 'number' ? [{ name, httpStatus: status }] : [];
  });
}

/**
 * A type's description states its scope and remarks in two sections:
 * `**Scope**` followed by a list, `**Remarks**` followed by text.
 * @param {unknown} description
 * @returns {{ scope: string[], remarks?: string }}
 */
export function parseTypeDescription(description) {
  const text = typeof description === 'string' ? description : '';
  const section = (/** @type {string} */ title) => {
    const match = new RegExp(`\\*\\*${title}\\*\\*\\s*\\n([\\s\\S]*?)(?=\\n\\*\\*[A-Z][a-z]+\\*\\*|$)`).exec(text);
    return match?.[1]?.trim();
  };
  const scope = (section('Scope') ?? '')
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim());
  const remarks = section('Remarks');
  return remarks ? { scope, remarks } : { scope };
}

/** @param {any} document @param {any} node follows a local $ref */
function deref(document, node) {
  const name = refName(node?.$ref);
  return name === undefined ? node : { ...document.components.schemas[name], ...withoutRef(node) };
}

/** @param {Record<string, unknown>} node */
function withoutRef(node) {
  const { $ref: _ref, ...rest } = node;
  return rest;
}

/** @param {unknown} ref @returns {string | undefined} */
function refName(ref) {
  return typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
}

/** @param {string[]} order @param {string} name */
function rank(order, name) {
  const at = order.indexOf(name);
  return at < 0 ? order.length : at;
}
