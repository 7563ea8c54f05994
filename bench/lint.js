// Benchmark: the shipped Spectral ruleset against Spectral's own spectral:oas ruleset, on the same
// large synthetic spec in the same process, alternating runs. Each run parses, resolves and lints.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { median } from './stats.js';
import { syntheticSpec } from './synthetic-spec.js';

/** @param {{ runs: number, quick: boolean }} options quick: a small spec, for a smoke test */
export async function benchLint({ runs, quick }) {
  const operations = quick ? 100 : 5000;
  const { default: ours } = await import('../dist/src/spectral/ruleset.js');
  const text = stringify(syntheticSpec({ operations }), { lineWidth: 0 });
  const file = path.join(REPO_ROOT, 'dist/bench/synthetic-openapi.yaml');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);

  const lint = async (/** @type {unknown} */ ruleset) => {
    const spectral = new spectralCore.Spectral();
    spectral.setRuleset(/** @type {any} */ (ruleset));
    const start = performance.now();
    const results = await spectral.run(new spectralCore.Document(text, spectralParsers.Yaml, file));
    return { ms: performance.now() - start, findings: results.length };
  };
  const rulesets = { ours, oas: { extends: [oas] } };
  /** @type {Record<'ours' | 'oas', number[]>} */
  const times = { ours: [], oas: [] };
  let findings = 0;
  await lint(rulesets.ours); // warm-up: module code and the resolver's first use
  for (let i = 0; i < runs; i++) {
    /** @type {Array<'ours' | 'oas'>} */
    const order = i % 2 ? ['oas', 'ours'] : ['ours', 'oas'];
    for (const name of order) {
      const run = await lint(rulesets[name]);
      times[name].push(run.ms);
      if (name === 'ours') findings = run.findings;
    }
  }
  const size = `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${operations} operations`;
  return [
    {
      figure: `Downstream lint: payment-error-contract/spectral vs spectral:oas (${size}, ${findings} findings)`,
      unit: 'ms',
      ours: median(times.ours),
      alternative: median(times.oas),
      target: { maxRatio: 1.2 },
    },
  ];
}
