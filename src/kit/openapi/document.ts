// What a lint check sees of the user's OpenAPI document, whichever engine runs it. Each engine
// (Spectral, Redocly) hands the checks a `Tree`: members are read through it, so that a `$ref` is
// followed the way that engine resolves it. A check reports a `Finding` by the path it walked;
// the engine's adapter turns that path into a place in the user's file (see `Finding.use`).

export type JsonPath = ReadonlyArray<string | number>;

/** How the checks read the document. */
export interface Tree {
  /** `node[key]`, with a `$ref` followed; undefined when it is absent or cannot be resolved. */
  get(node: unknown, key: string | number): unknown;
  /**
   * Where an object read through `get` (at `path` from the root) is written, when that is a file
   * other than the document's own (a $ref led there): the file, the JSON pointer in it
   * (`/components/schemas/A`), and whether it is a file of an installed package (in
   * node_modules). Left out by a reader that cannot tell.
   */
  origin?(node: object, path: JsonPath): Origin | undefined;
  /** The files the document's $refs lead to, or a list that holds them and more; left out when unknown. */
  files?(): Iterable<string>;
}

export interface Origin {
  readonly file: string;
  readonly pointer: string;
  readonly installed: boolean;
}

/** One problem a check found. */
export interface Finding {
  readonly message: string;
  /** From the document root, through $refs as `Tree.get` follows them. */
  readonly path: JsonPath;
  /**
   * Where the finding is placed. Without `use`, at the node the path ends on, where the user
   * wrote it (following their own $refs; never into an installed package). With `use`, the first
   * `use` segments (an operation) are placed that way, and below them the finding stays on the
   * first $ref it meets: the mistake is that use of the component, not the component itself.
   */
  readonly use?: number;
  /**
   * Components of this package's document the message suggests (`#/components/...`): the adapter
   * writes each as a $ref that resolves from the user's file, at the message's `{ref}` tokens in
   * order (one component, or one per token).
   */
  readonly suggest?: string | readonly string[];
  /**
   * Reported only when the first `written` segments of the path lead through the user's files
   * (their $refs into an installed package are not followed there): what an installed package
   * wrote, and the user took whole, is not theirs to change. Below them, a $ref into the package
   * is the user's choice, and the finding is placed on it.
   */
  readonly written?: number;
}

export type OpenApiVersion = '3.0' | '3.1';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Reference Object: `{ $ref: string }`, possibly with siblings. */
export function isRef(value: unknown): value is { $ref: string } {
  return isObject(value) && typeof value['$ref'] === 'string';
}

/** The OpenAPI version of a document, or undefined for one this kit does not lint (Swagger 2.0, others). */
export function openApiVersion(root: unknown): OpenApiVersion | undefined {
  const version = isObject(root) ? root['openapi'] : undefined;
  if (typeof version !== 'string') return undefined;
  if (version.startsWith('3.0')) return '3.0';
  if (/^3\.[1-9]/.test(version)) return '3.1';
  return undefined;
}

/** The members of an object node that are not extensions (`x-...`). */
export function keysOf(node: unknown): string[] {
  if (!isObject(node)) return [];
  const keys = [];
  for (const key of Object.keys(node)) if (!key.startsWith('x-')) keys.push(key);
  return keys;
}
