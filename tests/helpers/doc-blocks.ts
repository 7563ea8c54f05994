// The guides as the tests read them: README.md and docs/*.md, their fenced code blocks (with the
// heading each sits under, the file it names and the test a marker says covers it), their headings'
// anchors by GitHub's rules, and their links. What kind of check each block gets, and how each
// shell command is run, is decided here too, so that the fast test (tests/guides/) can show that no
// block is left without a check before the slow harness (tests/packed/guides.test.ts) runs them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

/** The guides: README.md first, then docs/*.md by name. */
export function guideFiles(root = REPO_ROOT): string[] {
  const docs = readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

export function readGuide(doc: string, root = REPO_ROOT): string {
  return readFileSync(path.join(root, doc), 'utf8');
}

export interface DocBlock {
  /** the guide, relative to the repository root (`docs/lint.md`) */
  doc: string;
  /** 1-based line of the opening fence */
  line: number;
  /** the first word of the info string, lower case (`ts`, `sh`, `yaml`) */
  lang: string;
  /** `key=value` words after the language (`json file=body.json`) */
  attrs: Record<string, string>;
  code: string;
  /** the text of the nearest heading above it ('' before the first) */
  heading: string;
  /** the file the block is, named on its first line (`# .spectral.yaml`, `// src/client.ts`) or by `file=` */
  file: string | undefined;
  /** the test an HTML comment just before it says covers it (`<!-- tested: tests/x.test.ts -->`) */
  tested: string | undefined;
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const MARKER = /^<!--\s*tested:\s*(\S+)\s*-->$/;
/** A first line that names the file the block is: a comment holding a path with an extension, then nothing or `,`, `:` or ` (`. */
const NAMED = /^(?:#|\/\/)\s*([\w./-]+\.[\w]+)(?:\s*$|[,:]|\s+\()/;

interface Line {
  text: string;
  /** inside a fenced block (fences included) */
  fenced: boolean;
}

function lines(text: string): Line[] {
  let fence: string | undefined;
  return text.split('\n').map((raw) => {
    const text = raw.replace(/\r$/, '');
    const m = FENCE.exec(text);
    if (fence === undefined) {
      if (m) fence = m[2];
      return { text, fenced: m !== null };
    }
    const closing = m && m[2]?.[0] === fence[0] && (m[2]?.length ?? 0) >= fence.length && (m[3] ?? '').trim() === '';
    if (closing) fence = undefined;
    return { text, fenced: true };
  });
}

export function codeBlocks(doc: string, text: string): DocBlock[] {
  const all = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const blocks: DocBlock[] = [];
  let heading = '';
  for (let i = 0; i < all.length; i++) {
    const line = all[i] ?? '';
    const h = HEADING.exec(line);
    if (h) {
      heading = h[2] ?? '';
      continue;
    }
    const open = FENCE.exec(line);
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < all.length; j++) {
      const close = FENCE.exec(all[j] ?? '');
      if (close && close[2]?.[0] === fence[0] && (close[2]?.length ?? 0) >= fence.length && (close[3] ?? '').trim() === '') break;
      body.push((all[j] ?? '').startsWith(indent) ? (all[j] ?? '').slice(indent.length) : (all[j] ?? ''));
    }
    const [lang = '', ...words] = info.trim().split(/\s+/);
    const attrs = Object.fromEntries(words.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
    let before = i - 1;
    while (before >= 0 && (all[before] ?? '').trim() === '') before--;
    const code = body.join('\n');
    blocks.push({
      doc,
      line: i + 1,
      lang: lang.toLowerCase(),
      attrs,
      code,
      heading,
      file: attrs.file ?? NAMED.exec(body[0] ?? '')?.[1],
      tested: MARKER.exec((all[before] ?? '').trim())?.[1],
    });
    i = j;
  }
  return blocks;
}

/** The blocks under a heading of a guide (the heading's own text, as written), in order; throws when there is none. */
export function blocksUnder(doc: string, heading: string, root = REPO_ROOT): DocBlock[] {
  const found = codeBlocks(doc, readGuide(doc, root)).filter((b) => b.heading === heading);
  if (found.length === 0) throw new Error(`${doc} has no code block under the heading "${heading}"`);
  return found;
}

/**
 * Blocks handed out one at a time, to a test that runs them itself (the test a guide's marker
 * names): by the file a block names, or the `nth` block (from 0) of a language; `unused()` lists
 * those no test took, so that the test can show none is left out.
 */
export class Blocks {
  private readonly used = new Set<number>();
  constructor(readonly all: readonly DocBlock[]) {}

  take(which: { file: string } | { lang: string; nth?: number }): DocBlock {
    const index = 'file' in which ? this.all.findIndex((b) => b.file === which.file) : (this.all.map((b, i) => [b, i] as const).filter(([b]) => b.lang === which.lang)[which.nth ?? 0]?.[1] ?? -1);
    const block = this.all[index];
    if (!block) throw new Error(`no block ${JSON.stringify(which)} in ${this.all[0]?.doc ?? 'the guide'}`);
    this.used.add(index);
    return block;
  }

  unused(): DocBlock[] {
    return this.all.filter((_, i) => !this.used.has(i));
  }
}

// ---------------------------------------------------------------------------------------------
// Headings, anchors and links, as GitHub renders them.

/** GitHub's anchor of a heading: its text without Markdown, lower case, punctuation other than `-` and `_` dropped, spaces as `-`. */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** Every anchor a Markdown file has: its headings' (a repeated one gets `-1`, `-2`, ...) and the ids of its HTML elements. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text: line, fenced } of lines(text)) {
    if (fenced) continue;
    const h = HEADING.exec(line);
    if (h) {
      const slug = githubSlug(h[2] ?? '');
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of line.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1] ?? '');
  }
  return anchors;
}

