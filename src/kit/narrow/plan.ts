// Narrowing: what each operation's `x-payment-errors` declaration becomes in the document, so that
// every tool downstream (types, docs, mock servers) sees exactly what the operation may send.
// Each error response of a declaring operation becomes a $ref to a response component whose body
// is a discriminated union of exactly the declared types, each with exactly the declared codes,
// their messages and how-to-fix, and examples of declared pairs only. Equal declarations share the
// same components, named by what they hold (see "Names" below). This module only plans the change; the CLI applies it to the text of a file
// (apply-text.ts), the Redocly decorator to the document being bundled.
import { httpStatusByType, schemaByType } from '../../../generated/error-catalog.ts';
import { errorTypeSchemas } from '../../../generated/error-schemas.ts';
import { codesDeclared, DECLARATION, declares, type Declaration, type DeclaredCodes } from '../../runtime/declaration.ts';
import { declarationOf } from '../openapi/declarations.ts';
import { isObject, type JsonPath, type Tree } from '../openapi/document.ts';
import { pointerKey, resolvePointer } from '../openapi/pointer.ts';
import { DATA, forEachRef, keyTree } from '../openapi/refs.ts';
import { analyseErrorSchema } from '../openapi/error-schema.ts';
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
 * (see `wantedName`), the same whatever the order of the operations: every component is worked
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

/**
 * The components of one kind to be written, by a key that stands for their content, each with the
 * names of the declarations that lead to it; named together once all are known.
 */
class Wanted {
  private readonly wanted = new Map<string, { content: object; name: (labels: readonly string[]) => string; labels: Set<string> }>();

  add(key: string, label: string | undefined, make?: () => { content: object; name: (labels: readonly string[]) => string }): void {
    let one = this.wanted.get(key);
    if (!one) {
      if (!make) throw new Error(`narrowing: no component for ${key}`);
      this.wanted.set(key, (one = { ...make(), labels: new Set() }));
    }
    if (label !== undefined) one.labels.add(label);
  }

