// What the contract tests read: the bundled document (bundled from openapi/ now, not the
// committed generated/ copy) and the catalog, parsed as plain YAML so that the oracle does not
// depend on the code under test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { bundleSpec } from '../../scripts/bundle.js';
import { CATALOG, REPO_ROOT } from '../../scripts/lib/layout.js';

export interface CatalogCode {
  code: string;
  message: string;
  howToFix?: string;
}
export interface CatalogType {
  type: string;
  httpStatus: number;
  scope: string[];
  remarks?: string;
  codes: CatalogCode[];
}

export function readCatalog(root = REPO_ROOT): CatalogType[] {
  return (parse(readFileSync(path.join(root, CATALOG), 'utf8')) as { types: CatalogType[] }).types;
}

export async function bundledDocument(root = REPO_ROOT): Promise<any> {
  const { document, problems } = await bundleSpec(root);
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return document;
}

/** The one value a schema allows: `const`, or a one-value `enum` (OpenAPI 3.0 has no const). */
export function singleValue(schema: any): unknown {
  if (schema?.const !== undefined) return schema.const;
  return Array.isArray(schema?.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined;
}

/** The component name and schema whose `type` is the given constant. */
export function schemaOfType(document: any, type: string): { name: string; schema: any } | undefined {
  const entry = Object.entries<any>(document.components.schemas).find(([, s]) => singleValue(s?.properties?.type) === type);
  return entry && { name: entry[0], schema: entry[1] };
}

/**
 * Follows a local $ref, keeping the sibling keywords (3.1 allows them); in OpenAPI 3.0 the same
 * is written `allOf: [{ $ref }]` beside them.
 */
export function deref(document: any, node: any): any {
  if (Array.isArray(node?.allOf) && node.allOf.length === 1 && typeof node.allOf[0]?.$ref === 'string') {
    const { allOf, ...siblings } = node;
    return { ...deref(document, allOf[0]), ...siblings };
  }
  const ref: unknown = node?.$ref;
  if (typeof ref !== 'string') return node;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((n: any, key) => n?.[key], document);
  const { $ref: _ref, ...siblings } = node;
  return { ...deref(document, target), ...siblings };
}
