// The checks of the downstream kit, written once for every engine: each is a function of the
// whole document (read through a `Tree`) that returns findings. src/spectral/ and src/redocly/
// adapt them to Spectral and to Redocly; every type, code and status comes from generated data.
import { codeFormat, httpStatusByType, responseByStatus, schemaByType } from '../../generated/error-catalog.ts';
import { checkErrorResponse } from '../check.ts';
import { describeError } from '../describe.ts';
import { codesDeclared, declares, DECLARATION, readDeclaration, type Declaration, type ReadDeclaration } from '../declaration.ts';
import { isErrorType, statusOf } from '../lookup.ts';
import { describe } from '../read.ts';
import { isObject, openApiVersion, type Finding, type JsonPath, type Tree } from './document.ts';
import { analyseErrorSchema, contractCodes, listDifference, type ErrorSchema, type Variant } from './error-schema.ts';
import { errorStatus, isJsonMediaType, misplacedDeclarations, operationName, sharedHeader, walkDocument, type ExampleAt, type OperationAt, type WalkedMedia } from './walk.ts';

export interface Rule {
  /** The rule's name: `payment-error-<name>` in Spectral, `payment-errors/<name>` in Redocly. */
  readonly name: string;
  readonly severity: 'error' | 'warn';
  readonly description: string;
  /** `root` is an OpenAPI 3.x document (see runRule). */
  readonly check: (root: object, tree: Tree) => Iterable<Reported>;
}

/**
 * A finding, and the object it is about when that object may be reached from many places: it is
 * reported once per object and `once` (the message, unless given).
 */
type Reported = Finding & { readonly about?: object; readonly once?: string };

/** Operations are three segments deep (paths, path, method): below that, `use` findings stay on the first $ref. */
const OPERATION = 3;

/** The statuses the contract sends errors with (400 and 500). */
const CONTRACT_STATUSES: ReadonlySet<number> = new Set(Object.values(httpStatusByType));

function typesSentWith(status: number): string[] {
  return Object.entries(httpStatusByType)
    .filter(([, s]) => s === status)
    .map(([type]) => type);
}

/** The shared response of a status class (400, 500), or the union schema for default (undefined). */
function sharedResponse(statusClass: 400 | 500 | undefined): string {
  const name = statusClass === undefined ? undefined : responseByStatus[String(statusClass) as keyof typeof responseByStatus];
  return name ? `#/components/responses/${name}` : '#/components/schemas/ErrorBody';
}

function sharedSchema(type: string | undefined): string {
  return type !== undefined && isErrorType(type) ? `#/components/schemas/${schemaByType[type]}` : '#/components/schemas/ErrorBody';
}

const body: Rule = {
  name: 'body',
  severity: 'error',
  description: 'The JSON body of every 4xx, 5xx and default response is the standardized error body, by $ref to the shared schema.',
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      for (const media of operation.bodies) {
        const schema = media.schema;
        // A $ref that does not resolve is the engine's finding, not this rule's.
        if (schema === undefined && 'schema' in media.media) continue;
        const path: JsonPath = [...media.path, 'schema'];
        const analysis = analyseErrorSchema(schema, tree);
        if (analysis.kind === 'other') {
          yield {
            message: `The ${media.status.key} response body is not the standardized error body (${analysis.reason}): $ref {ref}.`,
            path,
            suggest: sharedResponse(media.status.class),
            // A schema of the user's used under several statuses: one finding, where it is written.
            ...(isObject(schema) ? { about: schema, once: 'not an error body' } : {}),
          };
          continue;
        }
        const read = declarationOf(operation, tree);
        const declared = read?.declaration;
        const unsure = read ? unsureTypes(read) : NONE;
        if (declared && declared.size > 0 && unsure !== 'all' && analysis.variants.every((v) => v.type === undefined || !isErrorType(v.type) || (!declared.has(v.type) && !unsure.has(v.type)))) {
          const types = [...new Set(analysis.variants.flatMap((v) => (v.type === undefined ? [] : [v.type])))];
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
  },
};

type ErrorBodySchema = ErrorSchema & { kind: 'error-body' };

/** Each error body's summary, worked out once per analysis (a schema shared by many bodies is analysed once). */
const summaries = new WeakMap<ErrorBodySchema, { shared: boolean; sound: boolean }>();

/** Whether every variant has the contract's codes (`shared`), and none departs from it otherwise (`sound`). */
function summaryOf(analysis: ErrorBodySchema): { shared: boolean; sound: boolean } {
  return kept(summaries, analysis, () => ({
    shared: analysis.variants.every((v) => contractDifferences(v).length === 0),
    sound: analysis.variants.every((v) => v.differences.length === 0),
  }));
}

/**
 * What `map` keeps for `key`, worked out by `compute` the first time: the rules run over every
 * operation, and operations share schemas, examples and declarations by $ref.
 */
function kept<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, compute: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = compute()));
  return value;
}

