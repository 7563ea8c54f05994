// errorBodySchema: the contract as a Standard Schema (accepted by tRPC, Hono, TanStack Form,
// oRPC, upfetch and others in place of a Zod or Valibot schema) and a Standard JSON Schema.
// Verdicts are isErrorBody's; the issues are checkErrorResponse's violations (without "did you mean").
import { errorBodyJsonSchema } from '../generated/error-body-schema.ts';
import { violationsOf, type ContractViolation } from './check.ts';
import { conformingBody } from './parse.ts';
import { describe } from './read.ts';
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
export const JSON_SCHEMA_TARGETS = ['draft-2020-12', 'draft-07'] as const;

/** Where a violation points: the member it is about, or the body as a whole. A new array each time. */
function pathOf(rule: ContractViolation['rule']): PropertyKey[] {
  return rule === 'type' || rule === 'code' || rule === 'message' ? [rule] : [];
}

/**
 * The error body as a Standard Schema v1 and a Standard JSON Schema v1, with no dependency:
 * `errorBodySchema['~standard'].validate(value)` is `{ value }` (a fresh `{ type, code, message }`)
 * exactly when `isErrorBody(value)`, and otherwise `{ issues }`, each with a message and a path
 * (`['code']`, `['message']`, `[]` for the body). Synchronous, and it never throws or runs code of
 * the value. `jsonSchema.input/output({ target })` give generated/error-body.schema.json for
 * `draft-2020-12`, the same with `definitions` for `draft-07`, and throw for other targets.
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
  const body = conformingBody(value);
  if (body !== undefined) return { value: body };
  const issues = violationsOf(undefined, value, false).map((v) => ({ message: v.message, path: pathOf(v.rule) }));
  // A Proxy may answer the second read otherwise than the first: the verdict stays the first one's.
  return { issues: issues.length > 0 ? issues : [{ message: 'the body does not conform to the error contract', path: [] }] };
}

function jsonSchema(options: StandardJSONSchemaV1.Options): Record<string, unknown> {
  const target: unknown = options?.target;
  // A copy each time: what a caller does to it is not seen by the next caller.
  const schema = JSON.parse(JSON.stringify(errorBodyJsonSchema)) as Record<string, unknown>;
  if (target === 'draft-2020-12') return schema;
  if (target === 'draft-07') return toDraft07(schema);
  throw new Error(`errorBodySchema has no JSON Schema for the target ${describe(target)}; it has ${JSON_SCHEMA_TARGETS.join(' and ')}`);
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
