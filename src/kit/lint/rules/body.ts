// body: the JSON body of every 4xx, 5xx and default response is the standardized error body (by
// $ref to the shared schema, or an exact copy), or under an operation that declares its errors,
// the shared body narrowed to exactly what it declares.
import { codeFormat } from '../../../../generated/error-catalog.ts';
import { codesDeclared, DECLARATION, type Declaration } from '../../../runtime/declaration.ts';
import { isErrorType } from '../../../runtime/lookup.ts';
import { isObject, type JsonPath, type Tree } from '../../openapi/document.ts';
import { declarationOf } from '../../openapi/declarations.ts';
import { operationName, walkDocument, type ErrorStatus, type WalkedOperation } from '../../openapi/walk.ts';
import { fittingComponent, NONE, sharedSchema, typeName, unsureTypes, type ErrorBodySchema, type Unsure } from '../contract.ts';
import { analyseErrorSchema, contractCodes, listDifference, type Variant } from '../../openapi/error-schema.ts';
import { kept, OPERATION, type Reported } from '../rule.ts';

export function* body(root: object, tree: Tree): Generator<Reported> {
  const walked = walkDocument(root, tree);
  const sharing = statusesSharing(walked.operations, tree);
  for (const { operation, media } of walked.bodies) {
    const schema = media.schema;
    // A $ref that does not resolve is the engine's finding, not this rule's.
    if (schema === undefined && 'schema' in media.media) continue;
    const path: JsonPath = [...media.path, 'schema'];
    const analysis = analyseErrorSchema(schema, tree);
    if (analysis.kind === 'other') {
      // A schema of the user's used under several statuses (a provider's own error body under
      // 401, 403 and 422): one finding, where it is written, naming them all.
      const statuses = (isObject(schema) ? sharing.get(schema) : undefined) ?? [media.status];
      yield {
        ...notAnErrorBody(statuses, analysis.reason),
        path,
        ...(isObject(schema) ? { about: schema, once: 'not an error body' } : {}),
      };
      continue;
    }
    const read = declarationOf(operation.operation, tree);
    const declared = read?.declaration;
    const unsure = read ? unsureTypes(read) : NONE;
    // What the body carries is told only when every variant's type is known: one whose `type`
    // is not one fixed value may be a declared type (the variants below say what is wrong with it).
    const known = analysis.variants.every((v) => v.type !== undefined);
    if (declared && declared.size > 0 && unsure !== 'all' && known && analysis.variants.every((v) => !isErrorType(v.type) || (!declared.has(v.type) && !unsure.has(v.type)))) {
      const types = [...new Set(analysis.variants.map((v) => v.type!))];
      yield {
        message: `The ${media.status.key} response carries ${types.length === 1 ? `${types[0]}, which ${operationName(operation)} does not declare` : `${types.join(', ')}, none of which ${operationName(operation)} declares`} in its ${DECLARATION}: declare ${types.length === 1 ? 'it' : 'them'}, or leave the response out.`,
        path,
        use: OPERATION,
      };
      continue;
    }
    const { shared, sound } = summaryOf(analysis);
    // The shared body (or a faithful copy), as nearly every operation has it.
    if (shared && sound) continue;
    for (const variant of analysis.variants) {
      const differences = [...(!declared ? contractDifferences(variant) : shared ? [] : declaredDifferences(variant, declared, unsure)), ...variant.differences];
      if (differences.length === 0) continue;
      const at = [...path, ...variant.path];
      if (declared && variant.type !== undefined && isErrorType(variant.type) && declared.has(variant.type) && contractDifferences(variant).length === 0 && variant.differences.length === 0) {
        // The contract's own schema of a declared type, in a union whose other members are
        // narrowed: half narrowed. This is about the union, not the schema (often the package's).
        const message = `This ${variant.type} body is the shared schema, in a union otherwise narrowed to the operation's ${DECLARATION}: ${differences.join('; ')}. Narrow it with \`payment-errors narrow\`, or leave every member of the union the shared schema.`;
        yield { message, path: at, ...(isObject(schema) ? { about: schema, once: `${variant.path.join('/')} ${message}` } : {}) };
        continue;
      }
      yield {
        message: declared
          ? `This ${typeName(variant.type)} body is neither the shared schema nor the shared schema narrowed to the operation's ${DECLARATION}: ${differences.join('; ')}. Narrow it with \`payment-errors narrow\`, or $ref {ref}.`
          : `This ${typeName(variant.type)} body is a look-alike of the shared schema: ${differences.join('; ')}. $ref {ref} instead.`,
        path: at,
        suggest: sharedSchema(variant.type),
        about: resolve(tree, schema, variant.path) ?? media.media,
      };
    }
  }
}

