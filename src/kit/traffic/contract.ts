// What recorded traffic is checked against, read once from an OpenAPI document: each operation
// under `paths` with its servers, path, method and declaration (x-payment-errors), and the router
// that finds the operation of a request. A declaration that is misplaced or not well formed makes
// the document unusable for this, as it does for check --spec: what its author meant is unknown.
import { DECLARATION, declarationValue, operationDeclaration, type Declaration, type DeclarationValue } from '../../runtime/declaration.ts';
import { openApiVersion, type Tree } from '../openapi/document.ts';
import { isNamed, misplacedDeclarations, operationName, operations } from '../openapi/walk.ts';
import { nearest } from '../../runtime/suggest.ts';
import { Routes, type Route } from './routes.ts';
import { serverPattern, type ServerPattern } from './servers.ts';

export interface OperationContract {
  /** "POST /payments": its first place in the document. */
  readonly name: string;
  readonly operationId: string | undefined;
  /** What it declares (for checkErrorResponse's `allowed`); undefined when it declares nothing: then any error of the contract may come from it. */
  readonly allowed: DeclarationValue | undefined;
  readonly declaration: Declaration | undefined;
}

export interface TrafficContract {
  /** In the document's order, each once. */
  readonly operations: readonly OperationContract[];
  readonly routes: Routes<OperationContract>;
  /** What the reader of a report should know of the document (no servers, a server without a URL). */
  readonly notes: readonly string[];
  /** An operation by "POST /payments" (the path as written, the method in any case) or by its operationId. */
  find(wanted: string): OperationContract | undefined;
  /** The names nearest to one that names no operation. */
  suggest(wanted: string): string[];
}

export type ContractProblems = { readonly unusable: string } | { readonly problems: ReadonlyArray<{ readonly path: string; readonly message: string }> };

/** The contract of a document, or why it cannot be used. */
export function trafficContract(root: unknown, tree: Tree): TrafficContract | ContractProblems {
  if (!openApiVersion(root)) return { unusable: 'it is not an OpenAPI 3.0 or 3.1 document (its "openapi" member says which)' };
  const misplaced = [...misplacedDeclarations(root, tree)];
  if (misplaced.length > 0) return { problems: misplaced.map((m) => ({ path: m.path.join('.'), message: m.message })) };
  const notes: string[] = [];
  const patterns = new Map<string, ServerPattern>();
  const serversOf = (...holders: unknown[]): ServerPattern[] => {
    for (const holder of holders) {
      const list = tree.get(holder, 'servers');
      if (!Array.isArray(list) || list.length === 0) continue;
      const found: ServerPattern[] = [];
      for (let i = 0; i < list.length; i++) {
        const server = tree.get(list, i);
        const url = tree.get(server, 'url');
        if (typeof url !== 'string') {
          note(`a server has no url: it is left out`);
          continue;
        }
        const variables = tree.get(server, 'variables');
        const key = `${url}\u0000${JSON.stringify(variables ?? null)}`;
        let pattern = patterns.get(key);
        if (!pattern) patterns.set(key, (pattern = serverPattern(url, variables)));
        found.push(pattern);
      }
      if (found.length > 0) return found;
    }
    return [fallback()];
  };
  let defaultServer: ServerPattern | undefined;
  const fallback = (): ServerPattern => {
    if (!defaultServer) {
      defaultServer = serverPattern('/', undefined);
      note('the spec names no servers: requests to any host are matched by their path alone');
    }
    return defaultServer;
  };
  function note(text: string): void {
    if (!notes.includes(text)) notes.push(text);
  }

  const byOperation = new Map<object, OperationContract>();
  const problems: Array<{ path: string; message: string }> = [];
  const routes: Array<Route<OperationContract>> = [];
  const places: Array<{ path: readonly (string | number)[]; contract: OperationContract }> = [];
  const paths = tree.get(root, 'paths');
  for (const at of operations(root, tree, true)) {
    const [section, key, method] = at.path;
    let contract = byOperation.get(at.operation);
    if (!contract) {
      const read = operationDeclaration(at.operation, (node, k) => tree.get(node, k));
      for (const problem of read?.problems ?? []) problems.push({ path: [...at.path, DECLARATION, ...problem.path].join('.'), message: problem.message });
      const id = at.operation['operationId'];
      contract = {
        name: operationName(at),
        operationId: typeof id === 'string' ? id : undefined,
        allowed: read ? declarationValue(read.declaration) : undefined,
        declaration: read?.declaration,
      };
      byOperation.set(at.operation, contract);
    }
    places.push({ path: at.path, contract });
    // Webhooks are requests this API sends: their responses come from the client's server.
    if (section !== 'paths') continue;
    const item = tree.get(paths, key as string);
    routes.push({ operation: contract, method: String(method), path: String(key), servers: serversOf(at.operation, item, root) });
  }
  if (problems.length > 0) return { problems };
  if (routes.length === 0) note('the spec has no operations under paths: no request can be matched');
  const all = [...byOperation.values()];
  return {
    operations: all,
    routes: new Routes(routes),
    notes,
    find: (wanted) => places.find((p) => isNamed(p, wanted))?.contract ?? all.find((o) => o.operationId === wanted),
    suggest: (wanted) => nearest(wanted, [...places.map((p) => operationName(p)), ...all.flatMap((o) => (o.operationId ? [o.operationId] : []))]),
  };
}

/** What an operation declares, for a person: "payment_error (expired_card, fraud), api_error (all)". */
export function declaredText(operation: OperationContract): string {
  if (!operation.declaration) return `no ${DECLARATION}: any error of the contract`;
  return [...operation.declaration].map(([type, codes]) => `${type} (${codes === 'all' ? 'all' : codes.join(', ')})`).join(', ');
}