/** A variant's type as a message names it: a known one as it is, anything else quoted and short. */
function typeName(type: string | undefined): string {
  if (type === undefined) return 'error';
  return isErrorType(type) ? type : describe(type);
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

const mediaType: Rule = {
  name: 'media-type',
  severity: 'error',
  description: 'Error responses carry their body as JSON.',
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      for (const response of operation.responses) {
        for (const media of response.media) {
          if (isJsonMediaType(media.mediaType)) continue;
          yield {
            message: `The ${media.status.key} response offers ${describe(media.mediaType)}: error bodies are the standardized JSON body (application/json).`,
            path: media.path,
            // A response of the user's used under several statuses: one finding, where it is written.
            about: media.media,
            once: 'not JSON',
          };
        }
      }
    }
  },
};

/**
 * The error types a JSON body's schema allows that are not sent with the response's status (a
 * 400 type under 500, api_error under 400); empty when it fits, or when the status is default or
 * not one the contract uses, or the schema is no error body.
 */
function typesNotFitting(media: WalkedMedia, tree: Tree): readonly string[] {
  const { status } = media;
  if (status.class === undefined || (status.exact && !CONTRACT_STATUSES.has(Number(status.key)))) return [];
  const analysis = analyseErrorSchema(media.schema, tree);
  if (analysis.kind !== 'error-body') return [];
  const statusClass = status.class;
  return kept(kept(notFitting, analysis, () => new Map()), statusClass, () => {
    const wrong = (v: Variant) => v.type !== undefined && isErrorType(v.type) && statusOf(v.type) !== statusClass;
    return [...new Set(analysis.variants.filter(wrong).map((v) => v.type as string))];
  });
}

/** typesNotFitting of each analysis under each status class: worked out once, however many bodies share the schema. */
const notFitting = new WeakMap<ErrorBodySchema, Map<400 | 500, readonly string[]>>();

const statusFitsType: Rule = {
  name: 'status-fits-type',
  severity: 'error',
  description: 'A 400 response carries only the 400 error types; a 500 response only api_error.',
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      for (const media of operation.bodies) {
        const wrong = typesNotFitting(media, tree);
        const [first] = wrong;
        if (first === undefined || media.status.class === undefined) continue;
        yield {
          message: `A ${media.status.key} response may carry only ${typesSentWith(media.status.class).join(', ')}; this body allows ${wrong.join(', ')}, sent with ${statusOf(first as Parameters<typeof statusOf>[0])}. $ref {ref}.`,
          path: [...media.path, 'schema'],
          use: OPERATION,
          suggest: sharedResponse(media.status.class),
        };
      }
    }
  },
};

const otherStatus: Rule = {
  name: 'other-status',
  severity: 'warn',
  description: 'Error bodies sit under 400 or 500: the reference maps every error to one of them.',
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      for (const response of operation.responses) {
        if (!response.status.exact || CONTRACT_STATUSES.has(Number(response.status.key))) continue;
        const carries = response.media.some(
          (media) => isJsonMediaType(media.mediaType) && analyseErrorSchema(media.schema, tree).kind === 'error-body',
        );
        if (!carries) continue;
        yield {
          message: `An error body under ${response.status.key}: the reference sends every error with ${[...CONTRACT_STATUSES].join(' or ')}, the type and code saying what went wrong.`,
          path: response.path,
          use: OPERATION,
        };
      }
    }
  },
};

