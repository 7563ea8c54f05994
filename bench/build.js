// Benchmark: `npm run build` from a clean generated/ and dist/, against a naive sequential chain
// of the same tools' command-line interfaces doing the same work, alternating runs; medians. Also
// the time of each step of ours (they overlap) and of the naive chain (one process each).
import path from 'node:path';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { copyProject } from '../tests/helpers/project-copy.js';
import { median } from './stats.js';
import { timedRun } from './timed-run.js';

const node = process.execPath;
const bin = (/** @type {string} */ file) => path.join(REPO_ROOT, 'node_modules', file);
const script = (/** @type {string} */ name) => path.join(REPO_ROOT, 'scripts', name);
const QUIET = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/**
 * The naive chain: each tool's CLI in turn, as `a && b && c` in package.json would run them; every
 * generator of the pipeline is in it (a test holds it to scripts/).
 */
export const NAIVE = [
  ['lint:redocly', [bin('@redocly/cli/bin/cli.js'), 'lint', 'openapi/openapi.yaml']],
  ['verify:catalog', [script('verify-catalog.js'), '--root', '.']],
  ['bundle', [bin('@redocly/cli/bin/cli.js'), 'bundle', 'openapi/openapi.yaml', '-o', 'generated/openapi.yaml']],
  ['bundle', [bin('@redocly/cli/bin/cli.js'), 'bundle', 'openapi/openapi.yaml', '-o', 'generated/openapi.json']],
  ['lint:spectral', [bin('@stoplight/spectral-cli/dist/index.js'), 'lint', 'generated/openapi.yaml', '--ruleset', '.spectral.js', '--fail-severity', 'warn']],
  ['generate:types', [bin('openapi-typescript/bin/cli.js'), 'generated/openapi.yaml', '-o', 'generated/openapi.ts', '--root-types', '--enum-values']],
  ['generate:openapi-3.0', [script('generate-openapi-3.0.js'), '--root', '.']],
  ['generate:runtime', [script('generate-runtime.js'), '--root', '.']],
  ['generate:json-schema', [script('generate-json-schema.js'), '--root', '.']],
  ['generate:error-schemas', [script('generate-error-schemas.js'), '--root', '.']],
  ['generate:errors-md', [script('generate-errors-md.js'), '--root', '.']],
  ['docs', [bin('@redocly/cli/bin/cli.js'), 'build-docs', 'generated/openapi.yaml', '--inlineBundle', '-o', 'dist/docs/index.html']],
  ['compile', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json']],
];

/** @param {{ runs: number }} options */
export async function benchBuild({ runs }) {
  const project = await copyProject();
  try {
    /** @type {number[]} */
    const ours = [];
    /** @type {number[]} */
    const naive = [];
    /** @type {Record<string, number[]>} */
    const ourSteps = {};
    /** @type {Record<string, number[]>} */
    const naiveSteps = {};
    const runOurs = async () => {
      await project.clean();
      const { ms, output } = await timedRun(node, [script('build.js'), '--root', project.root], { cwd: project.root });
      ours.push(ms);
      // build.js ends with: build: done in N ms (step N ms, step N ms, ...)
      for (const [, step, stepMs] of output.matchAll(/([\w:-]+) (\d+) ms/g)) if (step !== 'in') (ourSteps[step ?? ''] ??= []).push(Number(stepMs));
    };
    const runNaive = async () => {
      await project.clean();
      /** @type {Record<string, number>} */
      const steps = {};
      const start = performance.now();
      for (const [step, args] of NAIVE) {
        const { ms } = await timedRun(node, /** @type {string[]} */ (args), { cwd: project.root, env: QUIET });
        steps[/** @type {string} */ (step)] = (steps[/** @type {string} */ (step)] ?? 0) + ms;
      }
      naive.push(performance.now() - start);
      for (const [step, ms] of Object.entries(steps)) (naiveSteps[step] ??= []).push(ms);
    };
    await runOurs(); // warm-up: the file system cache, for both
    ours.length = 0;
    for (const key of Object.keys(ourSteps)) delete ourSteps[key];
    for (let i = 0; i < runs; i++) {
      if (i % 2) {
        await runNaive();
        await runOurs();
      } else {
        await runOurs();
        await runNaive();
      }
    }
    return [
      { figure: 'Build: npm run build vs a naive sequential chain of the tools\' CLIs (clean generated/ and dist/)', unit: 'ms', ours: median(ours), alternative: median(naive), target: { maxRatio: 0.5 } },
      // Steps the pipeline times on their own; the small generators run inside `generate`.
      ...Object.keys(naiveSteps)
        .filter((step) => ourSteps[step])
        .map((step) => ({
          figure: `Build step ${step}: in the pipeline (overlapping others) vs in its own process`,
          unit: 'ms',
          ours: median(ourSteps[step] ?? []),
          alternative: median(naiveSteps[step] ?? []),
          target: {},
        })),
    ];
  } finally {
    await project.remove();
  }
}
