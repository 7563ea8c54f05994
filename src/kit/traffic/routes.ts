// Which operation of an OpenAPI document a recorded request was sent to: its URL against the
// servers (the operation's own, its path item's, or the document's) and the path templates, its
// method against the operations of the path. Literal segments win over templated ones, as OpenAPI
// says (/payments/mine before /payments/{id}); a request that two operations match as closely is
// ambiguous, and one that none matches is unmatched: neither is ever guessed.
import { splitUrl, type ServerPattern } from './servers.ts';
import { Template, type Piece } from './template.ts';

export interface Route<Operation> {
  readonly operation: Operation;
  /** Lower case, as the path item writes it. */
  readonly method: string;
  /** The path template, as the document writes it. */
  readonly path: string;
  readonly servers: readonly ServerPattern[];
}

export type RouteMatch<Operation> =
  | { readonly kind: 'matched'; readonly route: Route<Operation> }
  | { readonly kind: 'ambiguous'; readonly routes: ReadonlyArray<Route<Operation>> }
  | {
      readonly kind: 'unmatched';
      /** url: it does not parse; server: no server serves its origin and base path; path: no path matches; method: the path has no such operation. */
      readonly reason: 'url' | 'server' | 'path' | 'method';
      readonly message: string;
    };

interface Segment {
  /** The literal segment, or undefined for a templated one. */
  readonly literal: string | undefined;
  /** A templated segment's template (the whole segment), and its text with the variables' names left out ("{}.json"): templates that match alike share a node. */
  readonly template: Template | undefined;
  readonly key: string;
  readonly specificity: 0 | 1 | 2;
}

interface Node<Operation> {
  readonly literals: Map<string, Node<Operation>>;
  readonly templated: Array<{ readonly segment: Segment; readonly node: Node<Operation> }>;
  readonly routes: Array<Route<Operation>>;
}

const newNode = <Operation>(): Node<Operation> => ({ literals: new Map(), templated: [], routes: [] });
const VARIABLE = /^\{[^{}]*\}$/;

function segmentOf(text: string): Segment {
  if (!/\{[^{}]*\}/.test(text)) return { literal: text, template: undefined, key: text, specificity: 2 };
  const parts = text.split(/(\{[^{}]*\})/).filter((part) => part !== '');
  // A path parameter's value is never empty and never holds a slash.
  const pieces = parts.map((part): Piece => (VARIABLE.test(part) ? { values: [], any: true } : { literal: part }));
  const key = parts.map((part) => (VARIABLE.test(part) ? '{}' : part)).join('');
  return { literal: undefined, template: new Template(pieces), key, specificity: VARIABLE.test(text) ? 0 : 1 };
}

/** The matcher for a set of routes: paths in a tree of segments, so that a URL meets only the paths that can match it. */
export class Routes<Operation> {
  private readonly root: Node<Operation> = newNode();
  private readonly servers: ServerPattern[] = [];
  private readonly all: Array<Route<Operation>> = [];

  constructor(routes: Iterable<Route<Operation>>) {
    for (const route of routes) {
      this.all.push(route);
      let node = this.root;
      for (const text of route.path.split('/').slice(1)) {
        const segment = segmentOf(text);
        if (segment.literal !== undefined) {
          let next = node.literals.get(segment.literal);
          if (!next) node.literals.set(segment.literal, (next = newNode()));
          node = next;
        } else {
          let next = node.templated.find((t) => t.segment.key === segment.key)?.node;
          if (!next) node.templated.push({ segment, node: (next = newNode()) });
          node = next;
        }
      }
      node.routes.push(route);
      for (const server of route.servers) if (!this.servers.includes(server)) this.servers.push(server);
    }
  }