const example: Rule = {
  name: 'example',
  severity: 'error',
  description: 'Error examples use a known type, a code of that type and a message, under the status of their type.',
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      for (const media of operation.bodies) {
        // Under a schema that does not fit the status, status-fits-type reports the cause once.
        const status = typesNotFitting(media, tree).length ? undefined : media.status.class;
        for (const { value, path, label, holder } of media.examples()) {
          for (const violation of violationsOf(status, value)) {
            const message = `The error example ${label} breaks the contract: ${violation.message}.`;
            // A wrong status is this use of the example; anything else is wrong wherever it is used.
            yield violation.rule === 'status' ? { message, path, use: OPERATION } : { message, path, about: holder };
          }
        }
      }
    }
  },
};

/** An example's violations under a status, worked out once per example object and status: operations share examples. */
const violations = new WeakMap<object, Map<number | undefined, ReturnType<typeof checkErrorResponse>>>();

function violationsOf(status: 400 | 500 | undefined, value: unknown): ReturnType<typeof checkErrorResponse> {
  if (typeof value !== 'object' || value === null) return checkErrorResponse(status, value);
  return kept(kept(violations, value, () => new Map()), status, () => checkErrorResponse(status, value));
}

const exampleMessage: Rule = {
  name: 'example-message',
  severity: 'warn',
  description: 'An error example of a documented code carries its message verbatim.',
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      for (const media of operation.bodies) {
        for (const { value, path, label, holder } of media.examples()) {
          if (!isObject(value)) continue;
          const entry = describeError(value['type'], value['code']);
          const said = value['message'];
          if (!entry || typeof entry.message !== 'string' || typeof said !== 'string' || said === entry.message) continue;
          yield {
            message: `The API sends ${entry.type}.${entry.code} with the message ${JSON.stringify(entry.message)}, verbatim; the example ${label} says ${describe(said)}.`,
            path: [...path, 'message'],
            about: holder,
          };
        }
      }
    }
  },
};

const idempotencyKeyUuid: Rule = {
  name: 'idempotency-key-uuid',
  severity: 'error',
  description: 'An idempotency key header is a UUID (format: uuid).',
  *check(root, tree) {
    for (const { parameter, path, name } of walkDocument(root, tree).headers()) {
      if (sharedHeader(name) !== 'IdempotencyKey') continue;
      const schema = tree.get(parameter, 'schema');
      if (isObject(schema) && schema['type'] === 'string' && schema['format'] === 'uuid') continue;
      yield {
        message: `The ${name} header is a UUID v4 (the API answers invalid_key_format otherwise): give it \`type: string\` and \`format: uuid\`, or $ref {ref}.`,
        path: isObject(schema) ? [...path, 'schema'] : path,
        suggest: '#/components/parameters/IdempotencyKey',
      };
    }
  },
};

const onBehalfOfHeader: Rule = {
  name: 'on-behalf-of-header',
  severity: 'error',
  description: 'The sub-account header is spelled x-on-behalf-of.',
  *check(root, tree) {
    for (const { path, name } of walkDocument(root, tree).headers()) {
      if (sharedHeader(name) !== 'OnBehalfOf' || name.toLowerCase() === 'x-on-behalf-of') continue;
      yield {
        message: `Spell the sub-account header x-on-behalf-of, the name the API reads (and sub_account_not_found refers to), not ${describe(name)}; or $ref {ref}.`,
        path: [...path, 'name'],
        suggest: '#/components/parameters/OnBehalfOf',
      };
    }
  },
};

const responsesDeclared: Rule = {
  name: 'responses-declared',
  severity: 'warn',
  description: 'Every operation declares the 400 and 500 responses any request may get.',
  *check(root, tree) {
    for (const { operation, path } of walkDocument(root, tree).operations) {
      // A webhook is answered by the client's server, which need not speak the contract.
      if (path[0] === 'webhooks') continue;
      const responses = tree.get(operation, 'responses');
      const classes = new Set(Object.keys(isObject(responses) ? responses : {}).flatMap((key) => {
        const status = errorStatus(key);
        return status ? [status.class ?? 'default'] : [];
      }));
      if (classes.has('default')) continue;
      for (const status of CONTRACT_STATUSES) {
        if (classes.has(status as 400 | 500)) continue;
        yield {
          message: `Declare the ${status} response: any request may fail with ${typesSentWith(status).join(', ')}. $ref {ref}.`,
          path: isObject(responses) ? [...path, 'responses'] : path,
          use: OPERATION,
          suggest: sharedResponse(status as 400 | 500),
        };
      }
    }
  },
};

