// The little of Spectral's function interface the ruleset uses, so that the package needs no
// Spectral dependency: Spectral calls a function with the node `given` matched, the rule's
// options and this context, and takes back a list of results.

export type JsonPath = Array<string | number>;

export interface RuleContext {
  /** Where the matched node is in the document. */
  readonly path: JsonPath;
}

export interface RuleResult {
  readonly message: string;
  /** From the document root; Spectral maps a path through a $ref to where the node is written. */
  readonly path: JsonPath;
}

export type RuleFunction = (target: unknown, options: unknown, context: RuleContext) => RuleResult[];

export interface Rule {
  readonly description: string;
  readonly message: string;
  readonly severity: 'error' | 'warn' | 'info' | 'hint';
  readonly given: string | readonly string[];
  readonly resolved?: boolean;
  readonly then: { readonly function: RuleFunction; readonly field?: string };
}
