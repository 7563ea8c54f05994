// Reads the members of an untrusted value without running any of its code: own data properties
// only, never a getter, every access guarded (a Proxy, a getter that throws, a revoked object
// yields a reason instead of an exception), and bounded work whatever the size of the value.

/** An own property as read: its descriptor, or undefined when there is none. */
export type Member = PropertyDescriptor | undefined;

export interface Members {
  readonly type: Member;
  readonly code: Member;
  readonly message: Member;
}

// Captured once: what a caller's code does to the globals later cannot change how values are read.
const ownDescriptor = Object.getOwnPropertyDescriptor;
const hasOwn = Object.hasOwn;
const ownKeys = Object.keys;
const arrayCheck = Array.isArray;
const apply = Reflect.apply;
const stringValueOf = String.prototype.valueOf;

const MEMBERS: ReadonlySet<string> = /* @__PURE__ */ new Set(['type', 'code', 'message']);
/** How much of a value a message quotes. */
const QUOTE_LENGTH = 40;
/** Index keys probed one by one before every key is listed (see otherMembers). */
const MAX_PROBES = 64;
/** Integers beyond this many digits are described by their size, not their digits. */
const LARGEST_QUOTED = /* @__PURE__ */ (() => 10n ** BigInt(QUOTE_LENGTH))();

/** The members of a body, or why the value is not an object at all. */
export function readMembers(value: unknown): Members | string {
  if (value === null) return 'the body is null, not an object';
  if (typeof value !== 'object') return `the body is ${describe(value)}, not an object`;
  try {
    if (arrayCheck(value)) return 'the body is an array, not an object';
    return { type: ownDescriptor(value, 'type'), code: ownDescriptor(value, 'code'), message: ownDescriptor(value, 'message') };
  } catch {
    return UNREADABLE;
  }
}

export const UNREADABLE = 'the body cannot be read (it threw when inspected)';

/**
 * Whether a descriptor is a data property's. The descriptor is an object the engine made: a data
 * property's has its own `writable`, an accessor's has none (nor a `value`), so a getter is never
 * read, let alone run. (Checking `writable` rather than calling `Object.hasOwn` on `value` is a
 * load instead of a call: the validators do it three times per body.)
 */
export function isData(member: PropertyDescriptor): boolean {
  return member.writable !== undefined;
}

/** The value of an own data property; undefined when the member is missing or a getter. */
export function valueOf(member: Member): unknown {
  return member !== undefined && isData(member) ? member.value : undefined;
}

/**
 * Own enumerable members other than type, code and message (the first `limit`), or undefined when
 * they cannot be read. Bounded for any array-like: index keys come first in every object's key
 * order, so they are probed one by one up to the limit, where Object.keys would first list every
 * index of a 10 MB Buffer or String. Only a value whose first index keys run out before the limit is
 * listed whole.
 */
export function otherMembers(value: object, limit = 5): string[] | undefined {
  try {
    // A String object's index keys are its characters: known from its length, without reading
    // one (which would first copy a 10 MB string made by concatenation into one piece).
    const characters = stringObjectLength(value);
    if (characters !== undefined && characters >= limit) return Array.from({ length: limit }, (_, i) => String(i));
    const indexes: string[] = [];
    for (let i = 0; i < MAX_PROBES && indexes.length < limit; i++) {
      const key = String(i);
      const d = ownDescriptor(value, key);
      if (d === undefined) break;
      if (d.enumerable) indexes.push(key);
    }
    if (indexes.length >= limit) return indexes;
    const others: string[] = [];
    for (const name of ownKeys(value)) {
      if (MEMBERS.has(name)) continue;
      others.push(name);
      if (others.length >= limit) break;
    }
    return others;
  } catch {
    return undefined;
  }
}

/**
 * Whether the value's own enumerable string keys are type, code and message only, `enumerable`
 * being how many of those three it has as enumerable own properties. Bounded for array-likes: a
 * first index key is an extra member, found without listing the others.
 */
export function hasNoOtherMembers(value: object, enumerable: number): boolean {
  // A String object's first character is such a key; its descriptor would copy the whole string.
  if (hasOwn(value, '0') && ((stringObjectLength(value) ?? 0) > 0 || ownDescriptor(value, '0')?.enumerable)) return false;
  return ownKeys(value).length === enumerable;
}

/** The length of a String object (`new String(...)`), or undefined for any other value. */
function stringObjectLength(value: object): number | undefined {
  // Every String object has an own `length`; most other objects do not, and are spared the
  // exception below (an exception costs microseconds).
  if (!hasOwn(value, 'length')) return undefined;
  try {
    // thisStringValue: the primitive inside a String object; a TypeError for anything else, a
    // Proxy included. No code of the value runs.
    return apply(stringValueOf, value, []).length;
  } catch {
    return undefined;
  }
}

/** A short, bounded description of any value for a message a person reads. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH)}…` : value);
  if (value === null) return 'null';
  if (isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  // Printing a bigint of a million digits takes seconds: say how big it is instead.
  if (typeof value === 'bigint') return value < LARGEST_QUOTED && value > -LARGEST_QUOTED ? `bigint ${String(value)}` : `a bigint of more than ${QUOTE_LENGTH} digits`;
  if (typeof value === 'undefined') return 'undefined';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Why a member holds no string, or undefined when it does. */
export function notAString(name: string, member: Member): string | undefined {
  if (member === undefined) return `\`${name}\` is missing`;
  if (!isData(member)) return `\`${name}\` is a getter, not a value`;
  return typeof member.value === 'string' ? undefined : `\`${name}\` is ${describe(member.value)}, not a string`;
}

/** Array.isArray, which throws on a revoked proxy, made safe. */
function isArray(value: unknown): boolean {
  try {
    return arrayCheck(value);
  } catch {
    return false;
  }
}
