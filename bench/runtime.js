// Benchmark: isErrorBody, parseErrorBody and errorBodySchema against the validators a user would
// reach for; operations per second. The alternatives, each on the same contract (a
// union of the seven error types, no other members), built from the package's generated data:
// TypeBox's TypeCompiler (code generated with `new Function`), an ajv validator compiled from
// generated/error-body.schema.json, Zod 4 and Valibot.
// Four corpora, each of JSON values (each has been through JSON.parse, as a response body has):
// the mixed one (every documented body, bodies of the open types, wrong codes, wrong shapes and
// hostile values, interleaved: the issue's targets are set on it), its conforming bodies alone
// (what almost every failed response carries), the documented pairs alone (each type and code the
// reference lists, once) and its invalid bodies alone, each corpus in a process of its own.
// Every verdict of every validator is checked against isErrorBody's first: a fast wrong answer
// would be worth nothing. Rounds are interleaved (each validator in turn, many times), and each
// validator's figure on a corpus is its median rate over the rounds, the same figure in every row
// that names it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as v from 'valibot';
import { z } from 'zod';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { median } from './stats.js';

const exec = promisify(execFile);

/** @typedef {(value: unknown) => unknown} Validator */
/** @typedef {'mixed' | 'conforming' | 'documented' | 'invalid'} CorpusName */
/** @typedef {Array<[ours: string, alternative: string, target: import('./run.js').Figure['target']]>} Rows */

/** What is compared on each corpus, in the order the corpora are measured. @type {Array<[CorpusName, Rows]>} */
const CORPORA = [
  [
    'mixed',
    [
      ['isErrorBody', 'TypeBox compiled', { minRatio: 1 }],
      ['parseErrorBody', 'TypeBox compiled', { minRatio: 0.8 }],
      ['isErrorBody', 'ajv', { minRatio: 2 }],
      ['isErrorBody', 'Zod 4', {}],
      ['isErrorBody', 'Valibot', {}],
      ['errorBodySchema validate', "Zod 4's Standard Schema validate", {}],
    ],
  ],
  [
    'conforming',
    [
      ['isErrorBody', 'TypeBox compiled', {}],
      ['parseErrorBody', 'TypeBox compiled', {}],
      ['isErrorBody', 'ajv', {}],
      ['errorBodySchema validate', "Zod 4's Standard Schema validate", {}],
    ],
  ],
  [
    'documented',
    [
      ['isErrorBody', 'TypeBox compiled', {}],
      ['parseErrorBody', 'TypeBox compiled', {}],
    ],
  ],
  [
    'invalid',
    [
      ['isErrorBody', 'TypeBox compiled', {}],
      ['parseErrorBody', 'TypeBox compiled', {}],
      ['errorBodySchema validate', "Zod 4's Standard Schema validate", {}],
    ],
  ],
];

/**
 * Each corpus is measured in a process of its own, one after the other: a validator's inline
 * caches, once shaped by one corpus (a dozen shapes interleaved make them megamorphic), would slow
 * or speed it on the next.
 * @param {{ quick: boolean }} options
 */
export async function benchRuntime({ quick }) {
  /** @type {import('./run.js').Figure[]} */
  const figures = [];
  for (const [corpus, rows] of CORPORA) {
    const { stdout } = await exec(process.execPath, [fileURLToPath(import.meta.url), corpus, ...(quick ? ['--quick'] : [])], { cwd: REPO_ROOT });
    const { label, rates } = /** @type {{ label: string, rates: Record<string, number> }} */ (JSON.parse(stdout));
    for (const [ours, alternative, target] of rows) {
      figures.push({ figure: `Runtime: ${ours} vs ${alternative}, ${label}`, unit: 'ops/s', ours: rates[ours] ?? 0, alternative: rates[alternative], target });
    }
  }
  return figures;
}

/**
 * One corpus, measured: every verdict checked first (on the whole mixed corpus), then the
 * validators its rows compare, each one's median rate over the rounds.
 * @param {CorpusName} corpus @param {boolean} quick @returns {Promise<{ label: string, rates: Record<string, number> }>}
 */
