// openapi/ keeps one component per file, and the file name is the component name.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, SPEC } from '../../scripts/lib/layout.js';

const root = parse(readFileSync(path.join(REPO_ROOT, SPEC), 'utf8'));
const kinds = Object.keys(root.components);

test.each(kinds)('components.%s: each entry is a $ref to components/<kind>/<Name>.yaml', (kind) => {
  const wrong = Object.entries<any>(root.components[kind])
    .filter(([name, entry]) => entry?.$ref !== `./components/${kind}/${name}.yaml`)
    .map(([name, entry]) => `${name} -> ${JSON.stringify(entry?.$ref ?? entry)}`);
  expect(wrong).toEqual([]);
});

test.each(kinds)('openapi/components/%s/ has no file the root does not list', (kind) => {
  const files = readdirSync(path.join(REPO_ROOT, 'openapi/components', kind)).filter((f) => f.endsWith('.yaml'));
  expect(files.filter((f) => !(f.replace(/\.yaml$/, '') in root.components[kind]))).toEqual([]);
});
