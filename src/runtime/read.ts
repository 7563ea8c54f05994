// Reads the members of an untrusted value without running any of its code: own enumerable data
// properties only (what JSON.stringify would write, and reading them runs no getter), every access
// guarded (a Proxy, a getter that throws, a revoked object yields a reason instead of an
// exception), and at most one listing of the value's keys, none when its first index key settles it.

/** An own property as read: its descriptor, or undefined when there is none. */
export type Member = PropertyDescriptor | undefined;

export interface Members {
  readonly type: Member;
  readonly code: Member;
  readonly message: Member;
  /** How the descriptors are to be told apart (planted()), decided when they were read. */
  readonly planted: boolean;
}

// Captured once: what a caller's code does to the globals later cannot change how values are read.
const ownDescriptor = Object.getOwnPropertyDescriptor;
const hasOwn = Object.hasOwn;
const ownKeys = Object.keys;
const arrayCheck = Array.isArray;
const apply = Reflect.apply;
const stringValueOf = String.prototype.valueOf;
/** %Object.prototype%: the prototype of every descriptor Object.getOwnPropertyDescriptor makes. */
const OBJECT_PROTOTYPE: object = /* @__PURE__ */ Object.getPrototypeOf({});

const MEMBERS: ReadonlySet<string> = /* @__PURE__ */ new Set(['type', 'code', 'message']);
/** How much of a value a message quotes. */
const QUOTE_LENGTH = 40;
/** Index keys probed one by one before the keys are listed (see otherMembers). */
const MAX_PROBES = 64;
/** Integers beyond this many digits are described by their size, not their digits. */
const LARGEST_QUOTED = /* @__PURE__ */ (() => 10n ** BigInt(QUOTE_LENGTH))();
const NONE: readonly string[] = /* @__PURE__ */ Object.freeze([]);

export const UNREADABLE = 'the body cannot be read (it threw when inspected)';

/** Why a value is no object to read members from; undefined for an object. */
export function notAnObject(value: unknown): string | undefined {
  if (value === null) return 'the body is null, not an object';
  if (typeof value !== 'object') return `the body is ${describe(value)}, not an object`;
  return isArray(value) ? 'the body is an array, not an object' : undefined;
}

/** The members of a body, or why the value is not an object at all. */
function readMembers(value: unknown): Members | string {
  const problem = notAnObject(value);
  if (problem !== undefined) return problem;
  try {
    const exact = planted();
    return { type: ownDescriptor(value, 'type'), code: ownDescriptor(value, 'code'), message: ownDescriptor(value, 'message'), planted: exact };
  } catch {
    return UNREADABLE;
  }
}

/** A body as read for its violations: its three members and up to five others, each read once. */
export interface ReadBody extends Members {
  /** Own enumerable keys other than type, code and message (up to five); undefined when they cannot be listed. */
  readonly others: readonly string[] | undefined;
}

/** The members of a body and its other members (one listing of its keys at most), or why it is not an object. */
export function readBody(value: unknown): ReadBody | string {
  const members = readMembers(value);
  if (typeof members === 'string') return members;
  const { type, code, message, planted } = members;
  return { type, code, message, planted, others: otherMembers(value as object, enumerableMembers(members), 5) };
}

/**
 * Whether Object.prototype has a `writable` of its own, which only a program's own code can plant.
 * It decides how isMember tells a data property's descriptor from an accessor's: each helper asks
 * once per call, before it reads the value (a Proxy's traps, which run while it is read, can say
 * anything of its properties anyway).
 */
export function planted(): boolean {
  return hasOwn(OBJECT_PROTOTYPE, 'writable');
}

/**
 * Whether a descriptor is an own enumerable data property's: JSON.stringify writes it, and its value
 * is read from the descriptor, so a getter is never read, let alone run. The descriptor is an object
 * the engine made, whose prototype is Object.prototype: a data property's has its own `value` and
 * `writable`, an accessor's has neither (`enumerable` is own in both). Loading `writable` says which,
 * exactly, as long as Object.prototype has no `writable` (`planted` false), and costs far less than
 * a call; where one is planted (with a `value` beside it, an accessor's descriptor would pass for a
 * data property's holding that value), `Object.hasOwn` asks for an own `value` instead.
 */
export function isMember(member: PropertyDescriptor, planted: boolean): boolean {
  return member.enumerable === true && (planted ? hasOwn(member, 'value') : member.writable !== undefined);
}

/** The value of an own enumerable data property; undefined when the member is missing, a getter or not enumerable. */
export function valueOf(member: Member, planted: boolean): unknown {
  return member !== undefined && isMember(member, planted) ? member.value : undefined;
}

/** How many of type, code and message are own enumerable keys of the value (getters included): how many of its listed keys are theirs. */
function enumerableMembers(members: Members): number {
  return (members.type?.enumerable ? 1 : 0) + (members.code?.enumerable ? 1 : 0) + (members.message?.enumerable ? 1 : 0);
}

/**
 * Own enumerable keys other than type, code and message (the first `limit`), or undefined when
 * they cannot be read. `members` is how many of type, code and message are own enumerable keys
 * (enumerableMembers). The keys are listed at most once, and not at all when the first index keys
 * settle it: index keys come first in every object's key order, so an array-like (a 10 MB Buffer
 * or String object) is probed key by key up to the limit, where Object.keys would first list
 * every index. Any other value costs one listing: JavaScript has no way to learn that an object
 * has a fourth key without it.
 */
export function otherMembers(value: object, members: number, limit: number): readonly string[] | undefined {
  try {
    // Most values have no key "0": hasOwn answers that without making a descriptor, and one
    // listing settles the rest.
    if (!hasOwn(value, '0')) return othersListed(value, members, limit);
    // A String object's index keys are its characters: known from its length, without reading
    // one (which would first copy a 10 MB string made by concatenation into one piece).
    const characters = stringObjectLength(value);
    if (characters !== undefined && characters >= limit) return Array.from({ length: limit }, (_, i) => String(i));
    const indexes: string[] = [];
    for (let i = 0; i < MAX_PROBES && indexes.length < limit; i++) {
      const key = String(i);
      if (!hasOwn(value, key)) break;
      if (ownDescriptor(value, key)?.enumerable) indexes.push(key);
    }
    return indexes.length >= limit ? indexes : othersListed(value, members, limit);
  } catch {
    return undefined;
  }
}

/** otherMembers by one listing of the keys. */
function othersListed(value: object, members: number, limit: number): readonly string[] {
  const keys = ownKeys(value);
  if (keys.length === members) return NONE;
  const others: string[] = [];
  for (const name of keys) {
    if (MEMBERS.has(name)) continue;
    others.push(name);
    if (others.length >= limit) break;
  }
  return others;
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
export function notAString(name: string, member: Member, planted: boolean): string | undefined {
  if (member === undefined) return `\`${name}\` is missing`;
  if (planted ? !hasOwn(member, 'value') : member.writable === undefined) return `\`${name}\` is a getter, not a value`;
  if (!member.enumerable) return `\`${name}\` is not enumerable (JSON leaves it out)`;
  return typeof member.value === 'string' ? undefined : `\`${name}\` is ${describe(member.value)}, not a string`;
}

/** Array.isArray, which throws on a revoked proxy, made safe. */
export function isArray(value: unknown): boolean {
  try {
    return arrayCheck(value);
  } catch {
    return false;
  }
}
