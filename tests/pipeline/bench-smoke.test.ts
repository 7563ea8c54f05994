// A smoke run of the benchmark harness (`npm run bench -- --quick`): it runs, checks the helpers'
// verdicts against ajv, and writes its table. Not a measurement: the benchmarks are never timed
// in npm test.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

test('npm run bench -- --quick writes a table of every figure', async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-bench-'));
  try {
    await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'bench/run.js'), '--quick', '--only', 'runtime,bundle,lint,narrow,consumers', '--out', out], { cwd: REPO_ROOT });
    const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8'));
    expect(results.quick).toBe(true);
    expect(results.figures.map((f: { figure: string }) => f.figure.split(':')[0])).toEqual([
      ...Array(15).fill('Runtime'),
      ...Array(6).fill('Bundle'),
      'Downstream lint, Spectral',
      'Downstream lint, Redocly',
      'Narrow',
      'Consumers',
      'Consumers',
    ]);
    for (const f of results.figures) expect(Number.isFinite(f.ours), f.figure).toBe(true);
    expect(await readFile(path.join(out, 'results.md'), 'utf8')).toContain('| figure | ours | alternative | ratio | target | met? |');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

// The build benchmark is too slow for npm test; what keeps its naive chain honest is that it runs
// every generator the pipeline runs (it once lacked generate-error-schemas.js, and its compile failed).
test("the build benchmark's naive chain runs every generator in scripts/", async () => {
  const { NAIVE } = await import('../../bench/build.js');
  const run = NAIVE.flatMap(([, args]) => (args as string[]).map((arg) => path.basename(arg)));
  const generators = (await readdir(path.join(REPO_ROOT, 'scripts'))).filter((file) => /^generate-.*\.js$/.test(file));
  // generate-types.js is openapi-typescript, which the chain runs through its own CLI.
  expect(generators).toContain('generate-types.js');
  expect(run).toContain('cli.js');
  for (const generator of generators.filter((file) => file !== 'generate-types.js')) expect(run, generator).toContain(generator);
});
