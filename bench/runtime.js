// Benchmark: parseErrorBody and isErrorBody against an ajv-compiled validator of
// generated/error-body.schema.json, on one mixed corpus in one process; operations per second.
// The corpus is JSON, as a response body is: every documented body, bodies of the open types,
// wrong codes, wrong shapes and hostile values. Every verdict is checked against ajv first: a
// fast wrong answer would be worth nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { median } from './stats.js';

/** @param {{ quick: boolean }} options */
export async function benchRuntime({ quick }) {
  const { errorCatalog, errorTypes, isErrorBody, parseErrorBody } = await import('../dist/src/index.js');
  const validate = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/error-body.schema.json'), 'utf8')));
  const corpus = corpusOf(errorCatalog, errorTypes);

  // isErrorBody is exactly the schema's verdict. parseErrorBody accepts every conforming body, and
  // what it calls known conforms once the members it ignores are dropped (it also accepts unknown
  // codes and extra members, by design).
  const wrong = corpus.filter((body) => {
    const valid = validate(body);
    const parsed = parseErrorBody(body);
    return isErrorBody(body) !== valid || (valid && parsed.kind === 'invalid') || (parsed.kind === 'known' && !validate(parsed.body));
  });
  if (wrong.length) throw new Error(`bench: the helpers and ajv disagree on ${wrong.length} inputs, e.g. ${JSON.stringify(wrong[0]).slice(0, 200)}`);

  const rounds = quick ? 1 : 7;
  const window = quick ? 30 : 300;
  const rate = (/** @type {(value: unknown) => unknown} */ fn) => {
    /** @type {number[]} */
    const rates = [];
    for (let r = 0; r < rounds; r++) {
      let done = 0;
      const end = performance.now() + window;
      const start = performance.now();
      while (performance.now() < end) {
        for (const body of corpus) fn(body);
        done += corpus.length;
      }
      rates.push(done / ((performance.now() - start) / 1000));
    }
    return median(rates);
  };
  rate(validate); // warm-up: all three compiled by the JIT before measuring
  rate(isErrorBody);
  rate(parseErrorBody);
  const ajv = rate(validate);
  return [
    { figure: `Runtime: isErrorBody vs ajv on ${corpus.length} bodies (same verdicts)`, unit: 'ops/s', ours: rate(isErrorBody), alternative: ajv, target: { minRatio: 2 } },
    { figure: `Runtime: parseErrorBody vs ajv on ${corpus.length} bodies (same verdicts)`, unit: 'ops/s', ours: rate(parseErrorBody), alternative: ajv, target: { minRatio: 2 } },
  ];
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
