// The Redocly CLI plugin API teams adopt with `plugins: [payment-error-contract/redocly]` and
// `extends: [payment-errors/recommended]`: the lint rules of src/kit/lint/ (lint.ts adapts them)
// and the narrow decorator for `redocly bundle` (narrow-decorator.ts).
import { rules } from '../lint/rules/index.ts';
import { lintVisitor } from './lint.ts';
import { narrowDecorator } from './narrow-decorator.ts';
import type { Plugin } from './types.ts';

export const PLUGIN_ID = 'payment-errors';

const severities = (strict: boolean) => Object.fromEntries(rules.map((rule) => [`${PLUGIN_ID}/${rule.name}`, strict ? 'error' : rule.severity] as const));

/** The plugin: its rules, `recommended` (each rule at its severity) and `all` (every rule an error, for CI that fails on any finding). */
export default function paymentErrorsPlugin(): Plugin {
  return {
    id: PLUGIN_ID,
    rules: { oas3: Object.fromEntries(rules.map((rule) => [rule.name, () => lintVisitor(rule)])) },
    decorators: { oas3: { narrow: narrowDecorator } },
    configs: { recommended: { rules: severities(false) }, all: { rules: severities(true) } },
  };
}
