// Runs one rule of the downstream kit, every other rule off, through each real engine: Spectral
// (spectral-core, as `spectral lint` does) and Redocly (openapi-core's lint, as `redocly lint`
// does), on spec files in a project folder where the package is installed as
// node_modules/payment-error-contract (a link to this repository). Findings come back in one
// shape, whichever engine found them, with the file and the path in it where each is placed.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConfig, lint as redoclyLint } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import redoclyPlugin from '../../src/kit/redocly/plugin.ts';
import spectralRuleset from '../../src/kit/spectral/ruleset.ts';

export type Engine = 'spectral' | 'redocly';
export const ENGINES: readonly Engine[] = ['spectral', 'redocly'];

export interface Finding {
  /** The rule's name without the engine's prefix: body, example, ... */
  rule: string;
  /** Relative to the project folder. */
  file: string;
  /** Where in that file, e.g. paths./payments.post.responses */
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

/** The package's 3.1 document as a spec at the project root $refs it. */
export const PACKAGE_DOCUMENT = './node_modules/payment-error-contract/generated/openapi.yaml';
export const PACKAGE_DOCUMENT_30 = './node_modules/payment-error-contract/generated/openapi-3.0.yaml';

/** A $ref to a component of the package's document: pkg('responses/BadRequest'). */
export const pkg = (component: string, version: '3.0' | '3.1' = '3.1') => ({ $ref: `${version === '3.0' ? PACKAGE_DOCUMENT_30 : PACKAGE_DOCUMENT}#/components/${component}` });

export interface Project {
  readonly dir: string;
  /** Writes a file (a document as YAML, or text) and resolves to its absolute path. */
  write(file: string, content: unknown): Promise<string>;
  remove(): Promise<void>;
}

/** The kit for each engine: this repository's (from src/), or one compiled from another copy of the project. */
export interface Kit {
  spectral: { rules: Record<string, unknown> };
  redocly: () => { id: string; configs: Record<string, { rules: Record<string, string> }> };
}

const SOURCE_KIT: Kit = { spectral: spectralRuleset, redocly: redoclyPlugin };

/** The kit compiled into a copy of the project (its dist/), with that copy's contract. */
export async function compiledKit(root: string): Promise<Kit> {
  const load = (file: string) => import(pathToFileURL(path.join(root, file)).href);
  return { spectral: (await load('dist/src/kit/spectral/ruleset.js')).default, redocly: (await load('dist/src/kit/redocly/plugin.js')).default };
}

/** A project folder with the package installed: this repository, or another copy of it. */
export async function downstreamProject(packageRoot = REPO_ROOT): Promise<Project> {
  const dir = await mkdtemp(path.join(tmpdir(), 'payment-error-contract-lint-'));
  await mkdir(path.join(dir, 'node_modules'));
  await symlink(packageRoot, path.join(dir, 'node_modules/payment-error-contract'), 'dir');
  return {
    dir,
    async write(file, content) {
      const target = path.join(dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, typeof content === 'string' ? content : stringify(content, { lineWidth: 0 }));
      return target;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Spectral's line of each finding, by its path (for the tests of where findings land). */
export async function spectralLines(project: Project, file: string): Promise<Array<{ path: string; line: number }>> {
  const spectral = new spectralCore.Spectral();
  spectral.setRuleset({ rules: spectralRuleset.rules } as never);
  const absolute = path.join(project.dir, file);
  const results = await spectral.run(new spectralCore.Document(await readFile(absolute, 'utf8'), spectralParsers.Yaml, absolute));
  return results.filter((r) => String(r.code).startsWith('payment-error-')).map((r) => ({ path: r.path.join('.'), line: r.range.start.line + 1 }));
}

/** Lints `file` of the project with one rule (every rule when `rule` is undefined) through an engine. */
export async function lint(engine: Engine, project: Project, file: string, rule?: string, kit: Kit = SOURCE_KIT): Promise<Finding[]> {
  const absolute = path.join(project.dir, file);
  // As `npx spectral lint` and `npx redocly lint` run: from the project's folder.
  const previous = process.cwd();
  process.chdir(project.dir);
  try {
    const findings = engine === 'spectral' ? await withSpectral(absolute, rule, kit) : await withRedocly(absolute, rule, kit);
    return findings.map((f) => ({ ...f, file: path.relative(project.dir, f.file) }));
  } finally {
    process.chdir(previous);
  }
}

const SPECTRAL_SEVERITY = ['error', 'warning'] as const;

async function withSpectral(file: string, rule: string | undefined, kit: Kit): Promise<Finding[]> {
  const rules = Object.fromEntries(Object.entries(kit.spectral.rules).filter(([name]) => rule === undefined || name === `payment-error-${rule}`));
  if (rule !== undefined && Object.keys(rules).length !== 1) throw new Error(`the Spectral ruleset has no rule payment-error-${rule}`);
  const spectral = new spectralCore.Spectral();
  spectral.setRuleset({ rules } as never);
  const results = await spectral.run(new spectralCore.Document(await readFile(file, 'utf8'), spectralParsers.Yaml, file));
  // The kit's findings only, not Spectral's own (invalid-ref and the like).
  return results.filter((r) => String(r.code) in rules).map((r) => ({
    rule: String(r.code).replace(/^payment-error-/, ''),
    file: r.source ?? file,
    path: r.path.join('.'),
    severity: SPECTRAL_SEVERITY[r.severity as 0 | 1] ?? 'warning',
    message: r.message,
  }));
}

async function withRedocly(file: string, rule: string | undefined, kit: Kit): Promise<Finding[]> {
  const plugin = kit.redocly();
  const rules = Object.fromEntries(
    Object.entries(plugin.configs['recommended']?.rules ?? {}).filter(([name]) => rule === undefined || name === `${plugin.id}/${rule}`),
  );
  if (rule !== undefined && Object.keys(rules).length !== 1) throw new Error(`the Redocly plugin has no rule ${plugin.id}/${rule}`);
  const config = await createConfig({ extends: [], plugins: [plugin as never], rules } as never);
  const problems = await redoclyLint({ ref: file, config });
  return problems.map((p) => {
    const location = p.location[0];
    return {
      rule: p.ruleId.replace(`${plugin.id}/`, ''),
      file: location?.source.absoluteRef ?? file,
      path: (location && 'pointer' in location && location.pointer ? location.pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointer) : []).join('.'),
      severity: p.severity === 'error' ? 'error' : 'warning',
      message: p.message,
    };
  });
}

function unescapePointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}
