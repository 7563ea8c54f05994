// `payment-errors narrow` and `check --spec` run in process with the CLI's own spec files
// (bin/spec-files.js) on a project's files, and what a narrowed spec must be, held against the
// spec it came from: the properties every narrowing keeps, whatever the file looks like.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as jsYaml from 'js-yaml';
import { specFiles } from '../../bin/spec-files.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { runCli } from '../../src/cli/commands.ts';
import type { SpecIo } from '../../src/cli/run.ts';
import type { Project } from './lint.ts';

export interface Run {
  code: number;
  stdout: string;
  /** With the project's folder left out of file names. */
  stderr: string;
}

/** `payment-errors narrow <file> [-o <out>] [--json]`, files relative to the project. */
export async function narrowCli(project: Project, file: string, { out, json = false, specs = specFiles() }: { out?: string; json?: boolean; specs?: SpecIo } = {}): Promise<Run> {
  const argv = ['narrow', path.join(project.dir, file), ...(out ? ['-o', path.join(project.dir, out)] : []), ...(json ? ['--json'] : [])];
  return run(project, argv, new Uint8Array(), specs);
}

/** `payment-errors check --spec <spec> <args> -` with `body` on standard input. */
export async function checkSpecCli(project: Project, spec: string, args: readonly string[], body: unknown, specs: SpecIo = specFiles()): Promise<Run> {
  return run(project, ['check', '--spec', path.join(project.dir, spec), ...args, '-'], new TextEncoder().encode(JSON.stringify(body)), specs);
}

async function run(project: Project, argv: string[], input: Uint8Array, specs: SpecIo): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readInput: async () => input, specs });
  return { code, stdout, stderr: stderr.replaceAll(`${project.dir}/`, '') };
}

/** A fixture (a path under tests/fixtures/) written into the project one folder down, as <folder>/openapi.<ext>; resolves to that file. */
export async function writeFixture(project: Project, fixture: string, folder: string, change: (text: string) => string = (t) => t): Promise<string> {
  const text = await readFile(path.join(REPO_ROOT, 'tests/fixtures', fixture), 'utf8');
  // One level down: the $refs to ./node_modules become ../node_modules.
  const file = `${folder}/openapi.${path.extname(fixture).slice(1)}`;
  await project.write(file, change(text.replaceAll('./node_modules/', '../node_modules/')));
  return file;
}

/** How both engines read YAML: the core schema with merge keys (<<), no timestamps. */
const ENGINES = jsYaml.CORE_SCHEMA.withTags(jsYaml.mergeTag);

/** A spec file's data (JSON when it parses as JSON, else YAML as the engines read it; a byte order mark left out). */
export function parseSpec(text: string): any {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch {
    return jsYaml.load(body, { schema: ENGINES });
  }
}

/**
 * What is wrong with `output` as the narrowing of `input`, as sentences (none: nothing). Every
 * operation without a declaration reads as it did, and every member of a declaring one but its
 * error responses, each of which is as it was or a $ref to a response component of the output;
 * the user's components (those narrowing did not write), every other member of `components` and
 * of the document read as they did; no local $ref leads nowhere, and `components` and its maps are maps.
 */
export function narrowingProblems(input: any, output: any): string[] {
  const problems: string[] = [];
  for (const section of ['paths', 'webhooks']) {
    for (const [key, item] of Object.entries<any>(input[section] ?? {})) {
      for (const [method, operation] of Object.entries<any>(item ?? {})) {
        const after = output[section]?.[key]?.[method];
        const where = `${section} ${key} ${method}`;
        if (typeof operation !== 'object' || operation === null || !('x-payment-errors' in operation)) {
          if (!isDeepStrictEqual(operation, after)) problems.push(`${where} (no declaration) changed`);
          continue;
        }
        for (const [member, value] of Object.entries(operation)) if (member !== 'responses' && !isDeepStrictEqual(value, after?.[member])) problems.push(`${where} ${member} changed`);
        for (const [status, response] of Object.entries<any>(operation.responses ?? {})) {
          const now = after?.responses?.[status];
          if (isDeepStrictEqual(response, now)) continue;
          const name = /^#\/components\/responses\/([^/]+)$/.exec(now?.$ref ?? '')?.[1];
          if (!name || !output.components?.responses?.[name]) problems.push(`${where} ${status} became ${JSON.stringify(now)}, not a $ref to a response component`);
        }
      }
    }
  }
  for (const key of Object.keys({ ...input, ...output })) {
    if (!['paths', 'webhooks', 'components'].includes(key) && !isDeepStrictEqual(input[key], output[key])) problems.push(`${key} changed`);
  }
  for (const [key, value] of Object.entries<any>(input.components ?? {})) {
    if (key === 'schemas' || key === 'responses') {
      for (const [name, component] of Object.entries<any>(value ?? {})) {
        if (!component?.['x-narrowed-by'] && !isDeepStrictEqual(component, output.components?.[key]?.[name])) problems.push(`components.${key}.${name} changed`);
      }
    } else if (!isDeepStrictEqual(value, output.components?.[key])) problems.push(`components.${key} changed`);
  }
  if ('components' in output && !isMap(output.components)) problems.push('components is no map');
  for (const kind of ['schemas', 'responses']) if (output.components && kind in output.components && !isMap(output.components[kind])) problems.push(`components.${kind} is no map`);
  const walk = (node: any, at: string): void => {
    if (typeof node !== 'object' || node === null) return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      const target = node.$ref
        .slice(2)
        .split('/')
        .reduce((n: any, k: string) => n?.[decodeURIComponent(k).replace(/~1/g, '/').replace(/~0/g, '~')], output);
      if (target === undefined) problems.push(`${node.$ref} at ${at} leads nowhere`);
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
  };
  walk(output, '');
  return problems;
}

function isMap(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