/** The error types whose part of a declaration cannot be read, or `all` when the declaration as a whole cannot. */
type Unsure = ReadonlySet<string> | 'all';
const NONE: Unsure = new Set();

/**
 * What a declaration with problems leaves unknown: the rules that hold an operation to its
 * declaration judge nothing there, so that a broken declaration is reported once, by the
 * declaration rule. A problem of the whole (no map, a $ref to nothing) or of a key that is no
 * error type (a misspelt type may be any) leaves everything unknown; one under a type, that type.
 */
function unsureTypes(read: ReadDeclaration): Unsure {
  if (read.problems.length === 0) return NONE;
  const types = new Set<string>();
  for (const { path: [key] } of read.problems) {
    if (typeof key !== 'string' || !isErrorType(key)) return 'all';
    types.add(key);
  }
  return types;
}

/** Operations' declarations, read once per operation object. */
const declarations = new WeakMap<object, ReadDeclaration | null>();

/** The operation's `x-payment-errors`, read; undefined when it has none. */
function declarationOf({ operation }: OperationAt, tree: Tree): ReadDeclaration | undefined {
  return kept(declarations, operation, () => (DECLARATION in operation ? readValue(tree.get(operation, DECLARATION), tree) : null)) ?? undefined;
}

/** Declarations read, by value: one that operations share by $ref is read once. */
const values = new WeakMap<object, ReadDeclaration>();

function readValue(value: unknown, tree: Tree): ReadDeclaration {
  const get = (node: unknown, key: string | number) => tree.get(node, key);
  if (typeof value !== 'object' || value === null) return readDeclaration(value, get);
  return kept(values, value, () => readDeclaration(value, get));
}

const declaration: Rule = {
  name: 'declaration',
  severity: 'error',
  description: `An operation's ${DECLARATION} maps error types of the contract to \`all\` or to a list of their codes, each once.`,
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      if (!(DECLARATION in operation.operation)) continue;
      const value = tree.get(operation.operation, DECLARATION);
      const at = [...operation.path, DECLARATION];
      if (value === undefined) {
        yield { message: `The ${DECLARATION} of ${operationName(operation)} cannot be read: its $ref does not resolve.`, path: at, use: OPERATION };
        continue;
      }
      for (const problem of declarationOf(operation, tree)?.problems ?? []) {
        // A declaration shared by $ref is written once: its problems are reported once, where it is.
        yield { message: `${DECLARATION}: ${problem.message}.`, path: [...at, ...problem.path], ...(typeof value === 'object' && value !== null ? { about: value, once: `${problem.path.join('/')} ${problem.message}` } : {}) };
      }
    }
    for (const { path, node, message } of misplacedDeclarations(root, tree)) yield { message: `${message}.`, path, about: node, once: 'misplaced' };
  },
};

const declarationDeprecated: Rule = {
  name: 'declaration-deprecated',
  severity: 'warn',
  description: `A code an operation's ${DECLARATION} declares is not deprecated by the contract.`,
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      const read = declarationOf(operation, tree);
      const value = read && tree.get(operation.operation, DECLARATION);
      for (const { path, type, code, replacement } of read?.deprecated ?? []) {
        yield {
          message: `${DECLARATION}: ${type}.${code} is deprecated${replacement ? `; declare ${replacement}, which replaces it` : ''}. A major release of the contract will remove it.`,
          path: [...operation.path, DECLARATION, ...path],
          ...(typeof value === 'object' && value !== null ? { about: value, once: `${type}.${code}` } : {}),
        };
      }
    }
  },
};

