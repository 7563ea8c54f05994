// The alternative `check --har` is measured against: what a team would write with an OpenAPI
// response validator instead. It reads the whole HAR with JSON.parse (the fastest way to read
// it), finds each entry's operation (literal paths by a Map lookup, templated ones by their first
// segment), and validates each error response's body with ajv, compiled once per response schema
// of the narrowed spec (the spec's own schemas: the declared types and codes, no other members),
// after checking that a response is defined for its status and that the body is JSON. Prints the
// verdicts as JSON: { entries, errorResponses, conforming, violations: [entry indexes] }.
//   node bench/traffic-alternative.js <narrowed spec.json> <file.har>
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const [specFile = '', harFile = ''] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
ajv.addSchema(spec, 'spec');

/** @type {Map<string, import('ajv').ValidateFunction>} */
const compiled = new Map();
/** The validator of a response's JSON schema, compiled once per schema. @param {string} pointer */
function validator(pointer) {
  let validate = compiled.get(pointer);
  if (!validate) compiled.set(pointer, (validate = ajv.compile({ $ref: `spec#${pointer}` })));
  return validate;
}

/** @param {string} token */
const escape = (token) => token.replace(/~/g, '~0').replace(/\//g, '~1');
/** Where a response's JSON schema is in the spec, following a $ref to a response component. @param {string} at @param {any} response */
function schemaPointer(at, response) {
  let pointer = at;
  let node = response;
  if (node?.$ref) {
    pointer = node.$ref.slice(1);
    node = pointer.split('/').slice(1).reduce((n, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  const media = Object.keys(node?.content ?? {}).find((type) => /^application\/([\w.-]+\+)?json$/i.test(type));
  return media === undefined ? undefined : `${pointer}/content/${escape(media)}/schema`;
}

const base = new URL(spec.servers[0].url);
const prefix = `${base.origin}${base.pathname.replace(/\/$/, '')}`;
/** @type {Map<string, { path: string, method: string, responses: any }>} */
const literal = new Map();
/** @type {Map<string, Array<{ pattern: RegExp, path: string, method: string, responses: any }>>} */
const templated = new Map();
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(/** @type {Record<string, any>} */ (item))) {
    const route = { path, method: method.toUpperCase(), responses: operation.responses };
    if (!path.includes('{')) literal.set(`${route.method} ${path}`, route);
    else {
      const first = path.split('/')[1] ?? '';
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      templated.set(first, [...(templated.get(first) ?? []), { ...route, pattern }]);
    }
  }
}

/** @param {string} method @param {string} url */
function route(method, url) {
  if (!url.startsWith(prefix)) return undefined;
  const path = url.slice(prefix.length).replace(/[?#].*$/, '') || '/';
  return literal.get(`${method} ${path}`) ?? templated.get(path.split('/')[1] ?? '')?.find((r) => r.method === method && r.pattern.test(path));
}

/** Whether an error response is valid for its operation. @param {{ path: string, method: string, responses: any }} r @param {any} response */
function valid(r, response) {
  const status = String(response.status);
  const key = status in r.responses ? status : `${status[0]}XX` in r.responses ? `${status[0]}XX` : 'default' in r.responses ? 'default' : undefined;
  if (key === undefined) return false;
  const pointer = schemaPointer(`/paths/${escape(r.path)}/${r.method.toLowerCase()}/responses/${key}`, r.responses[key]);
  const type = response.headers?.find((/** @type {any} */ h) => h.name.toLowerCase() === 'content-type')?.value ?? response.content?.mimeType ?? '';
  if (pointer === undefined || !/^application\/([\w.-]+\+)?json(\s*;.*)?$/i.test(type)) return false;
  const content = response.content;
  if (typeof content?.text !== 'string') return false;
  const text = content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  return validator(pointer)(body) === true;
}

const entries = JSON.parse(readFileSync(harFile, 'utf8')).log.entries;
let errorResponses = 0;
let conforming = 0;
/** @type {number[]} */
const violations = [];
for (let i = 0; i < entries.length; i++) {
  const { request, response } = entries[i];
  const r = route(request.method, request.url);
  if (!r || !response || response.status < 400) continue;
  errorResponses++;
  if (valid(r, response)) conforming++;
  else violations.push(i);
}
process.stdout.write(JSON.stringify({ entries: entries.length, errorResponses, conforming, violations }));