export interface DocLink {
  target: string;
  line: number;
}

/** The links of a Markdown file outside code blocks and code spans: inline `[text](target)`, images, and reference definitions `[name]: target`. */
export function linksOf(text: string): DocLink[] {
  const links: DocLink[] = [];
  lines(text).forEach(({ text: line, fenced }, i) => {
    if (fenced) return;
    const prose = line.replace(/(`+)[^`]*?\1/g, '');
    for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: m[1] ?? '', line: i + 1 });
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(prose);
    if (definition) links.push({ target: definition[1] ?? '', line: i + 1 });
  });
  return links;
}

/** What is wrong with each relative link of a guide (a file or folder that is not there, an anchor its target lacks); empty when all resolve. */
export function brokenLinks(doc: string, text: string, root = REPO_ROOT): string[] {
  const problems: string[] = [];
  for (const { target, line } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not ours to check offline
    const [file = '', anchor] = target.split('#', 2);
    const resolved = file === '' ? path.join(root, doc) : path.join(root, path.dirname(doc), decodeURIComponent(file));
    const where = `${doc}:${line}: ${target}`;
    if (!path.relative(root, resolved).split(path.sep).every((part) => part !== '..')) {
      problems.push(`${where}: leads out of the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${where}: ${path.relative(root, resolved)} does not exist`);
      continue;
    }
    if (anchor === undefined) continue;
    if (!resolved.endsWith('.md')) {
      problems.push(`${where}: an anchor into a file that is not Markdown cannot be checked`);
      continue;
    }
    if (!anchorsOf(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor))) problems.push(`${where}: ${path.relative(root, resolved)} has no heading or element with the anchor #${anchor}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// What check each block gets.

/**
 * Tests a `tested:` marker may name before they exist: the harness checks those blocks itself
 * meanwhile. Each entry says who writes it; once the file exists, the entry must go (the fast test
 * says so), and the named test then covers the blocks.
 */
export const NOT_YET_WRITTEN: Record<string, string> = {};

export type Check =
  | { kind: 'typescript' }
  | { kind: 'shell' }
  | { kind: 'json-body' }
  | { kind: 'spectral-config' }
  | { kind: 'redocly-config' }
  | { kind: 'openapi' }
  | { kind: 'contract-edit'; target: string; beside: string }
  | { kind: 'covered'; by: string };

/** The check a block gets by what it is; throws, naming the block, for one that no check fits. */
export function checkOf(block: DocBlock): Check {
  if (block.tested && !(block.tested in NOT_YET_WRITTEN)) return { kind: 'covered', by: block.tested };
  const where = `${block.doc}:${block.line}`;
  switch (block.lang) {
    case 'ts':
    case 'typescript':
      return { kind: 'typescript' };
    case 'sh':
    case 'bash':
    case 'shell':
      return { kind: 'shell' };
    case 'json':
      return { kind: 'json-body' };
    case 'yaml':
    case 'yml': {
      const name = block.file ? path.basename(block.file) : undefined;
      if (name === '.spectral.yaml' || name === '.spectral.yml') return { kind: 'spectral-config' };
      if (name === 'redocly.yaml' || name === 'redocly.yml') return { kind: 'redocly-config' };
      if (block.file?.startsWith('openapi/')) {
        const beside = /,\s*beside\s+([\w-]+)\s*$/.exec(block.code.split('\n')[0] ?? '')?.[1];
        if (!beside) throw new Error(`${where}: an edit of ${block.file} must say where it goes ("# ${block.file}, beside <key>")`);
        return { kind: 'contract-edit', target: block.file, beside };
      }
      let value: unknown;
      try {
        value = parse(block.code);
      } catch (error) {
        throw new Error(`${where}: the YAML does not parse: ${(error as Error).message.split('\n')[0]}`);
      }
      const keys = value && typeof value === 'object' ? Object.keys(value) : [];
      if (keys.some((k) => ['openapi', 'paths', 'components', 'webhooks'].includes(k))) return { kind: 'openapi' };
      throw new Error(`${where}: a YAML block that is neither an OpenAPI document (or part of one) nor a config named on its first line (# .spectral.yaml, # redocly.yaml)`);
    }
    default:
      throw new Error(`${where}: no check for a \`\`\`${block.lang || '(no language)'} block; mark the test that covers it with <!-- tested: tests/... -->`);
  }
}

