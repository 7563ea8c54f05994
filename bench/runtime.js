// Benchmark: isErrorBody, parseErrorBody and errorBodySchema against the validators a user would
// reach for, on one mixed corpus in one process; operations per second. The alternatives, each on
// the same contract (a union of the seven error types, no other members), built from the
// package's generated data: TypeBox's TypeCompiler (code generated with `new Function`), an ajv
// validator compiled from generated/error-body.schema.json, Zod 4 and Valibot.
// The corpus is JSON, as a response body is (each value has been through JSON.parse): every
// documented body, bodies of the open types, wrong codes, wrong shapes and hostile values. Every
// verdict of every validator is checked against isErrorBody's first: a fast wrong answer would be
// worth nothing. Rounds are interleaved (each validator in turn, many times), and each figure is
// the round at the median ratio, so that load from elsewhere on the machine weighs on both sides alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as v from 'valibot';
import { z } from 'zod';
import { REPO_ROOT } from '../scripts/lib/layout.js';

/** @typedef {(value: unknown) => unknown} Validator */

/** @param {{ quick: boolean }} options */
export async function benchRuntime({ quick }) {
  const { errorBodySchema, errorCatalog, errorTypes, isErrorBody, parseErrorBody } = await import('../dist/src/index.js');
  const contract = await contractOf();
  const corpus = /** @type {unknown[]} */ (JSON.parse(JSON.stringify(corpusOf(errorCatalog, errorTypes))));

  const typebox = TypeCompiler.Compile(typeboxSchema(contract));
  const ajv = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/error-body.schema.json'), 'utf8')));
  const zod = zodSchema(contract);
  const valibot = valibotSchema(contract);
  const validate = errorBodySchema['~standard'].validate;

  /** each alternative's fastest yes/no check @satisfies {Record<string, Validator>} */
  const checks = {
    'TypeBox compiled': (value) => typebox.Check(value),
    ajv: (value) => ajv(value),
    'Zod 4': (value) => zod.safeParse(value).success,
    Valibot: (value) => v.is(valibot, value),
  };
  /** @type {Record<string, (value: unknown) => boolean>} the verdict each of ours gives */
  const ours = {
    isErrorBody,
    'errorBodySchema validate': (value) => !/** @type {{ issues?: unknown }} */ (validate(value)).issues,
  };
  const wrong = [];
  for (const value of corpus) {
    const want = isErrorBody(value);
    for (const [name, check] of Object.entries({ ...checks, ...ours })) if (check(value) !== want) wrong.push(`${name} on ${JSON.stringify(value).slice(0, 120)}`);
    // parseErrorBody accepts every conforming body, and what it calls known conforms; it also
    // accepts unknown codes and extra members, by design.
    const parsed = parseErrorBody(value);
    if ((want && parsed.kind === 'invalid') || (parsed.kind === 'known' && !isErrorBody(parsed.body))) wrong.push(`parseErrorBody on ${JSON.stringify(value).slice(0, 120)}`);
  }
  if (wrong.length) throw new Error(`bench: ${wrong.length} verdicts differ from isErrorBody's, e.g. ${wrong.slice(0, 3).join('; ')}`);

  // In the order they run in each round: each of ours next to what it is compared with.
  /** @type {Record<string, Validator>} */
  const measured = {
    'Zod 4': checks['Zod 4'],
    Valibot: checks.Valibot,
    ajv: checks.ajv,
    isErrorBody,
    'TypeBox compiled': checks['TypeBox compiled'],
    parseErrorBody,
    'errorBodySchema validate': validate,
    "Zod 4's Standard Schema validate": zod['~standard'].validate,
  };
  const rounds = paired(measured, corpus, { rounds: quick ? 1 : 25, window: quick ? 20 : 80 });
  const figure = (/** @type {string} */ what, /** @type {string} */ ours, /** @type {string} */ alternative, /** @type {import('./run.js').Figure['target']} */ target) => {
    const { [ours]: mine = 0, [alternative]: theirs } = medianRound(rounds, ours, alternative);
    return { figure: `Runtime: ${what} on ${corpus.length} bodies (same verdicts)`, unit: 'ops/s', ours: mine, alternative: theirs, target };
  };
  return [
    figure('isErrorBody vs TypeBox compiled', 'isErrorBody', 'TypeBox compiled', { minRatio: 1 }),
    figure('parseErrorBody vs TypeBox compiled', 'parseErrorBody', 'TypeBox compiled', { minRatio: 0.8 }),
    figure('isErrorBody vs ajv', 'isErrorBody', 'ajv', { minRatio: 2 }),
    figure('isErrorBody vs Zod 4', 'isErrorBody', 'Zod 4', {}),
    figure('isErrorBody vs Valibot', 'isErrorBody', 'Valibot', {}),
    figure("errorBodySchema vs Zod 4's Standard Schema validate", 'errorBodySchema validate', "Zod 4's Standard Schema validate", {}),
  ];
}

/**
 * Operations per second of each validator over the corpus, round by round: in each round every
 * validator runs for `window` ms in turn, forwards in even rounds and backwards in odd ones, so that
 * two validators compared are measured moments apart under the same load.
 * @param {Record<string, Validator>} validators @param {unknown[]} corpus @param {{ rounds: number, window: number }} options
 * @returns {Array<Record<string, number>>}
 */
