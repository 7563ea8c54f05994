// Where the checks look: the operations of a document (under paths and webhooks), their error
// responses and JSON bodies, the examples of those, and the parameters. Shared by every check;
// each engine's adapter only supplies the `Tree` these read through.
import { DECLARATION } from '../../runtime/declaration.ts';
import { describe } from '../../runtime/read.ts';
import { isObject, keysOf, type JsonPath, type Tree } from './document.ts';

/** The methods of a path item (OpenAPI 3.0 and 3.1). */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A response key that describes failures: a 4xx or 5xx code, its range, or default. */
export interface ErrorStatus {
  readonly key: string;
  /** 400 or 500 for the codes and ranges; undefined for default. */
  readonly class: 400 | 500 | undefined;
  /** A single status code (not a range, not default). */
  readonly exact: boolean;
}

export function errorStatus(key: string): ErrorStatus | undefined {
  if (key === 'default') return { key, class: undefined, exact: false };
  if (/^[45]XX$/i.test(key)) return { key, class: key.startsWith('4') ? 400 : 500, exact: false };
  if (/^[45]\d\d$/.test(key)) return { key, class: key.startsWith('4') ? 400 : 500, exact: true };
  return undefined;
}

export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/([\w.-]+\+)?json(\s*;.*)?$/i.test(mediaType);
}

export interface OperationAt {
  readonly operation: Record<string, unknown>;
  /** Where it is: ['paths', '/payments', 'post'] or ['webhooks', name, method]. */
  readonly path: JsonPath;
}

/** How messages name an operation: "POST /payments", "webhook paymentSucceeded POST". */
export function operationName({ path: [section, key, method] }: Pick<OperationAt, 'path'>): string {
  return section === 'webhooks' ? `webhook ${String(key)} ${String(method).toUpperCase()}` : `${String(method).toUpperCase()} ${String(key)}`;
}

/**
 * Whether `wanted` names the operation: "POST /payments" or "webhook paymentSucceeded POST"; the
 * method in any case, the path (or webhook name) as written, spaces in it included: every name
 * operationName gives finds its operation.
 */
export function isNamed({ path: [section, key, method] }: Pick<OperationAt, 'path'>, wanted: string): boolean {
  const text = wanted.trim();
  if (section === 'webhooks') {
    const match = /^webhook\s+(.+)\s+(\S+)$/i.exec(text);
    return match !== null && match[1] === key && match[2]!.toLowerCase() === method;
  }
  const match = /^(\S+)\s+(.+)$/.exec(text);
  return match !== null && match[1]!.toLowerCase() === method && match[2] === key;
}

/**
 * Every operation under `paths` and `webhooks` (callbacks describe the client's server, not this
 * API), once: an operation of a path item several paths share is yielded at the first. With
 * `everyPlace`, at each of its places (for finding an operation by its path).
 */
export function* operations(root: unknown, tree: Tree, everyPlace = false): Generator<OperationAt> {
  const seen = new Set<object>();
  for (const section of ['paths', 'webhooks']) {
    const items = tree.get(root, section);
    for (const key of keysOf(items)) {
      const item = tree.get(items, key);
      for (const method of METHODS) {
        const operation = tree.get(item, method);
        if (!isObject(operation) || (seen.has(operation) && !everyPlace)) continue;
        seen.add(operation);
        yield { operation, path: [section, key, method] };
      }
    }
  }
}

/**
 * Declarations written where nothing reads them: on a path item (under paths, webhooks or a
 * callback) and on the operations of callbacks, each once, with why it is misplaced (a sentence
 * without its full stop).
 */
export function* misplacedDeclarations(root: unknown, tree: Tree): Generator<{ path: JsonPath; node: object; message: string }> {
  for (const { item, path } of pathItems(root, tree)) {
    if (DECLARATION in item) yield { path: [...path, DECLARATION], node: item, message: ON_PATH_ITEM };
  }
  const seen = new Set<object>();
  function* inCallbacks(operation: object, path: JsonPath, depth: number): Generator<{ path: JsonPath; node: object; message: string }> {
    const callbacks = tree.get(operation, 'callbacks');
    for (const name of keysOf(callbacks)) {
      const callback = tree.get(callbacks, name);
      for (const expression of keysOf(callback)) {
        const item = tree.get(callback, expression);
        if (!isObject(item) || seen.has(item)) continue;
        seen.add(item);
        const at = [...path, 'callbacks', name, expression];
        if (DECLARATION in item) yield { path: [...at, DECLARATION], node: item, message: IN_CALLBACK };
        for (const method of METHODS) {
          const inner = tree.get(item, method);
          if (!isObject(inner)) continue;
          if (DECLARATION in inner) yield { path: [...at, method, DECLARATION], node: inner, message: IN_CALLBACK };
          // Callbacks of callbacks: as deep as a spec could mean them, and no further.
          if (depth < 8) yield* inCallbacks(inner, [...at, method], depth + 1);
        }
      }
    }
  }
  for (const { operation, path } of operations(root, tree)) yield* inCallbacks(operation, path, 0);
}

