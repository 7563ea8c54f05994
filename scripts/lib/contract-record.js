// The record of a released contract, and what changed since: every difference between two
// contracts, classified major / minor / patch by what it does to code that depends on it.
//   major: removing or renaming a code, moving it to another type, removing a type, changing a
//          status, turning a type's open codes into a list: clients or servers stop working.
//   minor: adding a code or a type (exhaustive switches stop compiling: announce it), deprecating.
//   patch: a message, a how-to-fix, a scope or remarks text changed.

/**
 * @typedef {{ replacement: string | null }} Deprecation
 * @typedef {{ code: string, message: string, howToFix: string | null, deprecated: Deprecation | null }} RecordCode
 * @typedef {{ type: string, httpStatus: number | null, scope: string[], remarks: string | null, openCodes: boolean, codes: RecordCode[] }} RecordType
 * @typedef {{ version: string, types: RecordType[] }} ContractRecord
 * @typedef {'major' | 'minor' | 'patch'} Level
 * @typedef {{ level: Level, message: string }} Difference
 */

export const LEVELS = /** @type {const} */ (['patch', 'minor', 'major']);

/** The record of a contract read from the bundle. @param {import('./contract-model.js').ContractModel} model @returns {ContractRecord} */
export function recordOf(model) {
  return {
    version: model.version,
    types: model.types.map((t) => ({
      type: t.type,
      httpStatus: t.httpStatus ?? null,
      scope: t.scope,
      remarks: t.remarks ?? null,
      openCodes: t.codes.length === 0,
      codes: t.codes.map((c) => ({ code: c.code, message: c.message, howToFix: c.howToFix ?? null, deprecated: c.deprecated ?? null })),
    })),
  };
}

/**
 * What is wrong with a value read as a record (released/contract.json), or undefined when it is
 * one: the first place that does not hold what recordOf writes there.
 * @param {unknown} value @returns {string | undefined}
 */
