// The servers of an OpenAPI document as patterns a request URL is matched against: absolute URLs
// (scheme and host compared without case, a default port the same as none), relative ones (any
// host: the document does not say where it is served), base paths, and server variables (one of
// the `enum` values where there is one; else any text without a slash, or the default as written),
// as templates matched in linear time (template.ts): the URLs come from the recording.
import { Template, type Piece } from './template.ts';

export interface ServerPattern {
  /** As the document writes it. */
  readonly url: string;
  /** Matches a URL's origin ("https://api.example.com", "http://127.0.0.1:4010"), without case; undefined: any origin. */
  readonly origin: { test(origin: string): boolean } | undefined;
  /** Where the base path can end at the start of a URL's path: before a slash or at the end (its own segments: see baseSpecificity). */
  readonly base: { ends(path: string): number[] };
  /** For literal-beats-template: how specific each segment of the base path is (2 literal, 1 partly templated, 0 a variable). */
  readonly baseSpecificity: readonly number[];
}

type Token = { readonly literal: string } | { readonly variable: string };

/** A server's URL template as a pattern; `variables` is its `variables` map, read as JSON. */
export function serverPattern(url: string, variables: unknown): ServerPattern {
  const tokens = tokenize(url);
  const schemeAt = findLiteral(tokens, '://');
  let originTokens: Token[] = [];
  let pathTokens: Token[] = tokens;
  if (schemeAt || url.startsWith('//')) {
    // The authority ends at the first slash after "://" (or after "//").
    const after = schemeAt ? schemeAt.index + 3 : 2;
    const from = schemeAt ? schemeAt.token : 0;
    const split = findLiteral(tokens, '/', from, after);
    originTokens = split ? [...tokens.slice(0, split.token), { literal: literal(tokens[split.token]).slice(0, split.index) }] : tokens;
    pathTokens = split ? [{ literal: literal(tokens[split.token]).slice(split.index) }, ...tokens.slice(split.token + 1)] : [];
    if (!schemeAt) originTokens = [{ variable: '\u0000scheme' }, { literal: ':' }, ...originTokens];
  } else {
    // Relative to where the document is served: "/v1", "v1", "./v1", ".".
    const first = pathTokens[0];
    if (first && 'literal' in first) {
      const text = first.literal.replace(/^\.(?=\/|$)/, '');
      pathTokens = [{ literal: text.startsWith('/') ? text : `/${text}` }, ...pathTokens.slice(1)];
    } else pathTokens = [{ literal: '/' }, ...pathTokens];
  }
  // A trailing slash of the base path is not part of it: paths start with one.
  const last = pathTokens[pathTokens.length - 1];
  if (last && 'literal' in last) pathTokens = [...pathTokens.slice(0, -1), { literal: last.literal.replace(/\/+$/, '') }];
  const piece = (t: Token): Piece => ('literal' in t ? t : variablePiece(t.variable, variables));
  const originTemplate = originTokens.length ? new Template(originTokens.map(piece), true) : undefined;
  const baseTemplate = new Template(pathTokens.map(piece));
  return {
    url,
    origin: originTemplate && { test: (origin) => originTemplate.test(origin.toLowerCase()) },
    base: { ends: (path) => baseEnds(baseTemplate.ends(path), path) },
    baseSpecificity: segmentSpecificity(pathTokens),
  };
}

/** The ends of a base path: before a slash or at the end of the path; one that ends with a slash (a variable's value was empty) ends before it. */
function baseEnds(ends: readonly number[], path: string): number[] {
  const out = new Set<number>();
  for (const end of ends) {
    if (end === path.length || path.charCodeAt(end) === SLASH) out.add(end);
    else if (end > 0 && path.charCodeAt(end - 1) === SLASH) out.add(end - 1);
  }
  return [...out].sort((a, b) => a - b);
}

const SLASH = 0x2f;