const ON_PATH_ITEM = `${DECLARATION} belongs on each operation of a path, not on the path: declare it on the operations (the same declaration by $ref, if they share it)`;
const IN_CALLBACK = `${DECLARATION} is read on the operations under paths and webhooks, not in a callback (a request this API sends to the client's server): remove it, or describe the request under webhooks`;

/** Every path item under `paths` and `webhooks`, once. */
export function* pathItems(root: unknown, tree: Tree): Generator<{ item: Record<string, unknown>; path: JsonPath }> {
  const seen = new Set<object>();
  for (const section of ['paths', 'webhooks']) {
    const items = tree.get(root, section);
    for (const key of keysOf(items)) {
      const item = tree.get(items, key);
      if (!isObject(item) || seen.has(item)) continue;
      seen.add(item);
      yield { item, path: [section, key] };
    }
  }
}

export interface ResponseAt {
  readonly status: ErrorStatus;
  readonly response: Record<string, unknown>;
  readonly path: JsonPath;
}

/** The error responses (4xx, 5xx, their ranges, default) of an operation. */
export function* errorResponses({ operation, path }: OperationAt, tree: Tree): Generator<ResponseAt> {
  const responses = tree.get(operation, 'responses');
  for (const key of keysOf(responses)) {
    const status = errorStatus(key);
    const response = status && tree.get(responses, key);
    if (status && isObject(response)) yield { status, response, path: [...path, 'responses', key] };
  }
}

export interface MediaAt {
  readonly status: ErrorStatus;
  readonly mediaType: string;
  readonly media: Record<string, unknown>;
  readonly path: JsonPath;
}

/** The media types an error response offers, JSON or not. */
export function* mediaTypes({ status, response, path }: ResponseAt, tree: Tree): Generator<MediaAt> {
  const content = tree.get(response, 'content');
  for (const mediaType of keysOf(content)) {
    const media = tree.get(content, mediaType);
    if (isObject(media)) yield { status, mediaType, media, path: [...path, 'content', mediaType] };
  }
}

/** An operation with its error responses and their media types, as every rule walks it. */
export interface WalkedOperation extends OperationAt {
  readonly responses: readonly WalkedResponse[];
  /** The JSON bodies of its error responses (the JSON media types of `responses`). */
  readonly bodies: readonly WalkedMedia[];
}

export interface WalkedResponse extends ResponseAt {
  readonly media: readonly WalkedMedia[];
}

export interface WalkedMedia extends MediaAt {
  /** Its `schema`, through the tree. */
  readonly schema: unknown;
  /** Its examples (examplesOf), walked when first asked for. */
  examples(): readonly ExampleAt[];
}

export interface WalkedDocument {
  readonly operations: readonly WalkedOperation[];
  /** Every JSON body of an error response (each operation's `bodies`), with its operation. */
  readonly bodies: ReadonlyArray<{ readonly operation: WalkedOperation; readonly media: WalkedMedia }>;
  /** Every header parameter once (headers), walked when first asked for. */
  headers(): readonly HeaderAt[];
}

const walkedDocuments = new WeakMap<Tree, WeakMap<object, WalkedDocument>>();

/**
 * The walks above, done once per document and tree and kept as long as the document: the lint
 * rules all read the same operations, bodies and examples. Only for a document that does not
 * change while it is read (narrowing, which changes it, walks afresh).
 */
export function walkDocument(root: object, tree: Tree): WalkedDocument {
  let documents = walkedDocuments.get(tree);
  if (!documents) walkedDocuments.set(tree, (documents = new WeakMap()));
  let walked = documents.get(root);
  if (!walked) documents.set(root, (walked = walkOnce(root, tree)));
  return walked;
}

function walkOnce(root: object, tree: Tree): WalkedDocument {
  const walked: WalkedOperation[] = [];
  for (const operation of operations(root, tree)) {
    const responses: WalkedResponse[] = [];
    const bodies: WalkedMedia[] = [];
    for (const response of errorResponses(operation, tree)) {
      const media: WalkedMedia[] = [];
      for (const at of mediaTypes(response, tree)) {
        let examples: readonly ExampleAt[] | undefined;
        const one = { ...at, schema: tree.get(at.media, 'schema'), examples: () => (examples ??= [...examplesOf(at, tree)]) };
        media.push(one);
        if (isJsonMediaType(at.mediaType)) bodies.push(one);
      }
      responses.push({ ...response, media });
    }
    walked.push({ ...operation, responses, bodies });
  }
  const bodies = walked.flatMap((operation) => operation.bodies.map((media) => ({ operation, media })));
  let found: readonly HeaderAt[] | undefined;
  return { operations: walked, bodies, headers: () => (found ??= [...headers(root, tree)]) };
}

