// Redocly's lint and bundler read openapi/ themselves; here they get it through this resolver,
// which reads every file first, strictly (source-text.js: UTF-8, bounded YAML aliases), so that
// what Redocly would end on with a stack trace, an unhandled rejection or a stack overflow blamed
// on another file is a problem naming the file and line instead, before Redocly runs:
//   - a root document that is empty or not a map;
//   - a $ref that leads back to itself (Redocly throws "Self-referencing circular pointer");
//   - a schema composed of itself (allOf, anyOf, oneOf, not, if/then/else leading back to it:
//     no value can ever be checked against it, and every tool that tries overflows its stack).
// Only files are read: a $ref to a URL is refused (no calls home), and so is a $ref to something
// that is no regular file or is too large (source-text.js), named where the $ref is.
import path from 'node:path';
import { BaseResolver, ResolveError, Source, YamlParseError, getLineColLocation, isAbsoluteUrl, unescapePointerFragment } from '@redocly/openapi-core';
import { SPEC } from './layout.js';
import { SourceError, displayName, readSourceText } from './source-text.js';

/** Keywords whose schemas apply to the same value as the schema they are in. */
const IN_PLACE = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else'];

/**
 * Reads openapi/ (the root document and every file a $ref reaches) through a SourceResolver, and
 * when nothing is wrong with the files themselves, runs a Redocly command on what was read.
 * Redocly runs only then: on a $ref cycle it throws (once per chain, most of them as unhandled
 * rejections), and on a schema composed of itself its example check overflows the stack.
 * @template T
 * @param {string} root
 * @param {(resolver: BaseResolver) => Promise<T>} command e.g. `(r) => lint({ ..., externalRefResolver: r })`
 * @returns {Promise<{ result: T, problems: [] } | { result: undefined, problems: import('./problems.js').Problem[] }>}
 */
export async function throughSources(root, command) {
  const resolver = new SourceResolver(root);
  const problems = await resolver.readAll();
  if (problems.length) return { result: undefined, problems };
  return { result: await command(resolver), problems: [] };
}

class SourceResolver extends BaseResolver {
  /** @param {string} root */
  constructor(root) {
    super();
    this.root = root;
    /** @type {import('./problems.js').Problem[]} */
    this.problems = [];
    /** Files refused as a whole (no regular file, too large), by absolute path: told where the $ref to them is. @type {Map<string, SourceError>} */
    this.refused = new Map();
  }

  /** @param {string} file absolute @param {{ line: number, col: number }} at @param {string} rule @param {string} message */
  report(file, at, rule, message) {
    // As in Redocly's other messages (redocly-problems.js), paths are relative to the project.
    this.problems.push({ severity: 'error', source: 'source', rule, message: message.replaceAll(this.root + path.sep, ''), file: path.relative(this.root, file), ...at });
  }

  /**
   * Reads the root document and every file its $refs reach, as Redocly will (it reuses what was
   * read). Returns what is wrong with them; a file that cannot be found or parsed is left to
   * Redocly, which names it where the $ref is.
   * @returns {Promise<import('./problems.js').Problem[]>}
   */
  async readAll() {
    /** @type {Map<string, { source: Source, parsed: unknown }>} */
    const documents = new Map();
    /** @type {Array<[string | null, string, string]>} base, ref, the JSON pointer of the $ref in base */
    const todo = [[null, path.join(this.root, SPEC), '']];
    /** @type {Set<string>} files refused and reported */
    const told = new Set();
    for (let next = todo.pop(); next; next = todo.pop()) {
      const [base, ref, pointer] = next;
      const file = this.resolveExternalRef(base, ref);
      if (documents.has(file) || told.has(file) || isAbsoluteUrl(file)) continue;
      let document;
      try {
        document = /** @type {{ source: Source, parsed: unknown }} */ (await this.resolveDocument(base, ref, base === null));
      } catch (error) {
        const refused = this.refused.get(file);
        const from = base === null ? undefined : documents.get(base)?.source;
        if (refused && from) {
          told.add(file);
          const at = getLineColLocation({ source: from, pointer, reportOnKey: false }).start;
          const name = displayName(this.root, file);
          this.report(from.absoluteRef, at, refused.problem.rule, `$ref ${ref}${ref === name ? '' : ` (${name})`} ${refused.reason}`);
        } else if (refused) {
          told.add(file);
          this.problems.push(refused.problem);
        } else if (base === null && this.problems.length === 0) {
          // Redocly names what is wrong with the other files where the $ref is, but throws on
          // the root document; what was not reported already is reported here.
          this.reportRoot(file, error);
        }
        continue;
      }
      documents.set(file, document);
      for (const [node, at] of placesIn(document.parsed)) {
        const uri = isRef(node) ? node.$ref.split('#')[0] : '';
        if (uri) todo.push([file, uri, `${at === '#/' ? '#' : at}/$ref`]);
      }
    }
    return [...this.problems, ...findCycles(this.root, documents)];
  }

