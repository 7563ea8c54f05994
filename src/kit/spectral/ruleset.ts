// The Spectral ruleset API teams adopt with `extends: ["payment-error-contract/spectral"]`: the
// checks of src/kit/lint/, each a Spectral rule named `payment-error-<name>`. This file only adapts
// them: it reads Spectral's resolved document and turns a finding's path into one that Spectral
// places in the user's file (never inside node_modules).
import { isObject, isRef, openApiVersion, type Finding, type JsonPath, type Tree } from '../openapi/document.ts';
import { installedPackageRoot, isInstalledFile, messageOf } from '../lint/package-ref.ts';
import { runRule, type Rule } from '../lint/rule.ts';
import { pointerToken } from '../openapi/pointer.ts';
import { rules } from '../lint/rules/index.ts';
import type { DocumentInventory, RuleContext, RuleResult, SpectralRule } from './types.ts';

/** One tree per resolved document, shared by the rules: what one rule walked, the others reuse. */
const trees = new WeakMap<object, Tree>();

/**
 * Spectral hands a rule the resolved document; a $ref still in it could not be resolved. Where an
 * object is written is asked of Spectral by the path it was read at.
 */
function treeOf(document: object, inventory: DocumentInventory): Tree {
  let tree = trees.get(document);
  if (tree) return tree;
  const root = inventory.document.source ?? undefined;
  tree = {
    get(node, key) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
      const value = (node as Record<string | number, unknown>)[key];
      return isRef(value) ? undefined : value;
    },
    origin(_node, path) {
      const item = path.length ? inventory.findAssociatedItemForPath(path, true) : undefined;
      const file = item?.document.source ?? undefined;
      if (!item || file === undefined || file === root) return undefined;
      return { file, pointer: item.path.map((key) => `/${pointerToken(key)}`).join(''), installed: isInstalledFile(file, root) };
    },
    files: () => Object.keys(isObject(inventory.referencedDocuments) ? inventory.referencedDocuments : {}),
  };
  trees.set(document, tree);
  return tree;
}

function spectralRule(rule: Rule): SpectralRule {
  const check = (document: unknown, _options: unknown, context: RuleContext): RuleResult[] => {
    const version = openApiVersion(document);
    const findings = version && isObject(document) ? runRule(rule, document, treeOf(document, context.documentInventory)) : [];
    if (!version || findings.length === 0) return [];
    const inventory = context.documentInventory;
    const packageRoot = installedPackageRoot(Object.keys(isObject(inventory.referencedDocuments) ? inventory.referencedDocuments : {}));
    const root = inventory.document.source ?? undefined;
    return findings.flatMap((finding) => {
      const path = placeOf(inventory, finding, root);
      if (!path) return [];
      const file = inventory.findAssociatedItemForPath(path, true)?.document.source ?? undefined;
      // Spectral reads {{...}} in a message as a placeholder (and #{{...}} as an expression to
      // evaluate): one in text quoted from the spec is broken up, so that it is shown as written.
      return [{ message: messageOf(finding, version, file, packageRoot).replace(/\{\{/g, '{\u200B{'), path: [...path] }];
    });
  };
  return { description: rule.description, message: '{{error}}', severity: rule.severity, given: '$', then: { function: check } };
}

/**
 * The longest part of the finding's path that Spectral places in a file of the user's, at a place
 * it can point at (not through a YAML alias) and, below `use`, on the node itself rather than
 * where a $ref leads. Spectral cannot place a finding on a `$ref` itself (it follows it), so such
 * a finding lands on the map that holds the $ref.
 */
function placeOf(inventory: DocumentInventory, { path, use, written }: Finding, root: string | undefined): JsonPath | undefined {
  if (written !== undefined && isInstalledFile(inventory.findAssociatedItemForPath(path.slice(0, written), true)?.document.source ?? undefined, root)) return undefined;
  const anchor = use === undefined ? undefined : inventory.findAssociatedItemForPath(path.slice(0, use), true);
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    const item = inventory.findAssociatedItemForPath(prefix, true);
    if (!item || isInstalledFile(item.document.source ?? undefined, root) || !item.document.getRangeForJsonPath(item.path, false)) continue;
    if (use !== undefined && length > use) {
      const direct = anchor && item.document === anchor.document && samePath(item.path, [...anchor.path, ...path.slice(use, length)]);
      if (!direct) continue;
    }
    return prefix;
  }
  return [];
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

export default { rules: Object.fromEntries(rules.map((rule) => [`payment-error-${rule.name}`, spectralRule(rule)])) };
