// The table of one rule's cases, run through each engine: every case is a change to the
// downstream spec and the findings it must give, with the file and path where each is placed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { downstreamSpec } from './downstream-fixture.ts';
import { ENGINES, downstreamProject, lint, type Engine, type Kit, type Project } from './lint.ts';

export interface Want {
  path: string;
  message: string;
  /** Where Spectral places it when that differs: it cannot place a finding on a $ref, only on the map that holds it. */
  spectral?: string;
  /** The file, when it is not the spec itself. */
  file?: string;
}

export interface Case {
  name: string;
  /** Changes the spec (the downstream spec unless `spec` says otherwise); may write other files of the project. */
  change: (spec: any, project: Project) => unknown;
  want: Want[];
  /** The spec to start from. */
  spec?: () => any;
  /** Where the spec is written, relative to the project (a file per engine: Spectral caches what it read). */
  file?: (engine: Engine) => string;
}

/**
 * Runs every case of a rule through both engines; with `kit`, the kit (and package) of another
 * copy of the project, e.g. one whose contract deprecates a code.
 */
export function ruleCases(rule: string, severity: 'error' | 'warning', cases: Case[], kit?: () => Promise<{ root: string; kit: Kit }>) {
  let project: Project;
  let other: Kit | undefined;
  beforeAll(async () => {
    const compiled = await kit?.();
    other = compiled?.kit;
    project = await downstreamProject(compiled?.root);
  }, 120_000);
  afterAll(async () => {
    await project?.remove();
  });
  describe.each(ENGINES)('%s', (engine: Engine) => {
    test.each(cases.map((c, i) => ({ ...c, i })))('$name', async ({ change, want, spec, file, i }) => {
      const document = (spec ?? downstreamSpec)();
      await change(document, project);
      const at = file?.(engine) ?? `${engine}-${i}.yaml`;
      await project.write(at, document);
      const got = await lint(engine, project, at, rule, other);
      // Each engine lists findings in an order of its own.
      const order = (a: { file: string; path: string; message: string }, b: typeof a) => a.file.localeCompare(b.file) || a.path.localeCompare(b.path) || a.message.localeCompare(b.message);
      expect(got.sort(order)).toEqual(
        want.map((w) => ({ rule, file: w.file ?? at, path: engine === 'spectral' ? (w.spectral ?? w.path) : w.path, severity, message: w.message })).sort(order),
      );
    });
  });
}