  /** @param {string} file @param {unknown} error */
  reportRoot(file, error) {
    if (error instanceof YamlParseError) return this.report(file, { line: error.line || 1, col: error.col || 1 }, 'yaml', error.message.replace(/ \(\d+:\d+\)$/, ''));
    const cause = /** @type {{ originalError?: NodeJS.ErrnoException }} */ (error).originalError;
    this.report(file, { line: 1, col: 1 }, 'document', cause?.code === 'ENOENT' ? 'the file is missing: it is the root of the document' : String(/** @type {Error} */ (error).message));
  }

  /** @param {string} absoluteRef @override */
  async loadExternalRef(absoluteRef) {
    if (isAbsoluteUrl(absoluteRef)) throw new ResolveError(new Error(`${absoluteRef} is not read: a $ref must name a file of the project`));
    try {
      // As Redocly's own reader does, line ends are made \n.
      return new Source(absoluteRef, (await readSourceText(this.root, absoluteRef)).replace(/\r\n/g, '\n'));
    } catch (error) {
      if (!(error instanceof SourceError)) throw new ResolveError(/** @type {Error} */ (error));
      // A missing file is Redocly's to name where the $ref is (no-unresolved-refs); one that is
      // there but refused as a whole is named there by readAll.
      if (error.problem.rule === 'missing') throw new ResolveError(/** @type {Error} */ (error.cause));
      if (error.reason) this.refused.set(absoluteRef, error);
      else this.problems.push(error.problem);
      throw new ResolveError(error);
    }
  }

  /** @param {Source} source @param {boolean} [isRoot] @override */
  parseDocument(source, isRoot = false) {
    const document = super.parseDocument(source, isRoot);
    const parsed = /** @type {unknown} */ (document.parsed);
    const start = { line: 1, col: 1 };
    if (isRoot && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      const what = parsed === undefined || parsed === null ? 'is empty' : `is ${Array.isArray(parsed) ? 'a list' : 'a text'}`;
      this.report(source.absoluteRef, start, 'document', `the document ${what}: it must be an OpenAPI document (a map with openapi, info, components)`);
      throw new ResolveError(new Error(`${source.absoluteRef} is not an OpenAPI document`));
    }
    if (parsed === undefined) this.report(source.absoluteRef, start, 'document', 'the file is empty: a $ref to it finds nothing');
    return document;
  }
}

