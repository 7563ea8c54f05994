import { readFile } from 'node:fs/promises';
import * as jsYaml from 'js-yaml';
import { yamlOutline } from '../dist/src/narrow/yaml-outline.js';
import { loadSpec } from '../dist/src/narrow/load.js';
import { planNarrowing } from '../dist/src/narrow/plan.js';
import { applyToText } from '../dist/src/narrow/apply-text.js';
import { specFiles } from '../bin/spec-files.js';
import { bundle, createConfig } from '@redocly/openapi-core';
const file = process.argv[2];
const text = await readFile(file, 'utf8');
for (let round = 0; round < 2; round++) {
let t = performance.now();
jsYaml.load(text); console.log('js-yaml load', Math.round(performance.now() - t)); t = performance.now();
yamlOutline(text); console.log('outline', Math.round(performance.now() - t)); t = performance.now();
const spec = await loadSpec(file, specFiles()); console.log('loadSpec', Math.round(performance.now() - t)); t = performance.now();
const plan = planNarrowing(spec.source.data, spec.tree); console.log('plan', Math.round(performance.now() - t)); t = performance.now();
const out = applyToText(spec.source, plan); console.log('apply', Math.round(performance.now() - t)); t = performance.now();
const config = await createConfig({ extends: [] });
await bundle({ ref: file, config }); console.log('bundle', Math.round(performance.now() - t));
}
