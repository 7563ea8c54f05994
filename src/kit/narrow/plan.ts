// Narrowing: what each operation's `x-payment-errors` declaration becomes in the document, so that
// every tool downstream (types, docs, mock servers) sees exactly what the operation may send.
// Each error response of a declaring operation becomes a $ref to a response component whose body
// is a discriminated union of exactly the declared types, each with exactly the declared codes,
// their messages and how-to-fix, and examples of declared pairs only. Equal declarations share the
// same components. This module only plans the change; the CLI applies it to the text of a file
// (apply-text.ts), the Redocly decorator to the document being bundled.
import { httpStatusByType, schemaByType } from '../../../generated/error-catalog.ts';
import { errorTypeSchemas } from '../../../generated/error-schemas.ts';
import { codesDeclared, DECLARATION, declares, type Declaration, type DeclaredCodes } from '../../runtime/declaration.ts';
import { declarationOf } from '../openapi/declarations.ts';
import { isObject, type JsonPath, type Tree } from '../openapi/document.ts';
import { pointerKey, resolvePointer } from '../openapi/pointer.ts';
import { DATA, forEachRef, keyTree } from '../openapi/refs.ts';
import { analyseErrorSchema } from '../openapi/error-schema.ts';
import { errorResponses, examplesOf, isJsonMediaType, mediaTypes, misplacedDeclarations, operationName as name, operations, type OperationAt, type ResponseAt } from '../openapi/walk.ts';
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

/** Plans the narrowing of a document read through `tree`. Throws CopyLimitError for a response too large to copy. */
export function planNarrowing(root: unknown, tree: Tree): NarrowPlan {
  const existing = { schemas: componentsOf(root, tree, 'schemas'), responses: componentsOf(root, tree, 'responses') };
  const names = { schemas: new Names(existing.schemas), responses: new Names(existing.responses) };
  const responses: Array<{ path: JsonPath; component: string }> = [];
  const done = new WeakMap<object, Map<string, { component: string; types: readonly ErrorType[] }>>();
  const problems: Array<{ path: JsonPath; message: string }> = [];
  const copied = { count: 0 };
  for (const { path, message } of misplacedDeclarations(root, tree)) problems.push({ path, message });
  for (const operation of operations(root, tree)) {
    const read = declarationOf(operation.operation, tree);
    if (!read) continue;
    const at = [...operation.path, DECLARATION];
    if (read.problems.length > 0) {
      for (const problem of read.problems) problems.push({ path: [...at, ...problem.path], message: problem.message });
      continue;
    }
    // After a problem nothing is written: what each operation would leave out is still told, nothing more is made.
    const planning = problems.length === 0;
    const prefix = operationName(operation);
    // Equal declarations narrow alike, whatever the order of their codes.
    const declaration = inContractOrder(read.declaration);
    const declared = canonical(Object.fromEntries(declaration));
    // The declared types some narrowed response carries: narrowing says nothing of the others.
    const carried = new Set<ErrorType>();
    for (const response of errorResponses(operation, tree)) {
      // The same response (a shared component) under equal declarations narrows to the same component.
      const cached = planning ? done.get(response.response)?.get(`${declared} ${response.status.key}`) : undefined;
      if (cached) {
        responses.push({ path: response.path, component: cached.component });
        for (const type of cached.types) carried.add(type);
        continue;
      }
      const types = typesOf(response, declaration, tree);
      if (types.length === 0) continue;
      for (const type of types) carried.add(type);
      if (!planning) continue;
      const schema = bodySchema(types, declaration, response, prefix, names.schemas);
      const content = narrowedResponse(response, types, declaration, schema, tree, copied);
      const component = names.responses.name(`${prefix}${responseName(response)}`, () => content);
      responses.push({ path: response.path, component });
      const byDeclaration = done.get(response.response) ?? new Map<string, { component: string; types: readonly ErrorType[] }>();
      done.set(response.response, byDeclaration.set(`${declared} ${response.status.key}`, { component, types }));
    }
    // Less narrowed than declared is no success: the type would be left out without a word.
    for (const type of declaration.keys()) {
      if (carried.has(type)) continue;
      const status = httpStatusByType[type];
      problems.push({
        path: [...at, type],
        message: `${name(operation)} declares ${type}, but none of its error responses carries it (a ${status}, ${String(status)[0]}XX or default response whose JSON body is the contract's error body): narrowing would leave it out. Add such a response, or leave ${type} out of the declaration`,
      });
    }
  }
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

/** The declaration with each list of codes in the contract's order (codes of an open type: alphabetical). */
function inContractOrder(declaration: Declaration): Declaration {
  return new Map(
    [...declaration].map(([type, codes]): [ErrorType, DeclaredCodes] => {
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

/** The schema of a narrowed body: the one type, or a discriminated union of them. Resolves to a $ref. */
function bodySchema(types: readonly ErrorType[], declaration: Declaration, response: ResponseAt, prefix: string, names: Names): { $ref: string } {
  const refs = types.map((type) => {
    const key = `type ${type} ${JSON.stringify(declaration.get(type))}`;
    return { type, $ref: `#/components/schemas/${names.name(`${prefix}${schemaName(type)}`, () => typeSchema(type, declaration), key)}` };
  });
  if (refs.length === 1) return { $ref: refs[0]!.$ref };
  const status = response.status.class;
  const union = {
    description: `The body of a failed response${status ? ` with HTTP ${status}` : ''}: one of the error types the operation declares (its ${DECLARATION}), told apart by \`type\`.`,
    oneOf: refs.map(({ $ref }) => ({ $ref })),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(refs.map(({ type, $ref }) => [type, $ref])) },
    [NARROWED]: MARK,
  };
  const name = status === 400 ? 'BadRequestErrorBody' : 'ErrorBody';
  return { $ref: `#/components/schemas/${names.name(`${prefix}${name}`, () => union, `union ${status} ${refs.map((r) => r.$ref).join(' ')}`)}` };
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
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly written_ = new Map<string, object>();
  constructor(private readonly existing: Map<string, { value: unknown; ours: boolean }>) {}

  /** The name of a component; `key` stands for its content when the caller knows one (else the content's canonical text). */
  name(wanted: string, make: () => object, key?: string): string {
    const known = key === undefined ? undefined : this.byKey.get(key);
    if (known) return known;
    const content = make();
    const name = this.named(wanted, content);
    if (key !== undefined) this.byKey.set(key, name);
    return name;
  }

  private named(wanted: string, content: object): string {
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

/** An operation's name for components: its operationId in PascalCase, or its method and path. */
function operationName({ operation, path }: OperationAt): string {
  const id = operation['operationId'];
  const words = typeof id === 'string' && id.trim() ? id : `${String(path[2])} ${String(path[1])}`;
  const name = words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return /^[A-Za-z]/.test(name) ? name : `Operation${name}`;
}

function responseName({ status }: ResponseAt): string {
  if (status.key === 'default') return 'Error';
  if (Number(status.key) === 400 || status.key.toUpperCase() === '4XX') return status.exact ? 'BadRequest' : 'ClientError';
  if (Number(status.key) === 500 || status.key.toUpperCase() === '5XX') return status.exact ? 'InternalServerError' : 'ServerError';
  return `Status${status.key}`;
}

function schemaName(type: ErrorType): string {
  return schemaByType[type];
}