/** Why the test a marker names does not cover the block, if it does not: it must exist and read the block by its guide and heading (with blocksUnder). */
export function coverageProblem(block: DocBlock, root = REPO_ROOT): string | undefined {
  if (!block.tested) return undefined;
  const where = `${block.doc}:${block.line}`;
  if (block.tested in NOT_YET_WRITTEN) {
    return existsSync(path.join(root, block.tested)) ? `${where}: ${block.tested} exists now: remove it from NOT_YET_WRITTEN (tests/helpers/doc-blocks.ts) so that it covers the block` : undefined;
  }
  const file = path.join(root, block.tested);
  if (!existsSync(file)) return `${where}: the marker names ${block.tested}, which does not exist`;
  const source = readFileSync(file, 'utf8');
  const reads = source.includes('blocksUnder(') && source.includes(`'${block.doc}'`) && source.includes(`'${block.heading.replace(/'/g, "\\'")}'`);
  return reads ? undefined : `${where}: ${block.tested} does not read this block: it should call blocksUnder('${block.doc}', '${block.heading}')`;
}

// ---------------------------------------------------------------------------------------------
// Shell blocks: where each command runs and how.

/** `repo`: a copy of this repository (contributor commands); `project`: a project that installed the package. */
export type Context = 'repo' | 'project';
/** run: run as written; link: npm install of registry packages (see LINK_REASON); npx-packages: `npx --package ...` of registry packages, run from a folder of links (see NPX_REASON); exists: too slow or a suite of its own, its script checked; bench-help: its options checked with --help; apt: a system package, checked against .ci/run */
export type How = 'run' | 'link' | 'npx-packages' | 'exists' | 'bench-help' | 'apt';

export interface ShellStep {
  /** the command as written (with its environment assignments) */
  text: string;
  how: How;
  reason: string | undefined;
}

export interface ShellLine {
  doc: string;
  line: number;
  context: Context;
  /** the line without its comment */
  command: string;
  /** the steps joined by `&&`, in order */
  steps: ShellStep[];
  /** the exit code the line's comment announces with `(exit N)`, else 0 */
  exit: number;
}

export const LINK_REASON = 'tests make no network requests: the packages are linked from this repository\'s node_modules (the versions its lockfile pins), each held to the version the line asks for';

export const NPX_REASON = 'tests make no network requests: the packages npx would fetch are linked into a folder of their own from this repository\'s node_modules, each held to the version the line asks for, and the command runs from there in the project';