  /**
   * Names every component by what it holds and the names of the declarations that lead to it, in
   * the order of the wanted names and then of the contents, so that where two want one name the
   * same one gets the number whatever the order of the operations. Resolves to each key's name,
   * after `prefix`.
   */
  assign(names: Names, prefix: string): Map<string, string> {
    const named = [...this.wanted].map(([key, { content, name, labels }]) => ({ key, content, wanted: name([...labels].sort()), text: canonical(content) }));
    named.sort((a, b) => compare(a.wanted, b.wanted) || compare(a.text, b.text));
    // What an earlier run wrote under one of these names, and is wanted again, keeps its name: a new
    // declaration elsewhere does not rename what the generated types already call it.
    for (const { content, wanted } of named) names.keep(wanted, content);
    return new Map(named.map(({ key, content, wanted }) => [key, `${prefix}${names.name(wanted, content)}`]));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The declaration with its types, and each list of codes, in the contract's order (codes of an open type: alphabetical). */
function inContractOrder(declaration: Declaration): Declaration {
  const typeOrder = Object.keys(httpStatusByType);
  return new Map(
    [...declaration].sort(([a], [b]) => typeOrder.indexOf(a) - typeOrder.indexOf(b)).map(([type, codes]): [ErrorType, DeclaredCodes] => {
      if (codes === 'all') return [type, codes];
      const order = codesOf(type);
      const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
      return [type, [...codes].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))];
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
function componentsOf(root: unknown, tree: Tree, kind: 'schemas' | 'responses'): Map<string, { value: unknown; ours: boolean }> {
  const map = tree.get(tree.get(root, 'components'), kind);
  return new Map(
    (isObject(map) ? Object.keys(map) : []).map((name) => {
      const value = tree.get(map, name);
      return [name, { value, ours: isObject(value) && value[NARROWED] === MARK }];
    }),
  );
}

/**
 * Component names: one per distinct content (equal declarations share it), the wanted name when
 * it is free, ours from an earlier run, or already holds this content; else the wanted name and
 * a number.
 */
class Names {
  private readonly byContent = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly written_ = new Map<string, object>();
  constructor(private readonly existing: Map<string, { value: unknown; ours: boolean }>) {}

  /** The name of a component holding `content`: the wanted name, else the wanted name and a number. */
  name(wanted: string, content: object): string {
    const key = canonical(content);
    const known = this.byContent.get(key);
    if (known) return known;
    for (let n = 1; ; n++) {
      const name = n === 1 ? wanted : `${wanted}${n}`;
      if (this.taken.has(name)) continue;
      const there = this.existing.get(name);
      if (there && !there.ours && canonical(there.value) !== key) continue;
      this.taken.add(name);
      this.byContent.set(key, name);
      if (!there || canonical(there.value) !== key) this.written_.set(name, content);
      return name;
    }
  }

  /** Takes the name an earlier run gave the same content (the wanted name, or it and a number), if there is one. */
  keep(wanted: string, content: object): void {
    const key = canonical(content);
    if (this.byContent.has(key)) return;
    for (const [name, there] of this.existing) {
      if (!there.ours || this.taken.has(name) || (name !== wanted && !new RegExp(`^${wanted}[0-9]+$`).test(name)) || canonical(there.value) !== key) continue;
      this.taken.add(name);
      this.byContent.set(key, name);
      return;
    }
  }

  written(): ReadonlyMap<string, object> {
    return this.written_;
  }

  unused(): string[] {
    return [...this.existing].filter(([name, { ours }]) => ours && !this.taken.has(name)).map(([name]) => name);
  }
}

/** JSON with sorted keys: equal content, equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

// ---------------------------------------------------------------------------------------------
// Names: what a component holds, in PascalCase, never a name the package's document uses (a
// bundle carries those too). What one declaration with a name of its own (shared by $ref) leads
// to, and no other, is named after it; a type declared with all its codes, or a response narrowed
// to all the contract sends with its status, says so (`AnyCode`); anything else is named by its
// types and codes.

/** The name of the declaration an operation $refs (`CardPayment` for `#/components/x-payment-errors/CardPayment`, `card-payment.yaml` too); undefined for one written out. */
function declarationLabel(operation: Record<string, unknown>): string | undefined {
  const value = operation[DECLARATION];
  const ref = isObject(value) && typeof value['$ref'] === 'string' ? value['$ref'] : undefined;
  if (ref === undefined) return undefined;
  const [file = '', pointer] = ref.split('#', 2);
  const last = pointer !== undefined && pointer !== '' ? pointerKey(pointer.slice(pointer.lastIndexOf('/') + 1)) : file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/i, '');
  const name = last === undefined ? '' : pascal(last);
  return name === '' ? undefined : name;
}

/** Words (split at anything not a letter or digit) in PascalCase: `3DS_required` is 3DSRequired. */
function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** A list of names, short: up to `most` as they are, more as the first and how many others. */
function few(words: readonly string[], most: number): string {
  return words.length <= most ? words.join('Or') : `${words[0]}And${words.length - 1}More`;
}

/** A type's schema narrowed to its declared codes: `PaymentErrorAnyCode` (all), `CardPaymentPaymentError`, `PaymentErrorExpiredCardOrFraud`. */
function typeSchemaName(type: ErrorType, codes: DeclaredCodes, labels: readonly string[]): string {
  const schema = schemaByType[type];
  if (codes === 'all') return `${schema}AnyCode`;
  return labels.length === 1 ? `${labels[0]}${schema}` : `${schema}${few(codes.map(pascal), 2)}`;
}

/** The types of a status class (undefined: default, every type). */
function typesSentWith(status: 400 | 500 | undefined): ErrorType[] {
  return (Object.keys(httpStatusByType) as ErrorType[]).filter((t) => status === undefined || httpStatusByType[t] === status);
}

/** Whether a response narrowed to `types` holds all the contract sends with its status: every type of it, each with all its codes. */
function wholeStatus(types: readonly ErrorType[], declaration: Declaration, status: 400 | 500 | undefined): boolean {
  const all = typesSentWith(status);
  return all.length === types.length && all.every((t) => types.includes(t) && declaration.get(t) === 'all');
}

/** The types of a narrowed body: `InvalidRequestOrPayment`, `InvalidRequestAnd3More`. */
function typesLabel(types: readonly ErrorType[]): string {
  return few(types.map((t) => schemaByType[t].replace(/Error$/, '')), 3);
}

/** `CardPaymentBadRequestErrorBody`, `InvalidRequestOrPaymentErrorBody`. */
function unionName(types: readonly ErrorType[], status: 400 | 500 | undefined, labels: readonly string[]): string {
  return labels.length === 1 ? `${labels[0]}${status === 400 ? 'BadRequestErrorBody' : 'ErrorBody'}` : `${typesLabel(types)}ErrorBody`;
}

/** `InternalServerErrorAnyCode`, `CardPaymentBadRequest`, `InvalidRequestBadRequest`, `ApiStatus503`. */
function responseComponentName(response: ResponseAt, types: readonly ErrorType[], declaration: Declaration, labels: readonly string[]): string {
  const name = responseName(response);
  if (wholeStatus(types, declaration, response.status.class)) return `${name}AnyCode`;
  return labels.length === 1 ? `${labels[0]}${name}` : `${typesLabel(types)}${name}`;
}

function responseName({ status }: ResponseAt): string {
  if (status.key === 'default') return 'Error';
  if (Number(status.key) === 400 || status.key.toUpperCase() === '4XX') return status.exact ? 'BadRequest' : 'ClientError';
  if (Number(status.key) === 500 || status.key.toUpperCase() === '5XX') return status.exact ? 'InternalServerError' : 'ServerError';
  return `Status${status.key}`;
}
