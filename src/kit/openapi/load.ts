// Reads a spec for the CLI (narrow, check --spec, check --har) and the test matcher: the file, and
// every file its $refs lead to, into one `Tree` that follows $refs the way the linters do. File
// access and path arithmetic are passed in (spec-files.ts does them with Node), so this stays free
// of Node.
import { isObject, isRef, type Tree } from './document.ts';
import { resolvePointer } from './pointer.ts';
import { DATA, forEachRef } from './refs.ts';
import { readSource, SourceError, type Source } from './source.ts';

export interface SpecFiles {
  /**
   * Which file a path names, the same for every name of one file (symbolic or hard links): a
   * file reached through several names is read once. Rejects with a message when it cannot be read.
   */
  identify(file: string): Promise<string>;
  /**
   * The text of a regular file and its size, or undefined when it has more than `maxBytes` bytes
   * (reading stops there). Rejects with a message when it cannot be read: missing, not UTF-8, or
   * not a regular file (a named pipe, a device, a socket or a folder is never opened for reading).
   */
  read(file: string, maxBytes: number): Promise<{ readonly text: string; readonly bytes: number } | undefined>;
  /** The file a relative reference leads to, from a file. */
  resolve(fromFile: string, relative: string): string;
  /**
   * The JSON twin of a YAML document this package ships (generated/openapi.json beside
   * generated/openapi.yaml, in a folder whose package.json names this package), or undefined.
   * The same data, read faster: a spec that $refs the package's YAML reads its JSON.
   */
  jsonTwin(file: string): Promise<string | undefined>;
}

export interface LoadedSpec {
  readonly file: string;
  readonly source: Source;
  readonly tree: Tree;
}

/**
 * What went wrong reading a spec, naming the file and the place. `cannot-narrow`: the spec is read
 * (check --spec can use it), but narrow cannot place its changes in its text.
 */
export class SpecError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreadable' | 'cannot-narrow' = 'unreadable',
  ) {
    super(message);
  }
}

/** More files than any spec has: a $ref loop through generated names cannot run away. */
const MAX_FILES = 500;
/** The most a spec and every file its $refs lead to may hold, in all: far above any real spec, far below what would exhaust memory. */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;
const MAX_SPEC_TEXT = `${MAX_SPEC_BYTES / 1024 / 1024} MiB`;

/** Reads a spec; `places`: where each value of its own file is written, for narrowing to change it (check --spec changes nothing). */
export async function loadSpec(file: string, files: SpecFiles, places = true): Promise<LoadedSpec> {
  const sources = new Map<string, Source>();
  // A file read once, however many names lead to it; per folder it is named from, since its relative $refs resolve from there.
  const read = new Map<string, Source>();
  let budget = MAX_SPEC_BYTES;
  const pending = [file];
  while (pending.length > 0) {
    const next = pending.shift()!;
    if (sources.has(next)) continue;
    if (sources.size >= MAX_FILES) throw new SpecError(`${file}: its $refs lead to more than ${MAX_FILES} files`);
    const id = `${await attempt(next, () => files.identify(next))}\u0000${files.resolve(next, '.')}`;
    let source = read.get(id);
    if (!source) {
      // Only the spec's own file is changed: the places of values are needed in it alone.
      const parsed = await parse(next, files, places && next === file, budget, next === file);
      source = parsed.source;
      budget -= parsed.bytes;
      read.set(id, source);
    }
    sources.set(next, source);
    for (const ref of refsOf(source.data)) {
      const part = ref.split('#')[0] ?? '';
      if (!part || isUrl(part)) continue;
      const path = decoded(part, decodeURI);
      if (path === undefined) throw new SpecError(`${next}: the $ref ${JSON.stringify(ref)} is not a well-formed URI (a %-escape in it does not decode)`);
      pending.push(files.resolve(next, path));
    }
  }
  const root = sources.get(file)!;
  return { file, source: root, tree: specTree(root.data, file, sources, files) };
}