export interface ExampleAt {
  readonly value: unknown;
  readonly path: JsonPath;
  /** How a message names it: `"declined"` (its name in `examples`), or where it is. */
  readonly label: string;
  /** The object the example is written in, for reporting an example shared by many places once. */
  readonly holder: object;
  /**
   * How many segments of `path` lead to where the example was chosen: the `examples` map, whose
   * entry may be a $ref to an Example Object (of the user's or an installed package's); the whole
   * path for an example written in a media type or a schema.
   */
  readonly chosen: number;
  /** Where it was chosen, the same wherever the document uses it: the object (the `examples` map, the media type, the schema, its list of examples) and the key in it. */
  readonly site: readonly [object, string | number];
}

/**
 * The examples of a media type: `example`, `examples` (Example Objects, `value`), and those of its
 * schema: `example` (OpenAPI 3.0) and `examples` (a JSON Schema array, 3.1).
 */
export function* examplesOf({ media, path }: MediaAt, tree: Tree): Generator<ExampleAt> {
  const at = (...rest: JsonPath) => {
    const full = [...path, ...rest];
    return { path: full, chosen: full.length };
  };
  if ('example' in media) yield { value: media['example'], ...at('example'), label: 'of the media type', holder: media, site: [media, 'example'] };
  const examples = tree.get(media, 'examples');
  if (isObject(examples)) {
    for (const name of Object.keys(examples)) {
      const example = tree.get(examples, name);
      if (isObject(example) && 'value' in example) yield { value: example['value'], path: [...path, 'examples', name, 'value'], chosen: path.length + 1, label: describe(name), holder: example, site: [examples, name] };
    }
  }
  const schema = tree.get(media, 'schema');
  if (!isObject(schema)) return;
  if ('example' in schema) yield { value: schema['example'], ...at('schema', 'example'), label: 'of the schema', holder: schema, site: [schema, 'example'] };
  const schemaExamples = schema['examples'];
  if (Array.isArray(schemaExamples)) {
    for (const [i, value] of schemaExamples.entries()) yield { value, ...at('schema', 'examples', i), label: `${i} of the schema`, holder: schemaExamples, site: [schemaExamples, i] };
  }
}

export interface ParameterAt {
  readonly parameter: Record<string, unknown>;
  readonly path: JsonPath;
}

/**
 * Every parameter once: those of path items and operations, and the parameter components. A
 * parameter used in many places (a component) is the same object each time: it is yielded at
 * the first place it is found.
 */
export function* parameters(root: unknown, tree: Tree): Generator<ParameterAt> {
  const seen = new Set<object>();
  function* list(holder: unknown, path: JsonPath): Generator<ParameterAt> {
    const items = tree.get(holder, 'parameters');
    const keys = Array.isArray(items) ? items.map((_, i) => i) : [];
    for (const key of keys) {
      const parameter = tree.get(items, key);
      if (isObject(parameter) && !seen.has(parameter)) {
        seen.add(parameter);
        yield { parameter, path: [...path, 'parameters', key] };
      }
    }
  }
  for (const section of ['paths', 'webhooks']) {
    const items = tree.get(root, section);
    for (const key of keysOf(items)) {
      const item = tree.get(items, key);
      yield* list(item, [section, key]);
      for (const method of METHODS) yield* list(tree.get(item, method), [section, key, method]);
    }
  }
  const components = tree.get(tree.get(root, 'components'), 'parameters');
  for (const name of keysOf(components)) {
    const parameter = tree.get(components, name);
    if (isObject(parameter) && !seen.has(parameter)) {
      seen.add(parameter);
      yield { parameter, path: ['components', 'parameters', name] };
    }
  }
}

export interface HeaderAt extends ParameterAt {
  readonly name: string;
}

/** Every header parameter, once (see `parameters`). */
export function* headers(root: unknown, tree: Tree): Generator<HeaderAt> {
  for (const at of parameters(root, tree)) {
    const name = at.parameter['name'];
    if (at.parameter['in'] === 'header' && typeof name === 'string') yield { ...at, name };
  }
}

/**
 * The request header of the contract a header parameter stands for, however it is spelled:
 * `IdempotencyKey` (Idempotency-Key, X-Idempotency-Key, idempotency_key) or `OnBehalfOf`
 * (x-on-behalf-of, On-Behalf-Of, x-onbehalfof); undefined for any other header.
 */
export function sharedHeader(name: string): 'IdempotencyKey' | 'OnBehalfOf' | undefined {
  if (/^(x-)?idempotency[-_]?key$/i.test(name)) return 'IdempotencyKey';
  if (name.toLowerCase().replace(/[^a-z]/g, '').includes('onbehalfof')) return 'OnBehalfOf';
  return undefined;
}