  /** The operation a request was sent to, or why there is none (or more than one). */
  match(method: string, url: string): RouteMatch<Operation> {
    // A browser records these too (images inlined, object URLs, blank frames): no server got them.
    const local = NOT_SENT.exec(url);
    if (local) return { kind: 'unmatched', reason: 'server', message: `no request to a server (its scheme is ${local[1]!.toLowerCase()}:)` };
    const split = splitUrl(url);
    if (typeof split === 'string') return { kind: 'unmatched', reason: 'url', message: `the URL does not parse: ${split}` };
    const found: Array<{ route: Route<Operation>; specificity: number[] }> = [];
    let served = false;
    /** Servers of the URL's origin whose base path it does not start with. */
    const otherBases: string[] = [];
    for (const server of this.servers) {
      if (split.origin !== undefined && server.origin && !server.origin.test(split.origin) && !(split.originWithPort !== undefined && server.origin.test(split.originWithPort))) continue;
      const ends = server.base.ends(split.path);
      if (ends.length === 0) {
        // A relative server is "there" for any host: naming it would say nothing of this one.
        if (server.origin) otherBases.push(server.url);
        continue;
      }
      served = true;
      for (const end of ends) {
        const rest = split.path.slice(end) || '/';
        for (const { route, specificity } of this.paths(rest)) {
          if (route.servers.includes(server)) found.push({ route, specificity: [...server.baseSpecificity, ...specificity] });
        }
      }
    }
    if (!served) {
      const bases = otherBases.length ? ` (its servers there: ${otherBases.slice(0, 3).join(', ')}${otherBases.length > 3 ? ', ...' : ''})` : '';
      const message = split.origin === undefined || otherBases.length ? `no server of the spec has a base path the URL's path starts with${bases}` : `no server of the spec serves ${split.origin}`;
      return { kind: 'unmatched', reason: 'server', message };
    }
    if (found.length === 0) return { kind: 'unmatched', reason: 'path', message: 'no path of the spec matches it' };
    const withMethod = found.filter((f) => f.route.method === method.toLowerCase());
    if (withMethod.length === 0) {
      const paths = [...new Set(found.map((f) => f.route.path))];
      const methods = [...new Set(found.map((f) => f.route.method.toUpperCase()))];
      // The operation may be there, with servers of its own (or of its path item) that are not this one.
      const elsewhere = this.all.find((r) => r.method === method.toLowerCase() && paths.includes(r.path));
      const served = elsewhere ? `; ${method} ${elsewhere.path} is served at ${elsewhere.servers.slice(0, 3).map((s) => s.url).join(', ')}${elsewhere.servers.length > 3 ? ', ...' : ''}` : '';
      return { kind: 'unmatched', reason: 'method', message: `${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', ...' : ''} has no ${method} operation ${elsewhere ? 'on this server ' : ''}(${methods.join(', ')})${served}` };
    }
    // Literal beats template, segment by segment from the start.
    let best: Array<{ route: Route<Operation>; specificity: number[] }> = [];
    for (const candidate of withMethod) {
      const order = best.length === 0 ? 1 : compare(candidate.specificity, best[0]!.specificity);
      if (order > 0) best = [candidate];
      else if (order === 0) best.push(candidate);
    }
    const routes = [...new Map(best.map((b) => [b.route.operation, b.route])).values()];
    return routes.length === 1 ? { kind: 'matched', route: routes[0]! } : { kind: 'ambiguous', routes };
  }

  /** Every route whose path matches `path` (all methods), with how specific each segment is. */
  private paths(path: string): Array<{ route: Route<Operation>; specificity: number[] }> {
    const segments = path.split('/').slice(1);
    const out: Array<{ route: Route<Operation>; specificity: number[] }> = [];
    const walk = (node: Node<Operation>, at: number, specificity: number[]): void => {
      if (at === segments.length) {
        for (const route of node.routes) out.push({ route, specificity });
        return;
      }
      const raw = segments[at]!;
      const decoded = decode(raw);
      const literal = node.literals.get(raw) ?? (decoded === raw ? undefined : node.literals.get(decoded));
      if (literal) walk(literal, at + 1, [...specificity, 2]);
      for (const { segment, node: next } of node.templated) {
        if (segment.template!.test(raw)) walk(next, at + 1, [...specificity, segment.specificity]);
      }
    };
    walk(this.root, 0, []);
    return out;
  }
}

/** URLs of what a browser did not send to any server (data: images, blob: object URLs, about:blank). */
const NOT_SENT = /^(data|blob|about|javascript|mailto|tel):/i;

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function decode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