/** A $ref to a URL (never fetched: no calls home): a scheme (`https:`), or a host with no scheme (`//host/x`). */
function isUrl(part: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(part) || part.startsWith('//');
}

/** What `io` gives, or a SpecError naming the file and why it cannot be read. */
async function attempt<T>(file: string, io: () => Promise<T>): Promise<T> {
  try {
    return await io();
  } catch (error) {
    throw new SpecError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function parse(file: string, files: SpecFiles, places: boolean, budget: number, first: boolean): Promise<{ source: Source; bytes: number }> {
  // The package's own documents are read from their JSON twins: never changed, so no places needed.
  const twin = places ? undefined : await files.jsonTwin(file);
  const name = twin ?? file;
  const read = await attempt(name, () => files.read(name, budget));
  if (!read) {
    throw new SpecError(
      first ? `${name}: it is larger than ${MAX_SPEC_TEXT}, more than a spec file has` : `${name}: with it, the spec and the files its $refs lead to hold more than ${MAX_SPEC_TEXT} in all, more than a spec has`,
    );
  }
  const { text, bytes } = read;
  if (twin) return { source: parseAs(twin, text, 'json', false), bytes };
  // JSON by its name, or by its first character when the name says neither (a .yaml file in flow style is YAML).
  const json = /\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && /^\uFEFF?\s*[{[]/.test(text) && isJson(text));
  return { source: parseAs(file, text, json ? 'json' : 'yaml', places), bytes };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

function parseAs(file: string, text: string, format: 'json' | 'yaml', places: boolean): Source {
  try {
    return readSource(text, format, places);
  } catch (error) {
    if (error instanceof SourceError) throw new SpecError(`${file}:${error.line}:${error.col}: ${error.message}`, error.kind);
    throw new SpecError(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** Every $ref to another file in a document. */
function refsOf(data: unknown): string[] {
  const refs: string[] = [];
  forEachRef([{ node: data }], (_holder, ref) => void (ref[0] !== '#' && refs.push(ref)), DATA);
  return refs;
}

/** A Tree over the files: a $ref is followed from the file it is written in. */
function specTree(root: unknown, file: string, sources: ReadonlyMap<string, Source>, files: SpecFiles): Tree {
  const fileOf = new WeakMap<object, string>();
  if (typeof root === 'object' && root !== null) fileOf.set(root, file);
  const followed = new Map<string, { value: unknown; file: string } | undefined>();
  const follow = (ref: string, from: string): { value: unknown; file: string } | undefined => {
    const key = `${from}\u0000${ref}`;
    if (followed.has(key)) return followed.get(key);
    const found = find(ref, from);
    followed.set(key, found);
    return found;
  };
  const find = (ref: string, from: string): { value: unknown; file: string } | undefined => {
    const [part = '', pointer = ''] = ref.split('#');
    const path = part ? decoded(part, decodeURI) : '';
    if (path === undefined || isUrl(part)) return undefined;
    const target = path ? files.resolve(from, path) : from;
    const value = resolvePointer(sources.get(target)?.data, pointer);
    return value === undefined ? undefined : { value, file: target };
  };
  return {
    get(node, key) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
      let value = (node as Record<string | number, unknown>)[key];
      let from = fileOf.get(node) ?? file;
      // A chain of $refs, followed; a loop of them resolves to nothing.
      for (let hops = 0; isRef(value); hops++) {
        const next = hops < 32 ? follow(value.$ref, from) : undefined;
        if (!next) return undefined;
        value = next.value;
        from = next.file;
      }
      if (isObject(value) || Array.isArray(value)) {
        if (!fileOf.has(value)) fileOf.set(value, from);
      }
      return value;
    },
  };
}

/** `text` decoded, or undefined when a %-escape in it does not decode (the decoders throw). */
function decoded(text: string, decode: (text: string) => string): string | undefined {
  try {
    return decode(text);
  } catch {
    return undefined;
  }
}
