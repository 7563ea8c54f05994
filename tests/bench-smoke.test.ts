// A smoke run of the benchmark harness (`npm run bench -- --quick`): it runs, checks the helpers'
// verdicts against ajv, and writes its table. Not a measurement: the benchmarks are never timed
// in npm test.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../scripts/lib/layout.js';

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