/** @param {unknown} parsed @returns {Generator<[object, string]>} each object or array once, with its JSON pointer */
function* placesIn(parsed) {
  const seen = new Set();
  /** @type {Array<[unknown, string]>} */
  const todo = [[parsed, '#']];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [node, pointer] = next;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    yield [node, pointer === '#' ? '#/' : pointer];
    for (const [key, value] of Object.entries(node)) todo.push([value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`]);
  }
}

/**
 * Every cycle of $refs and in-place keywords among the documents the resolver read: a $ref chain
 * that never reaches a value, or a schema composed of itself. One problem per cycle.
 * @param {string} root @param {Map<string, { source: Source, parsed: unknown }>} documents by absolute path
 * @returns {import('./problems.js').Problem[]}
 */
function findCycles(root, documents) {
  /** Where each object was written: its file and JSON pointer. @type {Map<object, { file: string, pointer: string }>} */
  const places = new Map();
  /** @type {object[]} */
  const refs = [];
  for (const [file, { parsed }] of documents) {
    for (const [node, pointer] of placesIn(parsed)) {
      if (places.has(node)) continue;
      places.set(node, { file, pointer });
      if (isRef(node)) refs.push(node);
    }
  }

  /** The node a $ref points at, following $refs met on the way. @param {{ $ref: string }} node @param {number} [hops] @returns {object | undefined} */
  const target = (node, hops = 0) => {
    const from = places.get(node);
    if (!from || hops > 64) return undefined;
    const [uri = '', fragment = ''] = node.$ref.split('#');
    const file = uri ? path.resolve(path.dirname(from.file), uri) : from.file;
    /** @type {unknown} */
    let at = documents.get(file)?.parsed;
    for (const segment of fragment.split('/').filter(Boolean)) {
      if (isRef(at)) at = target(at, hops + 1);
      at = typeof at === 'object' && at !== null ? /** @type {any} */ (at)[unescapePointerFragment(segment)] : undefined;
    }
    return typeof at === 'object' && at !== null ? at : undefined;
  };
  /** The nodes that apply to the same value as this one, each with the keyword that leads there. @param {object} node */
  const inPlace = (node) => {
    /** @type {Array<[string, object]>} */
    const out = [];
    if (isRef(node)) {
      const to = target(node);
      if (to) out.push(['$ref', to]);
    }
    for (const keyword of IN_PLACE) {
      const value = /** @type {any} */ (node)[keyword];
      const items = keyword.endsWith('Of') && Array.isArray(value) ? value : [value];
      items.forEach((item, i) => typeof item === 'object' && item !== null && out.push([Array.isArray(value) ? `${keyword}[${i}]` : keyword, item]));
    }
    return out;
  };

  // Depth first from every $ref (a cycle has one), without recursion: hostile files nest deep.
  /** @type {import('./problems.js').Problem[]} */
  const problems = [];
  /** @type {Map<object, 'open' | 'done'>} */
  const state = new Map();
  for (const start of refs) {
    if (state.has(start)) continue;
    state.set(start, 'open');
    /** @type {Array<{ node: object, via: string, next: Array<[string, object]> }>} the path from start, each with the keyword that led to it */
    const stack = [{ node: start, via: '', next: inPlace(start) }];
    for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
      const edge = frame.next.shift();
      if (!edge) {
        state.set(frame.node, 'done');
        stack.pop();
        continue;
      }
      const [via, node] = edge;
      if (state.get(node) === 'open') problems.push(cycleProblem(root, documents, places, stack.slice(stack.findIndex((step) => step.node === node)), via));
      if (state.has(node)) continue;
      state.set(node, 'open');
      stack.push({ node, via, next: inPlace(node) });
    }
  }
  return problems;
}

/**
 * @param {string} root
 * @param {Map<string, { source: Source }>} documents
 * @param {Map<object, { file: string, pointer: string }>} places
 * @param {Array<{ node: object, via: string }>} cycle from the node reached again, each step with the keyword that led to it
 * @param {string} back the keyword that leads back to the first
 * @returns {import('./problems.js').Problem}
 */
function cycleProblem(root, documents, places, cycle, back) {
  // Told from its first $ref, which is where the cycle is closed or entered.
  const start = Math.max(0, cycle.findIndex((step) => isRef(step.node)));
  const nodes = [...cycle.slice(start), ...cycle.slice(0, start)].map((step) => step.node);
  const exits = [...cycle.slice(1).map((step) => step.via), back];
  const via = [...exits.slice(start), ...exits.slice(0, start)];
  // openapi/x.yaml#/allOf/0 -$ref-> #/ -allOf[0]-> #/allOf/0 : a file is named when the route enters it.
  const route = [...nodes, nodes[0]]
    .map((node, i, all) => {
      const place = places.get(node ?? {});
      const previous = i > 0 ? places.get(all[i - 1] ?? {})?.file : undefined;
      const name = place ? `${place.file === previous ? '' : path.relative(root, place.file)}${place.pointer}` : '?';
      return i === 0 ? name : `-${via[i - 1]}-> ${name}`;
    })
    .join(' ');
  const first = places.get(nodes[0] ?? {});
  const source = first && documents.get(first.file)?.source;
  const at = source ? getLineColLocation({ source, pointer: first.pointer, reportOnKey: false }).start : { line: 1, col: 1 };
  const onlyRefs = via.every((keyword) => keyword === '$ref');
  return {
    severity: 'error',
    source: 'source',
    rule: onlyRefs ? 'ref-cycle' : 'schema-cycle',
    message: onlyRefs
      ? `$ref leads back to itself and never reaches a value: ${route}`
      : `schema is composed of itself, so no value can ever be checked against it: ${route}`,
    file: first ? path.relative(root, first.file) : '',
    line: at.line,
    col: at.col,
  };
}

/** @param {unknown} node @returns {node is { $ref: string }} */
function isRef(node) {
  return typeof node === 'object' && node !== null && typeof (/** @type {any} */ (node).$ref) === 'string';
}
