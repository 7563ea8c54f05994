// Adopts the contract in an API spec the way docs/lint.md says, to measure the kit on public
// specs: every error response (4xx, 5xx, default) of every operation becomes a $ref to the
// package's BadRequest (400) and InternalServerError (500), and the idempotency-key and
// on-behalf-of headers $refs to its parameters. Writes the adopted copy into a folder where the
// package is installed (a link to this repository), so that its $refs resolve as written.
//   node bench/adopt-contract.js <spec.json|yaml> [--out <folder>]   (default dist/bench/adopted/)
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../scripts/lib/layout.js';
import { isMain } from '../scripts/lib/main.js';
import { METHODS, errorStatus, sharedHeader } from '../dist/src/kit/openapi/walk.js';

/**
 * The spec with the contract adopted; it $refs the package document for its version.
 * @param {any} spec @returns {any}
 */
export function adoptContract(spec) {
  const document = `./node_modules/payment-error-contract/generated/${String(spec.openapi).startsWith('3.0') ? 'openapi-3.0.yaml' : 'openapi.yaml'}`;
  const ref = (/** @type {string} */ component) => ({ $ref: `${document}#/components/${component}` });
  const adopted = structuredClone(spec);
  const adoptParameters = (/** @type {any[] | undefined} */ list) => list?.forEach((p, i) => {
    const shared = sharedParameter(p);
    if (shared) list[i] = ref(`parameters/${shared}`);
  });
  for (const section of ['paths', 'webhooks']) {
    for (const item of Object.values(adopted[section] ?? {})) {
      if (typeof item !== 'object' || item === null) continue;
      adoptParameters(/** @type {any} */ (item).parameters);
      for (const method of METHODS) {
        const operation = /** @type {any} */ (item)[method];
        if (!operation) continue;
        adoptParameters(operation.parameters);
        const kept = Object.entries(operation.responses ?? {}).filter(([status]) => !errorStatus(status));
        operation.responses = { ...Object.fromEntries(kept), 400: ref('responses/BadRequest'), 500: ref('responses/InternalServerError') };
      }
    }
  }
  for (const [name, parameter] of Object.entries(adopted.components?.parameters ?? {})) {
    const shared = sharedParameter(parameter);
    if (shared) adopted.components.parameters[name] = ref(`parameters/${shared}`);
  }
  return adopted;
}

/** The package's parameter a spec's own one stands for, if any. @param {any} parameter */
function sharedParameter(parameter) {
  return parameter?.in === 'header' && typeof parameter.name === 'string' ? sharedHeader(parameter.name) : undefined;
}

/** Writes the adopted copy of a spec file; resolves to its path. @param {string} file @param {string} out */
async function writeAdopted(file, out) {
  const text = await readFile(file, 'utf8');
  const json = file.endsWith('.json');
  const adopted = adoptContract(json ? JSON.parse(text) : parse(text));
  await mkdir(path.join(out, 'node_modules'), { recursive: true });
  await symlink(REPO_ROOT, path.join(out, 'node_modules/payment-error-contract'), 'dir').catch((error) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const target = path.join(out, path.basename(file));
  await writeFile(target, json ? JSON.stringify(adopted, null, 2) : stringify(adopted, { lineWidth: 0 }));
  return target;
}

if (isMain(import.meta)) {
  const args = process.argv.slice(2);
  const out = args.includes('--out') ? String(args[args.indexOf('--out') + 1]) : path.join(REPO_ROOT, 'dist/bench/adopted');
  for (const file of args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out')) console.log(`adopt-contract: wrote ${path.relative(process.cwd(), await writeAdopted(file, out))}`);
}
