// Reads a spec for the CLI (narrow, check --spec): the file, and every file its $refs lead to,
// into one `Tree` that follows $refs the way the linters do. File access and path arithmetic are
// passed in (bin/ does them with Node), so this stays free of Node.
import { isObject, isRef, type Tree } from './document.ts';
import { resolvePointer } from './pointer.ts';
import { DATA, forEachRef } from './refs.ts';
import { readSource, SourceError, type Source, type YamlModule } from './source.ts';

export interface SpecFiles {
  /** The text of a file; rejects with a message when it cannot be read (or is too large). */
  read(file: string): Promise<string>;
  /** The file a relative reference leads to, from a file. */
  resolve(fromFile: string, relative: string): string;
  /** The js-yaml package, when it is installed: YAML needs it. */
  yaml(): Promise<YamlModule | undefined>;
  /**
   * The JSON twin of a YAML document this package ships (generated/openapi.json beside
   * generated/openapi.yaml, in a folder whose package.json names this package), or undefined.
   * The same data, read without a YAML parser: a JSON spec that $refs the package's YAML needs none.
   */
  jsonTwin(file: string): Promise<string | undefined>;
}

export interface LoadedSpec {
  readonly file: string;
  readonly source: Source;
  readonly tree: Tree;
}

/** What went wrong reading a spec, naming the file and the place. */
export class SpecError extends Error {}

/** More files than any spec has: a $ref loop through generated names cannot run away. */
const MAX_FILES = 500;

/** Reads a spec; `places`: where each value of its own file is written, for narrowing to change it (check --spec changes nothing). */
export async function loadSpec(file: string, files: SpecFiles, places = true): Promise<LoadedSpec> {
  const sources = new Map<string, Source>();
  const pending = [file];
  while (pending.length > 0) {
    const next = pending.shift()!;
    if (sources.has(next)) continue;
    if (sources.size >= MAX_FILES) throw new SpecError(`${file}: its $refs lead to more than ${MAX_FILES} files`);
    // Only the spec's own file is changed: the places of values are needed in it alone.
    const source = await parse(next, files, places && next === file);
    sources.set(next, source);
    for (const ref of refsOf(source.data)) {
      const part = ref.split('#')[0] ?? '';
      if (!part || /^[a-z][a-z0-9+.-]*:/i.test(part)) continue;
      const path = decoded(part, decodeURI);
      if (path === undefined) throw new SpecError(`${next}: the $ref ${JSON.stringify(ref)} is not a well-formed URI (a %-escape in it does not decode)`);
      pending.push(files.resolve(next, path));
    }
  }
  const root = sources.get(file)!;
  return { file, source: root, tree: specTree(root.data, file, sources, files) };
}

async function parse(file: string, files: SpecFiles, places: boolean): Promise<Source> {
  // The package's own documents are read from their JSON twins: never changed, so no places needed.
  const twin = places ? undefined : await files.jsonTwin(file);
  let text: string;
  try {
    text = await files.read(twin ?? file);
  } catch (error) {
    throw new SpecError(`${twin ?? file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (twin) return parseAs(twin, text, 'json', undefined, false);
  const format = /\.json$/i.test(file) || /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'yaml';
  const yaml = format === 'yaml' ? await files.yaml() : undefined;
  if (format === 'yaml' && !yaml) throw new SpecError(`${file}: reading YAML needs the js-yaml package: npm install --save-dev js-yaml (JSON needs nothing)`);
  return parseAs(file, text, format, yaml, places);
}

function parseAs(file: string, text: string, format: 'json' | 'yaml', yaml: YamlModule | undefined, places: boolean): Source {
  try {
    return readSource(text, format, yaml, places);
  } catch (error) {
    if (error instanceof SourceError) throw new SpecError(`${file}:${error.line}:${error.col}: ${error.message}`);
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
    if (path === undefined) return undefined;
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
