// Narrowing: what each operation's `x-payment-errors` declaration becomes in the document, so that
// every tool downstream (types, docs, mock servers) sees exactly what the operation may send.
// Each error response of a declaring operation becomes a $ref to a response component whose body
// is a discriminated union of exactly the declared types, each with exactly the declared codes,
// their messages and how-to-fix, and examples of declared pairs only. Equal declarations share the
// same components, named by what they hold (names.ts). This module only plans the change; the CLI
// applies it to the text of a file (apply-text.ts), the Redocly decorator to the document being bundled.
import { httpStatusByType } from '../../../generated/error-catalog.ts';
import { errorTypeSchemas } from '../../../generated/error-schemas.ts';
import { codesDeclared, DECLARATION, declares, type Declaration, type DeclaredCodes } from '../../runtime/declaration.ts';
import { declarationOf } from '../openapi/declarations.ts';
import { isObject, type JsonPath, type Tree } from '../openapi/document.ts';
import { pointerKey, resolvePointer } from '../openapi/pointer.ts';
import { DATA, forEachRef, keyTree } from '../openapi/refs.ts';
import { analyseErrorSchema } from '../openapi/error-schema.ts';
import { canonical, compare, declarationLabel, Names, responseComponentName, typeSchemaName, unionName, Wanted, type ExistingComponents } from './names.ts';
import { errorResponses, examplesOf, isJsonMediaType, mediaTypes, misplacedDeclarations, operationName, operations, type ResponseAt } from '../openapi/walk.ts';
import { codesOf, entryOf } from '../../runtime/lookup.ts';
import type { ErrorType } from '../../runtime/types.ts';

/** The extension that marks the components narrowing wrote, so that a later run may rewrite them. */
const NARROWED = 'x-narrowed-by';
const MARK = 'payment-error-contract';

export interface NarrowPlan {
  /** Each error response of a declaring operation, by its path, and the response component it becomes. */
  readonly responses: ReadonlyArray<{ readonly path: JsonPath; readonly component: string }>;
  /** The components narrowing writes, by name: new ones, and its own of an earlier run that changed. */
  readonly components: { readonly schemas: ReadonlyMap<string, object>; readonly responses: ReadonlyMap<string, object> };
  /** Components an earlier run wrote that nothing uses any more (one the document still $refs stays). */
  readonly unused: { readonly schemas: readonly string[]; readonly responses: readonly string[] };
  /** What keeps the document from being narrowed (a declaration that is not well formed, or misplaced); nothing is written then. */
  readonly problems: ReadonlyArray<{ readonly path: JsonPath; readonly message: string }>;
}

/** One error response of a declaring operation, and what it narrows to. */
interface Narrowing {
  readonly response: ResponseAt;
  readonly types: readonly ErrorType[];
  readonly declaration: Declaration;
  /** The declaration's own name (`CardPayment` for a $ref to components/x-payment-errors/CardPayment), if it has one. */
  readonly label: string | undefined;
}

/**
 * Plans the narrowing of a document read through `tree`. Components are named by what they hold
 * (names.ts), the same whatever the order of the operations: every component is worked
 * out first, then named in an order of their own. Throws CopyLimitError for a response too large
 * to copy.
 */
