// Benchmark: `payment-errors check --spec narrowed.json --har big.har --json` against the
// alternative a team would write (bench/traffic-alternative.js: the whole HAR read with
// JSON.parse, ajv compiled from the narrowed spec's response schemas), each a process reading the
// same HAR of 50,000 entries, about 200 MB (bench/traffic-har.js, written into a temporary folder
// and removed after). Before anything is timed, both give the same verdict on every entry of a
// HAR of 5,000 (every violation listed) and the same counts on the large one. Figures: entries
// per second (entries / wall time of the process, median of alternating runs) and the peak
// resident memory of each process on the large HAR (bench/max-rss.cjs).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { median } from './stats.js';
import { writeTrafficHar } from './traffic-har.js';
import { trafficSpec } from './traffic-spec.js';

const CLI = path.join(REPO_ROOT, 'bin/payment-errors.js');
const ALTERNATIVE = path.join(REPO_ROOT, 'bench/traffic-alternative.js');
const MAX_RSS = path.join(REPO_ROOT, 'bench/max-rss.cjs');

/** The HAR of the memory target: 50,000 entries, three bodies of 5 MiB among them, ~200 MB. */
export const LARGE_HAR = { entries: 50_000, bigBodies: 3, bigBodyBytes: 5 * 1024 * 1024, padding: 300 };

/**
 * A command under `node --require bench/max-rss.cjs`: its output, exit code, wall time and peak memory.
 * @param {string[]} args @param {string} dir @returns {Promise<{ code: number, stdout: string, ms: number, maxRss: number }>}
 */
export async function measured(args, dir) {
  const rssFile = path.join(dir, `rss-${process.hrtime.bigint()}`);
  const start = performance.now();
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', MAX_RSS, ...args], { cwd: dir, env: { ...process.env, MAX_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit ?? -1, stdout: Buffer.concat(out).toString(), stderr: err }));
  });
  const ms = performance.now() - start;
  if (code !== 0 && code !== 1) throw new Error(`${args.join(' ')} failed (exit ${code}):\n${stderr}`);
  const maxRss = Number(await readFile(rssFile, 'utf8'));
  await rm(rssFile, { force: true });
  return { code, stdout, ms, maxRss };
}

/** @param {{ runs: number, quick: boolean }} options */
export async function benchTraffic({ runs, quick }) {
  const dir = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-traffic-'));
  try {
    const { spec, operations } = trafficSpec({ resources: 50 });
    await writeFile(path.join(dir, 'spec.json'), JSON.stringify(spec, null, 2));
    const narrowed = await measured([CLI, 'narrow', 'spec.json', '-o', 'narrowed.json'], dir);
    if (narrowed.code !== 0) throw new Error('bench traffic: narrow failed');
    const ours = (/** @type {string} */ har) => [CLI, 'check', '--spec', 'narrowed.json', '--har', har, '--json'];
    const alternative = (/** @type {string} */ har) => [ALTERNATIVE, 'narrowed.json', har];

    // Same verdicts, entry by entry, where every violation is listed.
    const small = await writeTrafficHar(path.join(dir, 'small.har'), { entries: quick ? 1000 : 5000, operations, padding: 300 });
    const check = async (/** @type {string} */ har, /** @type {boolean} */ everyEntry) => {
      const a = JSON.parse((await measured(ours(har), dir)).stdout);
      const b = JSON.parse((await measured(alternative(har), dir)).stdout);
      const oursViolations = a.violations.map((/** @type {{ entry: number }} */ v) => v.entry);
      const same =
        a.entries === b.entries &&
        a.totals.errorResponses === b.errorResponses &&
        a.totals.conforming === b.conforming &&
        a.totals.violations === b.violations.length &&
        JSON.stringify(everyEntry ? oursViolations : oursViolations.slice(0, 1000)) === JSON.stringify(everyEntry ? b.violations : b.violations.slice(0, oursViolations.length));
      if (!same || (everyEntry && a.omitted.violations > 0)) {
        throw new Error(`bench traffic: the verdicts differ on ${path.basename(har)}: ours ${JSON.stringify(a.totals)} (violations ${oursViolations.slice(0, 10)}...), the alternative's ${JSON.stringify({ ...b, violations: b.violations.slice(0, 10) })}`);
      }
      return a;
    };
    const smallReport = await check('small.har', true);
    if (smallReport.totals.violations !== small.violations || smallReport.totals.conforming !== small.conforming) throw new Error('bench traffic: the verdicts are not the planted ones');

    const large = await writeTrafficHar(path.join(dir, 'large.har'), { ...LARGE_HAR, operations, ...(quick ? { entries: 5000, bigBodies: 1 } : {}) });
    await check('large.har', false);
    /** @type {{ ours: number[], alternative: number[] }} */
    const times = { ours: [], alternative: [] };
    /** @type {{ ours: number[], alternative: number[] }} */
    const memory = { ours: [], alternative: [] };
    for (let i = 0; i < runs; i++) {
      /** @type {Array<'ours' | 'alternative'>} */
      const order = i % 2 ? ['alternative', 'ours'] : ['ours', 'alternative'];
      for (const which of order) {
        const run = await measured(which === 'ours' ? ours('large.har') : alternative('large.har'), dir);
        times[which].push(run.ms);
        memory[which].push(run.maxRss);
      }
    }
    const mb = (/** @type {number} */ bytes) => bytes / 1e6;
    const label = `${large.entries} entries, ${mb(large.bytes).toFixed(0)} MB, largest entry ${mb(large.largestEntry).toFixed(1)} MB`;
    return [
      {
        figure: `Traffic: check --har vs ajv validators compiled from the narrowed spec (the HAR read with JSON.parse), same verdicts, each a process (${label})`,
        unit: 'entries/s',
        ours: large.entries / (median(times.ours) / 1000),
        alternative: large.entries / (median(times.alternative) / 1000),
        target: { minRatio: 1 },
      },
      {
        figure: `Traffic: wall time of check --har vs the ajv alternative (${label})`,
        unit: 's',
        ours: median(times.ours) / 1000,
        alternative: median(times.alternative) / 1000,
        target: {},
      },
      {
        figure: `Traffic: peak memory (RSS) of check --har vs the ajv alternative (${label}); target under 512 MB`,
        unit: 'MB',
        ours: mb(Math.max(...memory.ours)),
        alternative: mb(Math.max(...memory.alternative)),
        target: { max: 512 },
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
