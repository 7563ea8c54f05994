// npm run bench: every benchmark, side by side with the alternative a user would pick, in one
// run on this machine. Prints a table and writes it to dist/bench/results.json and results.md.
//   --quick          each once, on small inputs: a smoke test of the harness, not a measurement
//   --only a,b       only these: build, runtime, bundle, lint, narrow, consumers, docs, traffic
//   --out <dir>      write the results there instead of dist/bench/
//   --lint-spec <f>  also time the lint kits on this spec (repeatable), e.g. a public API's
//   --help           print these options and exit
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { benchBuild } from './build.js';
import { benchBundle } from './bundle.js';
import { benchConsumers } from './consumers.js';
import { benchDocs } from './docs.js';
import { benchLint } from './lint.js';
import { benchNarrow } from './narrow.js';
import { benchRuntime } from './runtime.js';
import { benchTraffic } from './traffic.js';

/**
 * @typedef {object} Figure
 * @property {string} figure what is measured
 * @property {string} unit
 * @property {number} ours
 * @property {number | undefined} alternative
 * @property {{ maxRatio?: number, minRatio?: number, max?: number }} target
 */

const args = process.argv.slice(2);
if (args.includes('--help')) {
  // The options are the ones this file's header lists; printed from there so they cannot drift.
  const header = (await readFile(new URL(import.meta.url), 'utf8')).split('\n').filter((line) => line.startsWith('//'));
  console.log(header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const option = (/** @type {string} */ name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes('--quick');
const only = option('--only')?.split(',');
const lintSpecs = args.flatMap((arg, i) => (arg === '--lint-spec' && args[i + 1] ? [/** @type {string} */ (args[i + 1])] : []));
const out = path.resolve(option('--out') ?? path.join(REPO_ROOT, 'dist/bench'));

/** @type {Record<string, () => Promise<Figure[]>>} in the order they run */
const benchmarks = {
  build: () => benchBuild({ runs: quick ? 1 : 5 }),
  runtime: () => benchRuntime({ quick }),
  bundle: () => benchBundle(),
  lint: () => benchLint({ runs: quick ? 1 : 3, quick, specs: lintSpecs }),
  narrow: () => benchNarrow({ runs: quick ? 1 : 5, quick }),
  consumers: () => benchConsumers({ runs: quick ? 1 : 15 }),
  docs: () => benchDocs({ runs: quick ? 1 : 5 }),
  traffic: () => benchTraffic({ runs: quick ? 1 : 3, quick }),
};
const unknown = (only ?? []).filter((name) => !(name in benchmarks));
if (unknown.length) throw new Error(`bench: no benchmark ${unknown.join(', ')} (there are ${Object.keys(benchmarks).join(', ')})`);

/** @type {Figure[]} */
const figures = [];
for (const [name, run] of Object.entries(benchmarks)) {
  if (only && !only.includes(name)) continue;
  console.error(`bench: ${name}...`);
  figures.push(...(await run()));
}

const rows = figures.map((f) => {
  const ratio = f.alternative === undefined ? undefined : f.ours / f.alternative;
  const hasTarget = Object.keys(f.target).length > 0;
  const met = !hasTarget
    ? undefined
    : (f.target.maxRatio === undefined || (ratio !== undefined && ratio <= f.target.maxRatio)) &&
      (f.target.minRatio === undefined || (ratio !== undefined && ratio >= f.target.minRatio)) &&
      (f.target.max === undefined || f.ours <= f.target.max);
  return { ...f, ratio, met };
});
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
const format = (/** @type {number | undefined} */ n, /** @type {string} */ unit) => (n === undefined ? '-' : `${n >= 100 ? Math.round(n) : n.toFixed(2)} ${unit}`);
const describeTarget = (/** @type {Figure['target']} */ t) =>
  [t.maxRatio !== undefined ? `<= ${t.maxRatio}x` : '', t.minRatio !== undefined ? `>= ${t.minRatio}x` : '', t.max !== undefined ? `<= ${t.max}` : ''].filter(Boolean).join(', ');
const table = [
  '| figure | ours | alternative | ratio | target | met? |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.figure} | ${format(r.ours, r.unit)} | ${format(r.alternative, r.unit)} | ${r.ratio === undefined ? '-' : `${r.ratio.toFixed(2)}x`} | ${describeTarget(r.target) || '-'} | ${r.met === undefined ? '-' : r.met ? 'yes' : 'NO'} |`),
].join('\n');

console.log(`${table}\n\n${quick ? 'quick run (smoke test, not a measurement)' : 'medians of several runs each'}; ${machine}`);
await mkdir(out, { recursive: true });
const date = new Date().toISOString();
await writeFile(path.join(out, 'results.json'), JSON.stringify({ date, machine, quick, figures: rows }, null, 2) + '\n');
await writeFile(path.join(out, 'results.md'), `# Benchmarks\n\n${date}, ${machine}${quick ? ' (quick run)' : ''}\n\n${table}\n`);
console.log(`bench: wrote ${path.relative(process.cwd(), path.join(out, 'results.json'))} and results.md`);
