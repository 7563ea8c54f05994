// The little of Spectral's interfaces the ruleset uses, so that the package needs no Spectral
// dependency: Spectral calls a rule's function with the node `given` matched, the rule's options
// and this context, and takes back a list of results.
import type { JsonPath } from '../openapi/document.ts';

/** A file Spectral read: where it is, and the place of a path in its text (undefined when it has none). */
export interface SpectralDocument {
  readonly source: string | null;
  getRangeForJsonPath(path: JsonPath, closest?: boolean): object | undefined;
}

/** Where Spectral places a path: the document (file) and the path in it, through $refs. */
export interface DocumentInventory {
  /** The spec being linted. */
  readonly document: SpectralDocument;
  findAssociatedItemForPath(path: JsonPath, resolved: boolean): { document: SpectralDocument; path: JsonPath } | null;
  /** The documents the spec $refs, by their source (an absolute path). */
  readonly referencedDocuments: Record<string, unknown>;
}

export interface RuleContext {
  /** Where the matched node is in the document. */
  readonly path: JsonPath;
  readonly documentInventory: DocumentInventory;
}

export interface RuleResult {
  readonly message: string;
  /** From the document root; Spectral places it in the file where that node is written. */
  readonly path: Array<string | number>;
}

export type RuleFunction = (target: unknown, options: unknown, context: RuleContext) => RuleResult[];

export interface SpectralRule {
  readonly description: string;
  readonly message: string;
  readonly severity: 'error' | 'warn' | 'info' | 'hint';
  readonly given: string | readonly string[];
  readonly then: { readonly function: RuleFunction; readonly field?: string };
}