async function measure(corpus, quick) {
  const { errorBodySchema, errorCatalog, errorTypes, isErrorBody, parseErrorBody } = await import('../dist/src/runtime/index.js');
  const contract = await contractOf();
  const mixed = /** @type {unknown[]} */ (JSON.parse(JSON.stringify(corpusOf(errorCatalog, errorTypes))));

  const typebox = TypeCompiler.Compile(typeboxSchema(contract));
  const ajv = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/error-body.schema.json'), 'utf8')));
  const zod = zodSchema(contract);
  const valibot = valibotSchema(contract);
  const validate = errorBodySchema['~standard'].validate;
  const zodValidate = zod['~standard'].validate;

  /** the verdict each one gives @satisfies {Record<string, (value: unknown) => boolean>} */
  const verdicts = {
    'TypeBox compiled': (value) => typebox.Check(value),
    ajv: (value) => ajv(value),
    'Zod 4': (value) => zod.safeParse(value).success,
    Valibot: (value) => v.is(valibot, value),
    'errorBodySchema validate': (value) => !(/** @type {{ issues?: unknown }} */ (validate(value)).issues),
    "Zod 4's Standard Schema validate": (value) => {
      const result = zodValidate(value);
      if (result instanceof Promise) throw new Error("bench: Zod's validate answered asynchronously");
      return !result.issues;
    },
  };
  const wrong = [];
  for (const value of mixed) {
    const want = isErrorBody(value);
    for (const [name, check] of Object.entries(verdicts)) if (check(value) !== want) wrong.push(`${name} on ${JSON.stringify(value).slice(0, 120)}`);
    // parseErrorBody accepts every conforming body, and what it calls known conforms; it also
    // accepts unknown codes and extra members, by design.
    const parsed = parseErrorBody(value);
    if ((want && parsed.kind === 'invalid') || (parsed.kind === 'known' && !isErrorBody(parsed.body))) wrong.push(`parseErrorBody on ${JSON.stringify(value).slice(0, 120)}`);
  }
  if (wrong.length) throw new Error(`bench: ${wrong.length} verdicts differ from isErrorBody's, e.g. ${wrong.slice(0, 3).join('; ')}`);

  const conforming = mixed.filter((value) => verdicts['TypeBox compiled'](value));
  const invalid = mixed.filter((value) => !verdicts['TypeBox compiled'](value));
  /** @type {Record<CorpusName, [label: string, bodies: unknown[]]>} */
  const corpora = {
    mixed: [`mixed corpus (${mixed.length} bodies, ${Math.round((100 * invalid.length) / mixed.length)}% invalid)`, mixed],
    conforming: [`conforming bodies only (${conforming.length})`, conforming],
    documented: [`documented pairs only (${errorCatalog.length}: each documented type and code once)`, mixed.slice(0, errorCatalog.length)],
    invalid: [`invalid bodies only (${invalid.length})`, invalid],
  };
  const [label, bodies] = corpora[corpus];
  if (corpus === 'documented' && !bodies.every((value) => parseErrorBody(value).kind === 'known')) throw new Error('bench: the documented corpus holds a body that is not a documented pair');

  /** each one's fastest call, as a user makes it, in the order they run in each round: each of ours next to what it is compared with @type {Record<string, Validator>} */
  const validators = {
    'Zod 4': verdicts['Zod 4'],
    Valibot: verdicts.Valibot,
    ajv: verdicts.ajv,
    isErrorBody,
    'TypeBox compiled': verdicts['TypeBox compiled'],
    parseErrorBody,
    'errorBodySchema validate': validate,
    "Zod 4's Standard Schema validate": zodValidate,
  };
  const names = new Set((CORPORA.find(([name]) => name === corpus)?.[1] ?? []).flatMap(([ours, alternative]) => [ours, alternative]));
  const measured = Object.fromEntries(Object.entries(validators).filter(([name]) => names.has(name)));
  const rounds = paired(measured, bodies, { rounds: quick ? 1 : 25, window: quick ? 20 : 80 });
  return { label, rates: Object.fromEntries([...names].map((name) => [name, median(rounds.map((round) => round[name] ?? 0))])) };
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

// Run as `node bench/runtime.js <corpus> [--quick]` by benchRuntime: prints the corpus's rates as JSON.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [corpus, flag] = process.argv.slice(2);
  if (!CORPORA.some(([name]) => name === corpus)) throw new Error(`bench/runtime.js: no corpus ${corpus} (there are ${CORPORA.map(([name]) => name).join(', ')})`);
  console.log(JSON.stringify(await measure(/** @type {CorpusName} */ (corpus), flag === '--quick')));
}
