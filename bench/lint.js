// Benchmark: the downstream lint kit in each engine against that engine's own rules on the same
// file, in the same process, alternating runs: the Spectral ruleset against spectral:oas, the
// Redocly plugin against Redocly's recommended. Each run parses, resolves and lints. On the large
// synthetic spec, and on any spec given with --lint-spec (a real one: its name and size are in the
// figure). Also counts the kit's findings and checks that none is placed inside node_modules.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createConfig, lint as redoclyLint } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { median } from './stats.js';
import { syntheticSpec } from './synthetic-spec.js';

/**
 * @param {{ runs: number, quick: boolean, specs?: string[] }} options
 *   quick: a small synthetic spec, for a smoke test; specs: more files to lint
 */
export async function benchLint({ runs, quick, specs = [] }) {
  const operations = quick ? 100 : 5000;
  const file = path.join(REPO_ROOT, 'dist/bench/synthetic-openapi.yaml');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, stringify(syntheticSpec({ operations }), { lineWidth: 0 }));
  const targets = [{ file, label: `synthetic, ${operations} operations` }, ...specs.map((spec) => ({ file: path.resolve(spec), label: path.join(path.basename(path.dirname(spec)), path.basename(spec)) }))];
  const figures = [];
  for (const target of targets) {
    const text = await readFile(target.file, 'utf8');
    const size = `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;
    const spectral = await compare(runs, spectralLinter(target.file, text));
    const redocly = await compare(runs, await redoclyLinter(target.file));
    figures.push(
      {
        figure: `Downstream lint, Spectral: payment-error-contract/spectral vs spectral:oas (${target.label}, ${size}; ${spectral.findings})`,
        unit: 'ms',
        ours: spectral.ours,
        alternative: spectral.baseline,
        target: { maxRatio: 1.2 },
      },
      {
        figure: `Downstream lint, Redocly: payment-error-contract/redocly vs recommended (${target.label}, ${size}; ${redocly.findings})`,
        unit: 'ms',
        ours: redocly.ours,
        alternative: redocly.baseline,
        target: { maxRatio: 1.2 },
      },
    );
  }
  return figures;
}

/**
 * @typedef {{ file: string, inPackage: boolean }} Placed
 * @typedef {{ ours: () => Promise<Placed[]>, baseline: () => Promise<unknown> }} Linter
 */

/** Times the kit and the baseline, alternating, after a warm-up; medians. @param {number} runs @param {Linter} linter */
async function compare(runs, linter) {
  const findings = await linter.ours(); // warm-up: module code and the resolver's first use
  await linter.baseline();
  /** @type {{ ours: number[], baseline: number[] }} */
  const times = { ours: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    /** @type {Array<'ours' | 'baseline'>} */
    const order = i % 2 ? ['baseline', 'ours'] : ['ours', 'baseline'];
    for (const which of order) {
      const start = performance.now();
      await linter[which]();
      times[which].push(performance.now() - start);
    }
  }
  const misplaced = findings.filter((f) => f.inPackage).length;
  return {
    ours: median(times.ours),
    baseline: median(times.baseline),
    findings: `${findings.length} findings${misplaced ? `, ${misplaced} of them inside node_modules` : ', none inside node_modules'}`,
  };
}

/** @param {string} file @param {string} text @returns {Linter} */
function spectralLinter(file, text) {
  const run = async (/** @type {unknown} */ ruleset) => {
    const spectral = new spectralCore.Spectral();
    spectral.setRuleset(/** @type {any} */ (ruleset));
    const parser = /** @type {any} */ (file.endsWith('.json') ? spectralParsers.Json : spectralParsers.Yaml);
    return spectral.run(new spectralCore.Document(text, parser, file));
  };
  return {
    async ours() {
      const { default: ruleset } = await import('../dist/src/kit/spectral/ruleset.js');
      const results = await run(ruleset);
      return results.filter((r) => String(r.code).startsWith('payment-error-')).map((r) => ({ file: r.source ?? file, inPackage: /node_modules/.test(r.source ?? '') }));
    },
    baseline: () => run({ extends: [oas] }),
  };
}

/** @param {string} file @returns {Promise<Linter>} */
async function redoclyLinter(file) {
  const { default: plugin } = await import('../dist/src/kit/redocly/plugin.js');
  const instance = plugin();
  const ours = await createConfig(/** @type {any} */ ({ extends: [], plugins: [instance], rules: instance.configs.recommended?.rules }));
  const recommended = await createConfig({ extends: ['recommended'] });
  return {
    async ours() {
      const problems = await redoclyLint({ ref: file, config: ours });
      return problems.map((p) => {
        const source = p.location[0]?.source.absoluteRef ?? file;
        return { file: source, inPackage: /node_modules/.test(source) };
      });
    },
    baseline: () => redoclyLint({ ref: file, config: recommended }),
  };
}
