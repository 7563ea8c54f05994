// Benchmark: `payment-errors narrow spec.yaml -o out.yaml` against `redocly bundle spec.yaml -o
// out.yaml`, each the command a user runs (a process that reads the spec and writes the result),
// on the synthetic spec whose every operation declares its errors; alternating runs, medians.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { median } from './stats.js';
import { syntheticSpec } from './synthetic-spec.js';
import { timedRun } from './timed-run.js';

const QUIET = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/** @param {{ runs: number, quick: boolean }} options */
export async function benchNarrow({ runs, quick }) {
  const operations = quick ? 100 : 5000;
  const dir = path.join(REPO_ROOT, 'dist/bench');
  const file = path.join(dir, 'synthetic-declared.yaml');
  await mkdir(dir, { recursive: true });
  const text = stringify(syntheticSpec({ operations }), { lineWidth: 0 });
  await writeFile(file, text);
  const commands = {
    ours: [path.join(REPO_ROOT, 'bin/payment-errors.js'), 'narrow', file, '-o', path.join(dir, 'synthetic-narrowed.yaml')],
    bundle: [path.join(REPO_ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'bundle', file, '-o', path.join(dir, 'synthetic-bundled.yaml')],
  };
  const run = (/** @type {'ours' | 'bundle'} */ which) => timedRun(process.execPath, commands[which], { cwd: REPO_ROOT, env: QUIET });
  await run('ours'); // warm-up: the file cache
  /** @type {{ ours: number[], bundle: number[] }} */
  const times = { ours: [], bundle: [] };
  for (let i = 0; i < runs; i++) {
    /** @type {Array<'ours' | 'bundle'>} */
    const order = i % 2 ? ['bundle', 'ours'] : ['ours', 'bundle'];
    for (const which of order) times[which].push((await run(which)).ms);
  }
  return [
    {
      figure: `Narrow: payment-errors narrow vs redocly bundle, each a command writing its file (synthetic, ${operations} operations each declaring its errors, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB)`,
      unit: 'ms',
      ours: median(times.ours),
      alternative: median(times.bundle),
      target: { maxRatio: 1 },
    },
  ];
}
