// The check narrow makes before it writes anything: the text it would write, read back by the
// same parser, must be the document it read with the plan applied to it as data (apply-data.ts,
// what the Redocly decorator does). A change placed wrong in the text (a YAML construct misread,
// a separator missed, a line ending lost) is caught here, whatever caused it.
import type { JsonPath, Tree } from '../openapi/document.ts';
import { DATA, forEachRef } from '../openapi/refs.ts';
import { describe } from '../../runtime/read.ts';
import { applyToData } from './apply-data.ts';
import type { NarrowPlan } from './plan.ts';
import type { Source } from '../openapi/source.ts';
import { loadYaml, YamlError } from '../openapi/yaml-outline.ts';

/** Reads a file's own members only: the plan's paths are written in the file itself (apply-text.ts refuses others). */
const written: Tree = {
  get: (node, key) => (typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined),
};

/**
 * Why `text` is not what narrowing `source` by `plan` should give, or undefined when it is.
 * `source.data` is changed: it becomes the narrowed document (it is not read again after this).
 */
export function verifyNarrowed(text: string, source: Source, plan: NarrowPlan, rebase: ((ref: string) => string | undefined) | undefined): string | undefined {
  let read: unknown;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    read = source.format === 'json' ? JSON.parse(body) : loadYaml(body);
  } catch (error) {
    if (error instanceof YamlError) return `it would not parse: ${error.message} (${error.line}:${error.col})`;
    return `it would not parse: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  }
  const expected = source.data;
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected)) return 'the spec is not a map';
  applyToData(expected as Record<string, unknown>, plan, written);
  if (rebase) rebaseRefs(expected, rebase);
  const difference = firstDifference(read, expected);
  if (!difference) return undefined;
  return `at ${difference.path.join('.') || 'the top'} it would read ${shown(difference.read)}, where the narrowed spec has ${shown(difference.expected)}`;
}

/** Every relative $ref rewritten, each object once (an object YAML aliases is one object). */
function rebaseRefs(data: unknown, rebase: (ref: string) => string | undefined): void {
  forEachRef([{ node: data }], (holder, ref) => void ((holder as { $ref: string }).$ref = rebase(ref) ?? ref), DATA);
}

/** Where two documents differ first (the order of keys aside), or undefined when they are the same data. */
function firstDifference(a: unknown, b: unknown): { path: JsonPath; read: unknown; expected: unknown } | undefined {
  // The node each node was compared with: a node shared (YAML aliases) or in a cycle is compared once.
  const compared = new Map<object, object>();
  const path: Array<string | number> = [];
  const walk = (x: unknown, y: unknown): boolean => {
    if (Object.is(x, y)) return true;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (compared.get(x) === y) return true;
    compared.set(x, y);
    if (Array.isArray(x)) {
      if (!Array.isArray(y)) return false;
      for (let i = 0; i < x.length; i++) {
        path.push(i);
        if (i >= y.length || !walk(x[i], y[i])) return false;
        path.pop();
      }
      if (y.length > x.length) path.push(x.length);
      return y.length === x.length;
    }
    if (Array.isArray(y)) return false;
    if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
    const mx = x as Record<string, unknown>;
    const my = y as Record<string, unknown>;
    const keys = Object.keys(mx);
    for (const key of keys) {
      path.push(key);
      if (!Object.hasOwn(my, key) || !walk(mx[key], my[key])) return false;
      path.pop();
    }
    // Every key of x is in y: the same keys when y has no more.
    if (Object.keys(my).length === keys.length) return true;
    const extra = Object.keys(my).find((k) => !Object.hasOwn(mx, k));
    if (extra !== undefined) path.push(extra);
    return false;
  };
  if (walk(a, b)) return undefined;
  let read = a;
  let expected = b;
  for (const key of path) {
    read = typeof read === 'object' && read !== null && Object.hasOwn(read, key) ? (read as Record<string | number, unknown>)[key] : undefined;
    expected = typeof expected === 'object' && expected !== null && Object.hasOwn(expected, key) ? (expected as Record<string | number, unknown>)[key] : undefined;
  }
  return { path, read, expected };
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  if (typeof value === 'object' && value !== null) {
    let text: string;
    try {
      text = JSON.stringify(value) ?? '';
    } catch {
      text = Array.isArray(value) ? 'a list' : 'a map';
    }
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  }
  return describe(value);
}