export function planNarrowing(root: unknown, tree: Tree): NarrowPlan {
  const existing = { schemas: componentsOf(root, tree, 'schemas'), responses: componentsOf(root, tree, 'responses') };
  const names = { schemas: new Names(existing.schemas), responses: new Names(existing.responses) };
  const problems: Array<{ path: JsonPath; message: string }> = [];
  for (const { path, message } of misplacedDeclarations(root, tree)) problems.push({ path, message });
  const narrowings: Narrowing[] = [];
  const copied = { count: 0 };
  for (const operation of operations(root, tree)) {
    const read = declarationOf(operation.operation, tree);
    if (!read) continue;
    const at = [...operation.path, DECLARATION];
    if (read.problems.length > 0) {
      for (const problem of read.problems) problems.push({ path: [...at, ...problem.path], message: problem.message });
      continue;
    }
    // Equal declarations narrow alike, whatever the order of their codes.
    const declaration = inContractOrder(read.declaration);
    const label = declarationLabel(operation.operation);
    // The declared types some narrowed response carries: narrowing says nothing of the others.
    const carried = new Set<ErrorType>();
    for (const response of errorResponses(operation, tree)) {
      const types = typesOf(response, declaration, tree);
      for (const type of types) carried.add(type);
      if (types.length > 0) narrowings.push({ response, types, declaration, label });
    }
    // Less narrowed than declared is no success: the type would be left out without a word.
    for (const type of declaration.keys()) {
      if (carried.has(type)) continue;
      const status = httpStatusByType[type];
      problems.push({
        path: [...at, type],
        message: `${operationName(operation)} declares ${type}, but none of its error responses carries it (a ${status}, ${String(status)[0]}XX or default response whose JSON body is the contract's error body): narrowing would leave it out. Add such a response, or leave ${type} out of the declaration`,
      });
    }
  }

  // After a problem nothing is written: what each operation would leave out is told, nothing more is made.
  if (problems.length > 0) return { responses: [], components: { schemas: new Map(), responses: new Map() }, unused: { schemas: [], responses: [] }, problems };

  // The schema of each declared type, one per (type, codes).
  const typeSchemas = new Wanted();
  const typeKey = (type: ErrorType, declaration: Declaration) => `${type} ${JSON.stringify(declaration.get(type))}`;
  for (const { types, declaration, label } of narrowings) {
    for (const type of types) {
      typeSchemas.add(typeKey(type, declaration), label, () => ({ content: typeSchema(type, declaration), name: (l) => typeSchemaName(type, declaration.get(type) ?? 'all', l) }));
    }
  }
  const typeRefs = typeSchemas.assign(names.schemas, '#/components/schemas/');

  // The body of each narrowed response: the one type, or a union of them, one per (status, members).
  const unions = new Wanted();
  const bodyOf = new Map<Narrowing, string>();
  for (const narrowing of narrowings) {
    const { types, declaration, label, response } = narrowing;
    const refs = types.map((type) => ({ type, $ref: typeRefs.get(typeKey(type, declaration))! }));
    if (refs.length === 1) continue;
    const status = response.status.class;
    const key = `union ${status} ${refs.map((r) => r.$ref).join(' ')}`;
    unions.add(key, label, () => ({ content: unionSchema(refs, status), name: (l) => unionName(types, status, l) }));
    bodyOf.set(narrowing, key);
  }
  const unionRefs = unions.assign(names.schemas, '#/components/schemas/');

  // Each narrowed response: the original's description and members, its JSON body narrowed.
  const responseComponents = new Wanted();
  const responseKey = new Map<Narrowing, string>();
  // The same response (a shared component) under equal declarations narrows once.
  const done = new WeakMap<object, Map<string, string>>();
  for (const narrowing of narrowings) {
    const { types, declaration, label, response } = narrowing;
    const union = bodyOf.get(narrowing);
    const schema = { $ref: union === undefined ? typeRefs.get(typeKey(types[0]!, declaration))! : unionRefs.get(union)! };
    const cacheKey = `${canonical(Object.fromEntries(declaration))} ${response.status.key} ${schema.$ref}`;
    let key = done.get(response.response)?.get(cacheKey);
    if (key === undefined) {
      const content = narrowedResponse(response, types, declaration, schema, tree, copied);
      key = canonical(content);
      responseComponents.add(key, label, () => ({ content, name: (l) => responseComponentName(response, types, declaration, l) }));
      done.set(response.response, (done.get(response.response) ?? new Map()).set(cacheKey, key));
    } else responseComponents.add(key, label);
    responseKey.set(narrowing, key);
  }
  const responseRefs = responseComponents.assign(names.responses, '');
  const responses = narrowings.map((n) => ({ path: n.response.path, component: responseRefs.get(responseKey.get(n)!)! }));

  const components = { schemas: names.schemas.written(), responses: names.responses.written() };
  const unused = { schemas: names.schemas.unused(), responses: names.responses.unused() };
  const kept = stillReferenced(root, unused, responses, components);
  return {
    responses,
    components,
    unused: { schemas: unused.schemas.filter((n) => !kept.schemas.has(n)), responses: unused.responses.filter((n) => !kept.responses.has(n)) },
    problems,
  };
}

/** The declaration with its types, and each list of codes, in the contract's order (codes of an open type: alphabetical). */
function inContractOrder(declaration: Declaration): Declaration {
  const typeOrder = Object.keys(httpStatusByType);
  return new Map(
    [...declaration].sort(([a], [b]) => typeOrder.indexOf(a) - typeOrder.indexOf(b)).map(([type, codes]): [ErrorType, DeclaredCodes] => {
      if (codes === 'all') return [type, codes];
      const order = codesOf(type);
      const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
      return [type, [...codes].sort((a, b) => rank(a) - rank(b) || compare(a, b))];
    }),
  );
}

