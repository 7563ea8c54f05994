// npm run bench: every benchmark, side by side with the alternative a user would pick, in one
// run on this machine. Prints a table and writes it to dist/bench/results.json and results.md.
// `--quick` runs each once on small inputs: a smoke test of the harness, not a measurement.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { benchLint } from './lint.js';

/**
 * @typedef {object} Figure
 * @property {string} figure what is measured
 * @property {string} unit
 * @property {number} ours
 * @property {number | undefined} alternative
 * @property {{ maxRatio?: number, minRatio?: number, max?: number }} target
 */

const quick = process.argv.includes('--quick');

/** @type {Figure[]} */
const figures = [...(await benchLint({ runs: quick ? 1 : 3, quick }))];

const rows = figures.map((f) => {
  const ratio = f.alternative === undefined ? undefined : f.ours / f.alternative;
  const met =
    (f.target.maxRatio === undefined || (ratio !== undefined && ratio <= f.target.maxRatio)) &&
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
  ...rows.map((r) => `| ${r.figure} | ${format(r.ours, r.unit)} | ${format(r.alternative, r.unit)} | ${r.ratio === undefined ? '-' : `${r.ratio.toFixed(2)}x`} | ${describeTarget(r.target)} | ${r.met ? 'yes' : 'NO'} |`),
].join('\n');

console.log(`${table}\n\n${quick ? 'quick run (smoke test, not a measurement)' : 'medians of several runs each'}; ${machine}`);
const out = path.join(REPO_ROOT, 'dist/bench');
await mkdir(out, { recursive: true });
const date = new Date().toISOString();
await writeFile(path.join(out, 'results.json'), JSON.stringify({ date, machine, quick, figures: rows }, null, 2) + '\n');
await writeFile(path.join(out, 'results.md'), `# Benchmarks\n\n${date}, ${machine}${quick ? ' (quick run)' : ''}\n\n${table}\n`);
console.log(`bench: wrote dist/bench/results.json and dist/bench/results.md`);
