// errorBodySchema: the contract as a Standard Schema (accepted by tRPC, Hono, TanStack Form,
// oRPC, upfetch and others in place of a Zod or Valibot schema) and a Standard JSON Schema.
// Verdicts are isErrorBody's; the issues are checkErrorResponse's violations (without "did you mean").
import { errorBodyJsonSchema } from '../../generated/error-body-schema.ts';
import { violationsOfRead, type ContractViolation } from './check.ts';
import { isCodeMember, isMessageMember, typeOfMember } from './parse.ts';
import { describe, readBody } from './read.ts';
import type { StandardJSONSchemaV1, StandardSchemaV1 } from './standard-schema.ts';
import type { ErrorBody } from './types.ts';

/** What `errorBodySchema['~standard']` holds: both specs' properties. */
export interface ErrorBodySchemaProps extends StandardSchemaV1.Props<unknown, ErrorBody>, StandardJSONSchemaV1.Props<unknown, ErrorBody> {
  readonly vendor: 'payment-error-contract';
  readonly validate: (value: unknown, options?: StandardSchemaV1.Options) => StandardSchemaV1.Result<ErrorBody>;
}

export interface ErrorBodySchema extends StandardSchemaV1<unknown, ErrorBody>, StandardJSONSchemaV1<unknown, ErrorBody> {
  readonly '~standard': ErrorBodySchemaProps;
}

/** The JSON Schema targets errorBodySchema can give. */
const JSON_SCHEMA_TARGETS = ['draft-2020-12', 'draft-07', 'openapi-3.0'] as const;

/** Where a violation points: the member it is about, or the body as a whole. A new array each time. */
function pathOf(rule: ContractViolation['rule']): PropertyKey[] {
  return rule === 'type' || rule === 'code' || rule === 'message' ? [rule] : [];
}

/**
 * The error body as a Standard Schema v1 and a Standard JSON Schema v1, with no dependency:
 * `errorBodySchema['~standard'].validate(value)` is `{ value }` (a fresh `{ type, code, message }`)
 * exactly when `isErrorBody(value)`, and otherwise `{ issues }`, each with a message and a path
 * (`['code']`, `['message']`, `[]` for the body). Synchronous, and it never throws or runs code of
 * the value; it reads each member once and lists the value's keys at most once (see isErrorBody).
 * `jsonSchema.input/output({ target })` give generated/error-body.schema.json for
 * `draft-2020-12`, the same with `definitions` for `draft-07`, the same as one self-contained
 * OpenAPI 3.0 Schema Object for `openapi-3.0`, and throw for other targets.
 */
export const errorBodySchema: ErrorBodySchema = {
  '~standard': {
    version: 1,
    vendor: 'payment-error-contract',
    validate,
    jsonSchema: { input: jsonSchema, output: jsonSchema },
  },
};

function validate(value: unknown): StandardSchemaV1.Result<ErrorBody> {
  // One read of each member and at most one listing of the keys give both the verdict (by
  // isErrorBody's tests) and the issues, so a Proxy cannot answer one way for the one and another
  // way for the other.
  const read = readBody(value);
  if (typeof read === 'string') return failure({ rule: 'body', message: read });
  const { type, code, message, planted, others } = read;
  const rules = typeOfMember(type, planted);
  if (rules !== undefined && isCodeMember(rules, code, planted) && isMessageMember(message, planted) && others?.length === 0) {
    return { value: { type: rules.type, code: code.value, message: message.value } as ErrorBody };
  }
  return failure(...violationsOfRead(undefined, read, false));
}

function failure(...violations: ContractViolation[]): StandardSchemaV1.FailureResult {
  return { issues: violations.map((v) => ({ message: v.message, path: pathOf(v.rule) })) };
}

function jsonSchema(options: StandardJSONSchemaV1.Options): Record<string, unknown> {
  const target: unknown = options?.target;
  // A copy each time: what a caller does to it is not seen by the next caller.
  const schema = JSON.parse(JSON.stringify(errorBodyJsonSchema)) as Record<string, unknown>;
  if (target === 'draft-2020-12') return schema;
  if (target === 'draft-07') return toDraft07(schema);
  if (target === 'openapi-3.0') return toOpenApi30(schema);
  throw new Error(`errorBodySchema has no JSON Schema for the target ${describe(target)}; it has ${JSON_SCHEMA_TARGETS.join(', ')}`);
}

/**
 * The 2020-12 schema in draft-07 terms. It uses no keyword newer than draft-06 (`const`) but
 * `$defs`, which draft-07 calls `definitions`; descriptions beside a `$ref` are ignored by draft-07,
 * and nothing else is.
 */
function toDraft07(schema: Record<string, unknown>): Record<string, unknown> {
  const { $defs, ...rest } = schema;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? value.replace(/^#\/\$defs\//, '#/definitions/') : rewrite(value)]),
    );
  };
  return { ...(rewrite(rest) as object), $schema: 'http://json-schema.org/draft-07/schema#', definitions: rewrite($defs) };
}

/**
 * The 2020-12 schema as one OpenAPI 3.0 Schema Object, to put under `components.schemas`: no
 * `$schema`, `$id`, `$comment` or `$defs` (3.0 has none of them), each `$ref` replaced by what it
 * refers to (a description beside it kept, which 3.0 would ignore beside a `$ref`), and `const`
 * written as a one-value `enum`. Every other keyword it uses means the same in 3.0.
 */
function toOpenApi30(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, $id: _id, $comment: _comment, $defs, ...rest } = schema;
  const defs = ($defs ?? {}) as Record<string, Record<string, unknown>>;
  const translate = (node: Record<string, unknown>): Record<string, unknown> => {
    const { $ref, const: value, ...members } = node;
    const out: Record<string, unknown> = typeof $ref === 'string' ? translate(defs[$ref.replace(/^#\/\$defs\//, '')] ?? {}) : {};
    for (const [key, member] of Object.entries(members)) {
      if (key === 'properties') out[key] = Object.fromEntries(Object.entries(member as object).map(([name, sub]) => [name, translate(sub)]));
      else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') out[key] = (member as Record<string, unknown>[]).map(translate);
      else if ((key === 'items' || key === 'not' || key === 'additionalProperties') && typeof member === 'object' && member !== null) out[key] = translate(member as Record<string, unknown>);
      else out[key] = member;
    }
    if (value !== undefined) out['enum'] = [value];
    return out;
  };
  return translate(rest);
}
