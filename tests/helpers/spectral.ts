// Runs one Spectral rule of this repository's own ruleset (.spectral.js), every other rule off, through the real Spectral engine.
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';

export interface Finding {
  code: string;
  path: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

export async function lintWithRule(ruleset: { rules: Record<string, unknown> }, rule: string, document: unknown): Promise<Finding[]> {
  if (!(rule in ruleset.rules)) throw new Error(`the ruleset has no rule ${rule}`);
  const spectral = new spectralCore.Spectral();
  spectral.setRuleset({ rules: { [rule]: ruleset.rules[rule] } } as never);
  const results = await spectral.run(new spectralCore.Document(JSON.stringify(document, null, 2), spectralParsers.Json, 'spec.json'));
  return results.map((r) => ({ code: String(r.code), path: r.path.join('.'), severity: SEVERITY[r.severity] ?? 'hint', message: r.message }));
}