export function recordProblem(value) {
  const text = (/** @type {unknown} */ v) => typeof v === 'string';
  const textOrNull = (/** @type {unknown} */ v) => v === null || typeof v === 'string';
  const isObject = (/** @type {unknown} */ v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  /** @type {Array<[string, (v: any) => boolean, string]>} */
  const typeFields = [
    ['type', text, 'a text'],
    ['httpStatus', (v) => v === null || Number.isInteger(v), 'a status or null'],
    ['scope', (v) => Array.isArray(v) && v.every(text), 'a list of texts'],
    ['remarks', textOrNull, 'a text or null'],
    ['openCodes', (v) => typeof v === 'boolean', 'true or false'],
    ['codes', Array.isArray, 'a list'],
  ];
  /** @type {Array<[string, (v: any) => boolean, string]>} */
  const codeFields = [
    ['code', text, 'a text'],
    ['message', text, 'a text'],
    ['howToFix', textOrNull, 'a text or null'],
    ['deprecated', (v) => v === null || (isObject(v) && textOrNull(v.replacement)), 'null or { replacement }'],
  ];
  if (!isObject(value)) return 'the record must be an object with version and types';
  const record = /** @type {any} */ (value);
  if (typeof record.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(record.version)) return 'version must be a version of the form major.minor.patch';
  if (!Array.isArray(record.types)) return 'types must be a list';
  for (const [t, type] of record.types.entries()) {
    if (!isObject(type)) return `types[${t}] must be an object`;
    for (const [key, ok, what] of typeFields) if (!ok(type[key])) return `types[${t}].${key} must be ${what}`;
    for (const [c, code] of type.codes.entries()) {
      if (!isObject(code)) return `types[${t}].codes[${c}] must be an object`;
      for (const [key, ok, what] of codeFields) if (!ok(code[key])) return `types[${t}].codes[${c}].${key} must be ${what}`;
    }
  }
  return undefined;
}

/**
 * Every difference from the released record to the current contract, in a stable order.
 * @param {ContractRecord} before @param {ContractRecord} after @returns {Difference[]}
 */
export function compareRecords(before, after) {
  /** @type {Difference[]} */
  const out = [];
  const add = (/** @type {Level} */ level, /** @type {string} */ message) => out.push({ level, message });
  const beforeTypes = new Map(before.types.map((t) => [t.type, t]));
  const afterTypes = new Map(after.types.map((t) => [t.type, t]));

  // Where each code lives, to tell a move (one type to another) from a removal.
  const homes = (/** @type {ContractRecord} */ record) => {
    /** @type {Map<string, string[]>} */
    const map = new Map();
    for (const t of record.types) for (const c of t.codes) map.set(c.code, [...(map.get(c.code) ?? []), t.type]);
    return map;
  };
  const homesBefore = homes(before);
  const homesAfter = homes(after);
  const deprecatedNote = (/** @type {RecordCode} */ code) => (code.deprecated ? '' : `; it was not deprecated in ${before.version} (deprecate a code in one release, remove it in a later one)`);

  for (const t of before.types) {
    if (!afterTypes.has(t.type)) add('major', `major: ${t.type} removed${t.codes.length ? ` with its codes ${t.codes.map((c) => c.code).join(', ')}` : ''}`);
  }
  for (const t of after.types) {
    if (!beforeTypes.has(t.type)) add('minor', `minor: ${t.type} added${t.codes.length ? ` with the codes ${t.codes.map((c) => c.code).join(', ')}` : ''}`);
  }

  for (const now of after.types) {
    const was = beforeTypes.get(now.type);
    if (!was) continue;
    const name = now.type;
    if (was.httpStatus !== now.httpStatus) add('major', `major: status of ${name} changed from ${was.httpStatus} to ${now.httpStatus}`);
    if (was.openCodes && !now.openCodes) add('major', `major: ${name} now lists its codes (${now.codes.map((c) => c.code).join(', ')}); it took any code before`);
    if (!was.openCodes && now.openCodes) add('major', `major: ${name} no longer lists codes; it takes any code now`);
    if (was.scope.join('\n') !== now.scope.join('\n')) add('patch', `patch: scope of ${name} changed`);
    if (was.remarks !== now.remarks) add('patch', `patch: remarks of ${name} changed`);

    const wasCodes = new Map(was.codes.map((c) => [c.code, c]));
    const nowCodes = new Map(now.codes.map((c) => [c.code, c]));
    const added = now.codes.filter((c) => !wasCodes.has(c.code));
    const removed = was.codes.filter((c) => !nowCodes.has(c.code));
    /** @type {Set<string>} codes added here that a rename explains */
    const renamedTo = new Set();
    for (const code of removed) {
      const movedTo = (homesAfter.get(code.code) ?? []).filter((other) => other !== name && !(homesBefore.get(code.code) ?? []).includes(other));
      const rename = added.find((c) => !renamedTo.has(c.code) && c.message === code.message && !homesBefore.has(c.code));
      if (movedTo.length) {
        add('major', `major: ${code.code} moved from ${name} to ${movedTo.join(', ')}${deprecatedNote(code)}`);
      } else if (rename) {
        renamedTo.add(rename.code);
        add('major', `major: ${name}.${code.code} renamed to ${rename.code}${deprecatedNote(code)}`);
      } else if (!now.openCodes) {
        add('major', `major: ${name}.${code.code} removed${deprecatedNote(code)}`);
      }
    }
    for (const code of added) {
      if (renamedTo.has(code.code)) continue;
      const movedFrom = (homesBefore.get(code.code) ?? []).filter((other) => other !== name && !(homesAfter.get(code.code) ?? []).includes(other));
      if (movedFrom.length === 0 && !was.openCodes) add('minor', `minor: ${name}.${code.code} added`);
    }
    for (const code of now.codes) {
      const old = wasCodes.get(code.code);
      if (!old) continue;
      const id = `${name}.${code.code}`;
      if (old.message !== code.message) add('patch', `patch: message of ${id} changed from ${JSON.stringify(old.message)} to ${JSON.stringify(code.message)}`);
      if (old.howToFix !== code.howToFix) add('patch', `patch: how-to-fix of ${id} ${old.howToFix === null ? 'added' : code.howToFix === null ? 'removed' : 'changed'}`);
      if (!old.deprecated && code.deprecated) add('minor', `minor: ${id} deprecated${code.deprecated.replacement ? ` (use ${code.deprecated.replacement})` : ''}`);
      if (old.deprecated && !code.deprecated) add('patch', `patch: ${id} no longer deprecated`);
      if (old.deprecated && code.deprecated && old.deprecated.replacement !== code.deprecated.replacement) {
        add('patch', `patch: replacement of deprecated ${id} changed to ${code.deprecated.replacement ?? 'none'}`);
      }
    }
  }
  return out;
}

/** The highest level among the differences, or undefined when there are none. @param {Difference[]} differences */
export function requiredLevel(differences) {
  return differences.reduce((/** @type {Level | undefined} */ high, d) => (high === undefined || LEVELS.indexOf(d.level) > LEVELS.indexOf(high) ? d.level : high), undefined);
}

/** @param {string} version @returns {[number, number, number]} */
export function parseVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a version of the form major.minor.patch`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** @param {string} version @param {Level} level */
export function bump(version, level) {
  const [major, minor, patch] = parseVersion(version);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Negative, zero or positive as a is lower than, equal to or higher than b. @param {string} a @param {string} b */
export function compareVersions(a, b) {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