/**
 * Of the components an earlier run wrote that no narrowing uses now, those the document still
 * $refs from elsewhere (an operation whose declaration was removed keeps its narrowed responses):
 * removing them would leave those $refs pointing at nothing. The document is read as written
 * (own members, local $refs), leaving out what narrowing replaces.
 */
function stillReferenced(
  root: unknown,
  unused: { readonly schemas: readonly string[]; readonly responses: readonly string[] },
  replaced: ReadonlyArray<{ readonly path: JsonPath }>,
  written: { readonly schemas: ReadonlyMap<string, object>; readonly responses: ReadonlyMap<string, object> },
): { schemas: Set<string>; responses: Set<string> } {
  const kept = { schemas: new Set<string>(), responses: new Set<string>() };
  if (unused.schemas.length === 0 && unused.responses.length === 0) return kept;
  const candidates = { schemas: new Set(unused.schemas), responses: new Set(unused.responses) };
  // The places not to read: what narrowing replaces or removes.
  const components = (['schemas', 'responses'] as const).flatMap((kind) => [...candidates[kind], ...written[kind].keys()].map((name) => ['components', kind, name]));
  const skip = keyTree([...replaced.map(({ path }) => path), ...components]);
  const starts = [{ node: root, skip }, ...[...written.schemas.values(), ...written.responses.values()].map((node) => ({ node }))];
  forEachRef(starts, (_holder, ref) => {
    const [, kind, token] = /^#\/components\/(schemas|responses)\/([^/]+)/.exec(ref) ?? [];
    const name = token === undefined ? undefined : pointerKey(token);
    if ((kind !== 'schemas' && kind !== 'responses') || name === undefined || !candidates[kind].delete(name)) return;
    kept[kind].add(name);
    // What it leads to may use others.
    return resolvePointer(root, `/components/${kind}/${token}`);
  }, DATA);
  return kept;
}

/**
 * The types a narrowed response carries: the declared types of its status (400, 4XX: the 400
 * types; 500, 5XX: api_error; default: all), or, under another status, those of its body that
 * are declared. None when it has no error body.
 */
function typesOf(response: ResponseAt, declaration: Declaration, tree: Tree): ErrorType[] {
  const bodies = [...mediaTypes(response, tree)].filter((m) => isJsonMediaType(m.mediaType)).map((m) => analyseErrorSchema(tree.get(m.media, 'schema'), tree));
  if (!bodies.some((b) => b.kind === 'error-body')) return [];
  const { status } = response;
  const declared = [...declaration.keys()];
  if (status.class === undefined) return declared;
  if (!status.exact || Number(status.key) === status.class) return declared.filter((t) => httpStatusByType[t] === status.class);
  const carried = new Set(bodies.flatMap((b) => (b.kind === 'error-body' ? b.variants.map((v) => v.type) : [])));
  return declared.filter((t) => carried.has(t));
}

/** A discriminated union of the narrowed schemas of the declared types, for a response of this status class (undefined: default). */
function unionSchema(refs: ReadonlyArray<{ type: ErrorType; $ref: string }>, status: 400 | 500 | undefined): object {
  return {
    description: `The body of a failed response${status ? ` with HTTP ${status}` : ''}: one of the error types the operation declares (its ${DECLARATION}), told apart by \`type\`.`,
    oneOf: refs.map(({ $ref }) => ({ $ref })),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(refs.map(({ type, $ref }) => [type, $ref])) },
    [NARROWED]: MARK,
  };
}

/** The contract's schema of a type, with only the declared codes (and their messages, how-to-fix, deprecations). */
function typeSchema(type: ErrorType, declaration: Declaration): object {
  const schema = JSON.parse(JSON.stringify(errorTypeSchemas[type])) as Record<string, any>;
  const codes = codesDeclared(declaration, type);
  const code = schema['properties']['code'] as Record<string, unknown>;
  if (codes !== 'open' && codes !== undefined) {
    const keep = (map: unknown) => (isObject(map) ? Object.fromEntries(codes.filter((c) => c in map).map((c) => [c, map[c]])) : undefined);
    const listed = declaration.get(type) !== 'all';
    schema['properties']['code'] = {
      type: 'string',
      description: listed ? `One of the codes of \`${type}\` the operation declares it may fail with (its ${DECLARATION}).` : code['description'],
      enum: [...codes],
      ...Object.fromEntries(
        (['x-enumDescriptions', 'x-enumHowToFix', 'x-enumDeprecated'] as const).flatMap((key) => {
          const kept = keep(code[key]);
          return kept && Object.keys(kept).length > 0 ? [[key, kept]] : [];
        }),
      ),
    };
  }
  schema[NARROWED] = MARK;
  return schema;
}

