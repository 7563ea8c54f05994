// Step: hold the document against the catalog (the transcription of the reference). Types,
// statuses, scope, remarks, codes (and their order), messages and how-to-fix must agree in both
// directions, so that a change to one without the other fails with a message naming both places.
import { bundleOrFail } from './bundle.js';
import { loadCatalog } from './lib/catalog.js';
import { readContract } from './lib/contract-model.js';
import { CATALOG, SPEC, rootFromArgv } from './lib/layout.js';
import { isMain, runMain } from './lib/main.js';
import { assertNoProblems } from './lib/problems.js';
import { createSourceLocator } from './lib/source-location.js';

/**
 * @param {string} root
 * @param {unknown} document the bundled document
 * @returns {Promise<import('./lib/problems.js').Problem[]>}
 */
export async function verifyCatalog(root, document) {
  const { catalog, problems } = await loadCatalog(root);
  if (problems.length > 0) return problems;
  const contract = readContract(document);
  const locate = createSourceLocator(root, SPEC);
  /** @type {import('./lib/problems.js').Problem[]} */
  const found = [];
  const inSpec = (/** @type {ReadonlyArray<string | number>} */ place, /** @type {string} */ message) =>
    found.push({ severity: 'error', source: 'catalog', rule: 'spec-matches-catalog', message, ...locate(['components', 'schemas', ...place]) });
  const inCatalog = (/** @type {ReadonlyArray<string | number>} */ place, /** @type {string} */ message) =>
    found.push({ severity: 'error', source: 'catalog', rule: 'spec-matches-catalog', message, file: CATALOG, ...catalog.locate(place) });

  const specTypes = new Map(contract.types.map((t) => [t.type, t]));
  const catalogTypes = new Set(catalog.types.map((t) => t.type));
  for (const spec of contract.types) {
    if (!catalogTypes.has(spec.type)) inSpec([spec.schema], `error type ${spec.type} (schema ${spec.schema}) is not in ${CATALOG}`);
  }
  catalog.types.forEach((want, t) => {
    const spec = specTypes.get(want.type);
    if (!spec) return inCatalog(['types', t, 'type'], `error type ${want.type} has no schema in ${SPEC} (no schema whose \`type\` is "${want.type}")`);
    const where = [spec.schema];
    if (spec.httpStatus !== want.httpStatus) {
      inSpec([...where, 'x-http-status'], `${want.type}: x-http-status is ${String(spec.httpStatus)}, the catalog says ${want.httpStatus}`);
    }
    for (const scope of want.scope) {
      if (!spec.scope.includes(scope)) inSpec([...where, 'description'], `${want.type}: the description does not list the scope "${scope}" (catalog)`);
    }
    for (const scope of spec.scope) {
      if (!want.scope.includes(scope)) inSpec([...where, 'description'], `${want.type}: the description lists the scope "${scope}", which the catalog does not`);
    }
    if ((spec.remarks ?? '') !== (want.remarks ?? '')) {
      inSpec([...where, 'description'], `${want.type}: the remarks are ${JSON.stringify(spec.remarks ?? '')}, the catalog says ${JSON.stringify(want.remarks ?? '')}`);
    }

    const codesAt = [...where, 'properties', 'code'];
    const specCodes = spec.codes.map((c) => c.code);
    const wantCodes = want.codes.map((c) => c.code);
    spec.codes.forEach((code, i) => {
      if (!wantCodes.includes(code.code)) inSpec([...codesAt, 'enum', i], `${want.type}: code "${code.code}" is in the spec but not in ${CATALOG}`);
    });
    want.codes.forEach((code, c) => {
      const i = specCodes.indexOf(code.code);
      if (i < 0) {
        inSpec([...codesAt, 'enum'], `${want.type}: code "${code.code}" is in ${CATALOG} (line ${catalog.locate(['types', t, 'codes', c]).line}) but not in the spec`);
        return;
      }
      const got = spec.codes[i];
      if (got?.message !== code.message) {
        inSpec([...codesAt, 'x-enumDescriptions', code.code], `${want.type}.${code.code}: message is ${JSON.stringify(got?.message)}, the catalog says ${JSON.stringify(code.message)}`);
      }
      if (got?.howToFix !== code.howToFix) {
        inSpec([...codesAt, 'x-enumHowToFix', code.code], `${want.type}.${code.code}: how-to-fix is ${JSON.stringify(got?.howToFix ?? null)}, the catalog says ${JSON.stringify(code.howToFix ?? null)}`);
      }
    });
    const common = specCodes.filter((c) => wantCodes.includes(c));
    const order = wantCodes.filter((c) => specCodes.includes(c));
    if (common.join() !== order.join()) {
      const first = common.findIndex((c, i) => c !== order[i]);
      inSpec([...codesAt, 'enum', specCodes.indexOf(common[first] ?? '')], `${want.type}: codes are not in the reference's order: "${order[first]}" comes next there, not "${common[first]}"`);
    }
  });
  return found;
}

if (isMain(import.meta)) {
  await runMain(async () => {
    const root = rootFromArgv();
    assertNoProblems('verify:catalog', await verifyCatalog(root, await bundleOrFail(root)));
    return `verify:catalog: ${SPEC} agrees with ${CATALOG}`;
  });
}
