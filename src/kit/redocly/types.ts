// The little of Redocly's plugin interface the plugin uses, so that the package needs no Redocly
// dependency (see @redocly/openapi-core: Plugin, UserContext, Location).

/** A place in a file: Redocly's Location. */
export interface Location {
  readonly source: { readonly absoluteRef: string };
  readonly pointer: string;
  child(keys: ReadonlyArray<string | number>): Location;
  /** The same place, reported on its key rather than its value. */
  key(): Location;
}

export interface VisitorContext {
  readonly location: Location;
  resolve(node: unknown, from?: string): { node: unknown; location: Location | undefined };
  report(problem: { message: string; location: Location }): void;
}

export interface Visitor {
  /** Called for every $ref in the walk, with where it leads. */
  readonly ref: { enter(ref: unknown, ctx: VisitorContext, resolved: { location?: Location | undefined }): void };
  readonly Root: { leave(root: unknown, ctx: VisitorContext): void };
}

export interface Plugin {
  readonly id: string;
  readonly rules: { readonly oas3: Record<string, () => Visitor> };
  readonly decorators: { readonly oas3: Record<string, () => Visitor> };
  readonly configs: Record<string, { readonly rules: Record<string, 'error' | 'warn' | 'off'> }>;
}