const declarationSendable: Rule = {
  name: 'declaration-sendable',
  severity: 'error',
  description: `An operation can send each error type its ${DECLARATION} declares: a response of the type's status (or its range, or default) carries it.`,
  *check(root, tree) {
    for (const operation of walkDocument(root, tree).operations) {
      const declared = declarationOf(operation, tree)?.declaration;
      if (!declared || declared.size === 0) continue;
      const carried = new Set<string>();
      for (const media of operation.bodies) {
        const analysis = analyseErrorSchema(media.schema, tree);
        if (analysis.kind !== 'error-body') continue;
        for (const variant of analysis.variants) {
          if (variant.type === undefined || !isErrorType(variant.type)) continue;
          const status = statusOf(variant.type);
          if (media.status.class === undefined || (media.status.class === status && (!media.status.exact || Number(media.status.key) === status))) carried.add(variant.type);
        }
      }
      for (const type of declared.keys()) {
        if (carried.has(type)) continue;
        const status = statusOf(type);
        yield {
          message: `${operationName(operation)} declares ${type}, sent with ${status}, but no ${status}, ${String(status)[0]}XX or default response of it carries it: $ref {ref}.`,
          path: [...operation.path, DECLARATION, type],
          use: OPERATION,
          suggest: sharedResponse(status),
        };
      }
    }
  },
};

const exampleDeclared: Rule = {
  name: 'example-declared',
  severity: 'error',
  description: `The error examples of an operation that declares its errors use only (type, code) pairs its ${DECLARATION} declares.`,
  *check(root, tree) {
    // An example many operations show (in a response they share) is one finding, where it is chosen.
    const found = new Map<object, Map<string | number, { example: ExampleAt; operation: OperationAt; others: Set<object> }>>();
    for (const operation of walkDocument(root, tree).operations) {
      const read = declarationOf(operation, tree);
      const unsure = read ? unsureTypes(read) : 'all';
      if (!read || unsure === 'all') continue;
      for (const media of operation.bodies) {
        for (const example of media.examples()) {
          const { value } = example;
          if (!isObject(value) || typeof value['type'] !== 'string' || typeof value['code'] !== 'string') continue;
          if (unsure.has(value['type']) || declares(read.declaration, value['type'], value['code'])) continue;
          const [at, key] = example.site;
          let keys = found.get(at);
          if (!keys) found.set(at, (keys = new Map()));
          const seen = keys.get(key);
          if (!seen) keys.set(key, { example, operation, others: new Set() });
          else if (seen.operation.operation !== operation.operation) seen.others.add(operation.operation);
        }
      }
    }
    for (const keys of found.values()) {
      for (const { example: { value, label, path, chosen }, operation, others } of keys.values()) {
        const { type, code } = value as { type: string; code: string };
        const more = others.size ? `, nor do those of ${others.size} more operation${others.size === 1 ? '' : 's'} that show it` : '';
        yield {
          message: `The example ${label} (${describe(type)}, ${describe(code)}) is not one the ${DECLARATION} of ${operationName(operation)} declares${more}.`,
          path,
          // The examples of a package response or schema the user $refs whole are not the user's
          // choice: narrowing replaces them. An example the user $refs from the package is.
          written: chosen,
        };
      }
    }
  },
};

/** Every rule, in the order their findings read best. */
export const rules: readonly Rule[] = [
  body,
  mediaType,
  statusFitsType,
  otherStatus,
  example,
  exampleMessage,
  idempotencyKeyUuid,
  onBehalfOfHeader,
  responsesDeclared,
  declaration,
  declarationDeprecated,
  declarationSendable,
  exampleDeclared,
];

/**
 * Runs one rule on a document. Findings about an object reached from several places (a shared
 * component of the user's) are reported once. Documents other than OpenAPI 3.x get none.
 */
export function runRule(rule: Rule, root: unknown, tree: Tree): Finding[] {
  if (!openApiVersion(root) || !isObject(root)) return [];
  const findings: Finding[] = [];
  const reported = new WeakMap<object, Set<string>>();
  for (const { about, once, ...finding } of rule.check(root, tree)) {
    if (about) {
      const keys = reported.get(about) ?? new Set();
      const key = once ?? finding.message;
      if (keys.has(key)) continue;
      reported.set(about, keys.add(key));
    }
    findings.push(finding);
  }
  return findings;
}

/** The node at `path` below `node`, through the tree. */
function resolve(tree: Tree, node: unknown, path: JsonPath): object | undefined {
  let current = node;
  for (const key of path) current = tree.get(current, key);
  return isObject(current) ? current : undefined;
}