function paired(validators, corpus, { rounds, window }) {
  const once = (/** @type {Validator} */ fn) => {
    let done = 0;
    const start = performance.now();
    const end = start + window;
    while (performance.now() < end) {
      for (const body of corpus) fn(body);
      done += corpus.length;
    }
    return done / ((performance.now() - start) / 1000);
  };
  const entries = Object.entries(validators);
  // Warm-up: every validator compiled by the JIT before anything is measured.
  for (let i = 0; i < 3; i++) for (const [, fn] of entries) once(fn);
  return Array.from({ length: rounds }, (_, r) => Object.fromEntries((r % 2 ? [...entries].reverse() : entries).map(([name, fn]) => [name, once(fn)])));
}

/**
 * The round whose ratio of `ours` to `alternative` is the median one: both rates are from that
 * round, and their ratio is the median ratio, which the machine's load from elsewhere sways far less
 * than it sways either rate.
 * @param {Array<Record<string, number>>} rounds @param {string} ours @param {string} alternative
 */
function medianRound(rounds, ours, alternative) {
  const sorted = [...rounds].sort((a, b) => (a[ours] ?? 0) / (a[alternative] ?? 1) - (b[ours] ?? 0) / (b[alternative] ?? 1));
  return sorted[Math.floor(sorted.length / 2)] ?? {};
}

/** The contract as the package's generated data states it: each type with its codes, or the pattern of its open codes. */
async function contractOf() {
  const { codesByType, errorTypes, openCodePatternByType } = await import('../dist/generated/error-catalog.js');
  /** @type {Readonly<Record<string, string>>} */
  const open = openCodePatternByType;
  return errorTypes.map((type) => ({ type, codes: /** @type {readonly string[]} */ (codesByType[type]), pattern: open[type] }));
}

/** @typedef {Awaited<ReturnType<typeof contractOf>>} Contract */

/** @param {Contract} contract */
function typeboxSchema(contract) {
  return Type.Union(
    contract.map(({ type, codes, pattern }) =>
      Type.Object(
        {
          type: Type.Literal(type),
          code: pattern === undefined ? Type.Union(codes.map((c) => Type.Literal(c))) : Type.String({ pattern }),
          message: Type.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
  );
}

/** @param {Contract} contract */
function zodSchema(contract) {
  const [first, ...rest] = contract.map(({ type, codes, pattern }) =>
    z.strictObject({
      type: z.literal(type),
      code: pattern === undefined ? z.enum(/** @type {[string, ...string[]]} */ (codes)) : z.string().regex(new RegExp(pattern, 'u')),
      message: z.string().min(1),
    }),
  );
  if (!first) throw new Error('bench: the contract has no types');
  return z.discriminatedUnion('type', [first, ...rest]);
}

/** @param {Contract} contract */
function valibotSchema(contract) {
  return v.variant(
    'type',
    contract.map(({ type, codes, pattern }) =>
      v.strictObject({
        type: v.literal(type),
        code: pattern === undefined ? v.picklist(codes) : v.pipe(v.string(), v.regex(new RegExp(pattern, 'u'))),
        message: v.pipe(v.string(), v.minLength(1)),
      }),
    ),
  );
}

/**
 * @param {ReadonlyArray<{ type: string, code: string, message: string }>} catalog
 * @param {readonly string[]} types
 */
function corpusOf(catalog, types) {
  const documented = catalog.map((e) => ({ type: e.type, code: e.code, message: e.message }));
  const open = types.filter((t) => !catalog.some((e) => e.type === t)).map((type) => ({ type, code: 'upstream_timeout', message: 'Contact technical support.' }));
  const wrongCodes = catalog.flatMap((e, i) => [
    { type: types[(i + 1) % types.length], code: e.code, message: e.message },
    { type: e.type, code: `${e.code}_x`, message: e.message },
    { type: e.type, code: e.code.toUpperCase(), message: e.message },
  ]);
  const wrongShapes = [
    ...documented.slice(0, 16).flatMap((b) => [
      { ...b, message: '' },
      { type: b.type, code: b.code },
      { ...b, param: 'card_number' },
      { ...b, code: 42 },
      [b],
    ]),
    null,
    42,
    'Internal Server Error',
    [],
    {},
    { error: { type: 'payment_error', code: 'expired_card' } },
  ];
  const hostile = [
    JSON.parse('{"type":"__proto__","code":"expired_card","message":"x"}'),
    JSON.parse('{"__proto__":{"type":"payment_error"},"code":"expired_card","message":"x"}'),
    { type: 'constructor', code: 'toString', message: 'x' },
    { type: 'payment_error', code: 'hasOwnProperty', message: 'x' },
    { type: 'payment_error', code: 'x'.repeat(100_000), message: 'x' },
    { type: 'payment_error', code: 'expired_card', message: 'x'.repeat(100_000) },
    JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`),
  ];
  return [...documented, ...open, ...wrongCodes, ...wrongShapes, ...hostile];
}
