// A schema of one error type narrowed to some of its codes, as a hand-written spec or
// `payment-errors narrow` writes it: the contract's schema with a shorter `code` enum.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

const contract = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));

/** The contract's schema of a type (by component name), its code enum cut to `codes`. */
export function narrowedSchema(component: string, codes: string[]): any {
  const schema = structuredClone(contract.components.schemas[component]);
  schema.properties.message = structuredClone(contract.components.schemas.ErrorMessage);
  schema.properties.code = { type: 'string', enum: codes };
  return schema;
}