function literal(token: Token | undefined): string {
  return token && 'literal' in token ? token.literal : '';
}

function tokenize(url: string): Token[] {
  const tokens: Token[] = [];
  for (const part of url.split(/(\{[^{}]*\})/)) {
    if (part === '') continue;
    tokens.push(/^\{[^{}]*\}$/.test(part) ? { variable: part.slice(1, -1) } : { literal: part });
  }
  return tokens;
}

/** Where a text first occurs in the literal tokens (from a token and an index in it). */
function findLiteral(tokens: readonly Token[], text: string, fromToken = 0, fromIndex = 0): { token: number; index: number } | undefined {
  for (let t = fromToken; t < tokens.length; t++) {
    const index = literal(tokens[t]).indexOf(text, t === fromToken ? fromIndex : 0);
    if ('literal' in tokens[t]! && index >= 0) return { token: t, index };
  }
  return undefined;
}

/** What a server variable may be replaced with. */
function variablePiece(name: string, variables: unknown): Piece {
  // A URL's scheme, where the server writes none ("//api.example.com").
  if (name === '\u0000scheme') return { values: [], any: true };
  const variable = own(variables, name);
  const values = own(variable, 'enum');
  if (Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string')) return { values: values as string[], any: false };
  const fallback = own(variable, 'default');
  return { values: typeof fallback === 'string' && fallback !== '' ? [fallback] : [], any: true };
}

function own(node: unknown, key: string): unknown {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

/** 2 for each literal segment, 1 for one partly templated, 0 for a variable alone. */
function segmentSpecificity(tokens: readonly Token[]): number[] {
  const segments: number[][] = [[]];
  for (const token of tokens) {
    if ('variable' in token) {
      segments[segments.length - 1]!.push(0);
      continue;
    }
    const pieces = token.literal.split('/');
    pieces.forEach((piece, i) => {
      if (i > 0) segments.push([]);
      if (piece !== '') segments[segments.length - 1]!.push(2);
    });
  }
  // The first "segment" is what comes before the path's leading slash: nothing.
  return segments
    .slice(1)
    .filter((s) => s.length > 0)
    .map((s) => (s.every((k) => k === 2) ? 2 : s.every((k) => k === 0) ? 0 : 1));
}

/** A URL split for matching: its origin (lower case, a default port dropped; undefined for a path alone) and its path, without query or fragment. */
export interface SplitUrl {
  readonly origin: string | undefined;
  /** The same origin with the default port written out, when it has none: a server may write it. */
  readonly originWithPort: string | undefined;
  readonly path: string;
}

const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

/** A URL of a recording, split; a string saying why it does not parse. */
export function splitUrl(url: string): SplitUrl | string {
  if (/[\u0000-\u0020\u007f]/.test(url)) return 'it holds a space or a control character';
  if (url.startsWith('/') && !url.startsWith('//')) return { origin: undefined, originWithPort: undefined, path: url.replace(/[?#].*$/s, '') || '/' };
  const match = ABSOLUTE.exec(url);
  if (!match) return 'it is neither an absolute URL (scheme://host/path) nor a path (/path)';
  const scheme = match[1]!.toLowerCase();
  const authority = match[2]!.replace(/^.*@/s, '');
  const host = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d*))?$/.exec(authority);
  if (!host) return `its host ${JSON.stringify(authority.slice(0, 60))} does not parse`;
  const name = host[1]!.toLowerCase();
  const port = host[2] === undefined || host[2] === '' || host[2] === DEFAULT_PORTS[scheme] ? undefined : host[2];
  if (port !== undefined && Number(port) > 65535) return `its port ${port} is not a port`;
  const origin = `${scheme}://${name}${port === undefined ? '' : `:${port}`}`;
  const defaultPort = DEFAULT_PORTS[scheme];
  return { origin, originWithPort: port === undefined && defaultPort ? `${origin}:${defaultPort}` : undefined, path: match[3] || '/' };
}
