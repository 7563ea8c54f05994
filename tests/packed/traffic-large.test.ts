// Large and hostile recordings, from the packed package's `payment-errors check --har`: a HAR of
// 50,000 entries and about 200 MB (bench/traffic-har.js, written into a temporary folder) is
// checked in bounded memory (peak RSS under 512 MB, measured by the process itself through
// bench/max-rss.cjs) with exactly the planted verdicts; a log.entries of a million empty objects
// is reported, bounded. Their speed is `npm run bench`'s business; the benchmark's own harness
// (its verdicts checked against the ajv alternative) runs here once, quick.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeTrafficHar } from '../../bench/traffic-har.js';
import { trafficSpec } from '../../bench/traffic-spec.js';
import { LARGE_HAR, measured } from '../../bench/traffic.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';

let project: PackedProject;
let cli: string;
beforeAll(async () => {
  project = await packedProject();
  cli = path.join(project.installed, 'bin/payment-errors.js');
  const { spec } = trafficSpec({ resources: 50 });
  await writeFile(path.join(project.dir, 'spec.json'), JSON.stringify(spec));
}, 300_000);
afterAll(async () => {
  await project?.remove();
});

test('a 200 MB HAR of 50,000 entries: the planted verdicts, in under 512 MB', async () => {
  const { operations } = trafficSpec({ resources: 50 });
  const plan = await writeTrafficHar(path.join(project.dir, 'large.har'), { ...LARGE_HAR, operations });
  expect(plan.bytes).toBeGreaterThan(195e6);
  const run = await measured([cli, 'check', '--spec', 'spec.json', '--har', 'large.har', '--json'], project.dir);
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout);
  expect(report.entries).toBe(50_000);
  expect(report.totals).toEqual({ matched: plan.conforming + plan.violations + plan.successes, errorResponses: plan.conforming + plan.violations, conforming: plan.conforming, violations: plan.violations, notChecked: 0, unmatched: plan.otherHosts, ambiguous: 0, malformed: 0 });
  expect(report.violations.map((v: { entry: number }) => v.entry)).toEqual(plan.violationEntries.slice(0, 1000));
  console.log(`check --har on ${(plan.bytes / 1e6).toFixed(0)} MB, ${plan.entries} entries (largest ${(plan.largestEntry / 1e6).toFixed(1)} MB): ${(run.ms / 1000).toFixed(1)} s, peak RSS ${(run.maxRss / 1e6).toFixed(0)} MB`);
  expect(run.maxRss).toBeLessThan(512e6);
  await rm(path.join(project.dir, 'large.har'));
});

test('a log.entries of a million empty objects: each reported, the report bounded, the memory too', async () => {
  await writeFile(path.join(project.dir, 'empty.har'), `{"log":{"entries":[${Array(1_000_000).fill('{}').join(',')}]}}`);
  const run = await measured([cli, 'check', '--spec', 'spec.json', '--har', 'empty.har'], project.dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Not entries check can read (1000000):\n  log.entries[0]: the entry has no request object\n');
  expect(run.stdout.length).toBeLessThan(10_000);
  expect(run.maxRss).toBeLessThan(256e6);
});

test('the traffic benchmark runs, quick, its verdicts the same as the ajv alternative\'s', async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-bench-'));
  try {
    await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'bench/run.js'), '--quick', '--only', 'traffic', '--out', out], { cwd: REPO_ROOT });
    const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8'));
    expect(results.figures.map((f: { unit: string }) => f.unit)).toEqual(['entries/s', 's', 'MB']);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
