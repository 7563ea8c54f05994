// Benchmark: `payment-errors narrow` (in process: read, plan, write the narrowed file) against
// `redocly bundle` of the same file (openapi-core's bundle, in process, as the decorator's way in
// runs), on the synthetic spec whose every operation declares its errors; alternating runs.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundle, createConfig } from '@redocly/openapi-core';
import { stringify } from 'yaml';
import { specFiles } from '../bin/spec-files.js';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { median } from './stats.js';
import { syntheticSpec } from './synthetic-spec.js';

/** @param {{ runs: number, quick: boolean }} options */
export async function benchNarrow({ runs, quick }) {
  const operations = quick ? 100 : 5000;
  const dir = path.join(REPO_ROOT, 'dist/bench');
  const file = path.join(dir, 'synthetic-declared.yaml');
  await mkdir(dir, { recursive: true });
  const text = stringify(syntheticSpec({ operations }), { lineWidth: 0 });
  await writeFile(file, text);
  const { runCli } = await import('../dist/src/cli-commands.js');
  const io = { stdout: () => {}, stderr: () => {}, readInput: () => Promise.reject(new Error('no input')), specs: specFiles() };
  const config = await createConfig({ extends: [] });
  const runs_ = {
    ours: async () => {
      const code = await runCli(['narrow', file, '-o', path.join(dir, 'synthetic-narrowed.yaml')], io);
      if (code !== 0) throw new Error(`bench: narrow exited ${code}`);
    },
    bundle: () => bundle({ ref: file, config }),
  };
  await runs_.ours();
  await runs_.bundle();
  /** @type {{ ours: number[], bundle: number[] }} */
  const times = { ours: [], bundle: [] };
  for (let i = 0; i < runs; i++) {
    /** @type {Array<'ours' | 'bundle'>} */
    const order = i % 2 ? ['bundle', 'ours'] : ['ours', 'bundle'];
    for (const which of order) {
      const start = performance.now();
      await runs_[which]();
      times[which].push(performance.now() - start);
    }
  }
  return [
    {
      figure: `Narrow: payment-errors narrow vs redocly bundle of the same file (synthetic, ${operations} operations each declaring its errors, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB)`,
      unit: 'ms',
      ours: median(times.ours),
      alternative: median(times.bundle),
      target: { maxRatio: 1 },
    },
  ];
}