/** The response component: the original's description and other members, its JSON body narrowed. */
function narrowedResponse(response: ResponseAt, types: readonly ErrorType[], declaration: Declaration, schema: { $ref: string }, tree: Tree, copied: { count: number }): object {
  const copying: Copying = { count: copied.count, path: response.path };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(response.response)) {
    if (key === 'content' || key === NARROWED) continue;
    out[key] = copy(tree.get(response.response, key), tree, copying);
  }
  if (typeof out['description'] !== 'string') out['description'] = 'The request failed.';
  const content: Record<string, unknown> = {};
  for (const media of mediaTypes(response, tree)) {
    if (!isJsonMediaType(media.mediaType)) {
      content[media.mediaType] = copy(media.media, tree, copying);
      continue;
    }
    const kept = new Map<string, unknown>();
    for (const { value, path, holder } of examplesOf(media, tree)) {
      if (!isObject(value) || typeof value['type'] !== 'string' || typeof value['code'] !== 'string') continue;
      if (!types.includes(value['type'] as ErrorType) || !declares(declaration, value['type'], value['code'])) continue;
      // An Example Object (summary, description, value) is kept whole, under its name.
      const named = path[path.length - 3] === 'examples' && path[path.length - 4] !== 'schema';
      const name = named ? String(path[path.length - 2]) : `${value['type']}.${value['code']}`;
      if (!kept.has(name)) kept.set(name, named ? copy(holder, tree, copying) : { value: copy(value, tree, copying) });
    }
    if (kept.size === 0) for (const [name, example] of documentedExamples(types, declaration)) kept.set(name, example);
    content[media.mediaType] = { schema, ...(kept.size ? { examples: Object.fromEntries(kept) } : {}) };
  }
  out['content'] = content;
  out[NARROWED] = MARK;
  copied.count = copying.count;
  return out;
}

/** An example of each type, with its first declared documented code and that code's message. */
function documentedExamples(types: readonly ErrorType[], declaration: Declaration): Array<[string, object]> {
  return types.flatMap((type) => {
    const codes = codesDeclared(declaration, type);
    const code = Array.isArray(codes) ? codes.find((c) => entryOf(type, c)) : undefined;
    const entry = code === undefined ? undefined : entryOf(type, code);
    return entry ? [[`${type}.${entry.code}`, { summary: entry.message, value: { type, code: entry.code, message: entry.message } }] as [string, object]] : [];
  });
}

/**
 * More values than narrowing copies into components in one run: more than the responses of a spec
 * within the CLI's 64 MiB hold (a value takes a few bytes of text at least), far less than what a
 * YAML alias repeating a node into millions expands to. Bounds the time and memory of a hostile spec.
 */
const MAX_COPIED = 10_000_000;

/** A response narrowing would copy more than MAX_COPIED values of (YAML aliases repeated into millions): nothing is narrowed. */
export class CopyLimitError extends Error {
  constructor(readonly path: JsonPath) {
    super(`narrowing copies a response's members into its component, and this one and those before it hold more than ${MAX_COPIED.toLocaleString('en')} values (YAML aliases that repeat a node into millions?): share the large part with $ref`);
  }
}

/** How many values the copies of one run have made, and of which response. */
interface Copying {
  count: number;
  readonly path: JsonPath;
}

/** A plain copy of a node, its $refs followed (a narrowed component stands on its own), counted against MAX_COPIED. */
function copy(node: unknown, tree: Tree, copying: Copying, depth = 0): unknown {
  if (++copying.count > MAX_COPIED) throw new CopyLimitError(copying.path);
  if (typeof node !== 'object' || node === null || depth > 64) return node;
  if (Array.isArray(node)) return node.map((_, i) => copy(tree.get(node, i), tree, copying, depth + 1));
  return Object.fromEntries(Object.keys(node).map((key) => [key, copy(tree.get(node, key), tree, copying, depth + 1)]));
}

/** The components of a kind the document has, by name, with whether narrowing wrote them. */
function componentsOf(root: unknown, tree: Tree, kind: 'schemas' | 'responses'): ExistingComponents {
  const map = tree.get(tree.get(root, 'components'), kind);
  return new Map(
    (isObject(map) ? Object.keys(map) : []).map((name) => {
      const value = tree.get(map, name);
      return [name, { value, ours: isObject(value) && value[NARROWED] === MARK }];
    }),
  );
}