/** The statuses each schema that is no error body is used under, across the document, in order (`statusOrder`). */
function statusesSharing(operations: readonly WalkedOperation[], tree: Tree): Map<object, ErrorStatus[]> {
  const sharing = new Map<object, ErrorStatus[]>();
  for (const operation of operations) {
    for (const { schema, status } of operation.bodies) {
      if (!isObject(schema) || analyseErrorSchema(schema, tree).kind !== 'other') continue;
      const statuses = sharing.get(schema) ?? [];
      if (!statuses.some((s) => s.key === status.key)) sharing.set(schema, [...statuses, status].sort(statusOrder));
    }
  }
  return sharing;
}

/** Exact statuses by number, then the ranges, then default. */
function statusOrder(a: ErrorStatus, b: ErrorStatus): number {
  const rank = (s: ErrorStatus) => (s.exact ? Number(s.key) : s.class === undefined ? 2000 : 1000 + s.class);
  return rank(a) - rank(b);
}

/** The message of a body that is no error body under these statuses, with what fits each (the contract's response for 400 and 500, its error body schema for the others). */
function notAnErrorBody(statuses: readonly ErrorStatus[], reason: string): { message: string; suggest: string[] } {
  const groups = new Map<string, string[]>();
  for (const status of statuses) {
    const component = fittingComponent(status);
    groups.set(component, [...(groups.get(component) ?? []), status.key]);
  }
  const keys = statuses.map((s) => s.key);
  const subject = keys.length === 1 ? `The ${keys[0]} response body is` : `The ${andList(keys)} response bodies (one schema) are`;
  const fix = groups.size === 1 ? '$ref {ref}' : [...groups.values()].map((under) => `under ${andList(under)}, $ref {ref}`).join('; ');
  return { message: `${subject} not the standardized error body (${reason}): ${fix}.`, suggest: [...groups.keys()] };
}

function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Each error body's summary, worked out once per analysis (a schema shared by many bodies is analysed once). */
const summaries = new WeakMap<ErrorBodySchema, { shared: boolean; sound: boolean }>();

/** Whether every variant has the contract's codes (`shared`), and none departs from it otherwise (`sound`). */
function summaryOf(analysis: ErrorBodySchema): { shared: boolean; sound: boolean } {
  return kept(summaries, analysis, () => ({
    shared: analysis.variants.every((v) => contractDifferences(v).length === 0),
    sound: analysis.variants.every((v) => v.differences.length === 0),
  }));
}

/** Each variant's contractDifferences, worked out once (variants are kept with their schema's analysis). */
const differencesOf = new WeakMap<Variant, readonly string[]>();

/** How a variant's codes differ from the contract's. */
function contractDifferences(variant: Variant): readonly string[] {
  return kept(differencesOf, variant, () => codeDifferences(variant));
}

function codeDifferences(variant: Variant): string[] {
  if (variant.codes === undefined || variant.type === undefined || !isErrorType(variant.type)) return [];
  const want = contractCodes(variant.type);
  if (want === 'open') return variant.codes === 'open' ? [] : [`it has its own \`code\` enum, but the contract lists no codes for ${variant.type} (any code of the form ${codeFormat})`];
  if (variant.codes === 'open') return [`its \`code\` is an open string, but the contract lists the codes of ${variant.type}`];
  const difference = listDifference(variant.codes, want);
  return difference ? [`its own \`code\` enum ${difference}`] : [];
}

/**
 * Under an operation that declares its errors, a body is the shared one (as written before
 * narrowing: every variant the contract's), or narrowed to exactly what the operation declares:
 * how a variant of a body that is not the shared one differs from what is declared of its type.
 * A type whose part of the declaration cannot be read is held to nothing.
 */
function declaredDifferences(variant: Variant, declared: Declaration, unsure: Unsure): string[] {
  if (variant.codes === undefined || variant.type === undefined || !isErrorType(variant.type) || unsure === 'all' || unsure.has(variant.type)) return [];
  const want = codesDeclared(declared, variant.type);
  if (want === undefined) return [`${DECLARATION} does not declare ${variant.type}`];
  if (want === 'open') return variant.codes === 'open' ? [] : [`it has its own \`code\` enum, but ${DECLARATION} declares any code of ${variant.type}`];
  if (variant.codes === 'open') return [`its \`code\` is an open string, but ${DECLARATION} declares codes of ${variant.type}`];
  const difference = listDifference(variant.codes, want);
  return difference ? [`its \`code\` enum ${difference} of what ${DECLARATION} declares`] : [];
}

/** The node at `path` below `node`, through the tree. */
function resolve(tree: Tree, node: unknown, path: JsonPath): object | undefined {
  let current = node;
  for (const key of path) current = tree.get(current, key);
  return isObject(current) ? current : undefined;
}