const RULES: Array<{ context: Context; pattern: RegExp; how: How; reason?: string }> = [
  { context: 'project', pattern: /^npx (payment-errors|spectral|redocly|openapi-typescript|tsc)(\s|$)/, how: 'run' },
  { context: 'project', pattern: /^npx (--package [@\w][\w@/.^~-]* )+(openapi-typescript|tsc)(\s|$)/, how: 'npx-packages', reason: NPX_REASON },
  { context: 'project', pattern: /^npm install (--save-dev |-D )?\.\.?\/\S+\.tgz$/, how: 'run' },
  { context: 'project', pattern: /^npm install (--save-dev |-D )?[@\w][\w@/.^~-]*( [@\w][\w@/.^~-]*)*$/, how: 'link', reason: LINK_REASON },
  { context: 'project', pattern: /^echo '[^']*' > [\w./-]+$/, how: 'run' },
  { context: 'project', pattern: /^curl /, how: 'run' },
  { context: 'repo', pattern: /^npm ci$/, how: 'run' },
  { context: 'repo', pattern: /^npm pack$/, how: 'run' },
  { context: 'repo', pattern: /^npm run (build|docs|check|compat|bundle|compile|verify:catalog|lint:[\w-]+|generate:[\w.-]+)$/, how: 'run' },
  { context: 'repo', pattern: /^npm test$/, how: 'exists', reason: 'the whole fast suite, which CI runs itself' },
  { context: 'repo', pattern: /^npm run test:[\w-]+$/, how: 'exists', reason: 'a test suite CI runs itself (test:guides is this harness)' },
  { context: 'repo', pattern: /^npm run bench -- --help$/, how: 'run' },
  { context: 'repo', pattern: /^npm run bench( -- .*)?$/, how: 'bench-help', reason: 'minutes of measurement: its options are checked against `npm run bench -- --help`' },
  { context: 'repo', pattern: /^node bench\/[\w-]+\.js( .*)?$/, how: 'exists', reason: 'a step of the benchmarks, on a spec that is not in this repository' },
  { context: 'repo', pattern: /^(sudo )?apt-get install( -y)? [\w.+-]+$/, how: 'apt', reason: 'installs a system package: checked to be the one .ci/run installs' },
];

/** Splits at an operator outside quotes. */
function splitOutside(text: string, operator: '&&' | '|'): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (operator === '&&' && text.startsWith('&&', i)) {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    } else if (operator === '|' && c === '|' && text[i + 1] !== '|' && text[i - 1] !== '|') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** The line without a comment that starts outside quotes. */
function withoutComment(text: string): { command: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return { command: text.slice(0, i).trim(), comment: text.slice(i + 1).trim() };
  }
  return { command: text.trim(), comment: '' };
}

/** The guides where a shell block without a `# in ...` line runs in a copy of the repository; elsewhere it runs in the project. */
const REPO_GUIDES = ['docs/contributing.md', 'docs/performance.md', 'docs/reference-page.md'];

/** The commands of a shell block, each with where and how it runs; throws, naming the line, for a command no rule fits. */
export function shellLines(block: DocBlock): ShellLine[] {
  let context: Context = REPO_GUIDES.includes(block.doc) ? 'repo' : 'project';
  const result: ShellLine[] = [];
  const raw = block.code.replace(/\\\n\s*/g, ' ').split('\n');
  raw.forEach((text, i) => {
    const line = block.line + 1 + i;
    const where = `${block.doc}:${line}`;
    const { command, comment } = withoutComment(text);
    if (command === '') {
      if (/^in a clone of this repository\b/.test(comment)) context = 'repo';
      else if (/^in your project\b/.test(comment)) context = 'project';
      return;
    }
    const steps = splitOutside(command, '&&').map((step): ShellStep => {
      const bare = step.replace(/^(\w+=\S*\s+)+/, '');
      const segments = splitOutside(bare, '|');
      const plans = segments.map((segment) => {
        const rule = RULES.find((r) => r.context === context && r.pattern.test(segment));
        if (!rule) throw new Error(`${where}: no runner for \`${segment}\` in ${context === 'repo' ? 'a copy of the repository' : 'the project'}`);
        return rule;
      });
      if (plans.length > 1 && plans.some((p) => p.how !== 'run')) throw new Error(`${where}: a pipeline runs whole or not at all, and \`${step}\` has a part that cannot run`);
      return { text: step, how: plans[0]?.how ?? 'run', reason: plans[0]?.reason };
    });
    const exit = Number(/\(exit (\d+)\)/.exec(comment)?.[1] ?? 0);
    result.push({ doc: block.doc, line, context, command, steps, exit });
  });
  return result;
}

/** The `// → ` lines of a TypeScript block: what it prints, in order. */
export function shownOutput(code: string): string[] {
  return [...code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1] ?? '');
}
