// Reads the three members of an untrusted value without running any of its code: own data
// properties only, never a getter, and every access guarded, so a hostile value (a Proxy, a
// getter that throws, a revoked object) yields a reason instead of an exception.

export type Member = { readonly state: 'value'; readonly value: unknown } | { readonly state: 'missing' } | { readonly state: 'accessor' };

export interface Members {
  readonly type: Member;
  readonly code: Member;
  readonly message: Member;
}

const MEMBERS = ['type', 'code', 'message'] as const;
const MISSING: Member = { state: 'missing' };
const ACCESSOR: Member = { state: 'accessor' };
/** How much of a value a message quotes. */
const QUOTE_LENGTH = 40;

/** The members of a body, or why the value is not an object at all. */
export function readMembers(value: unknown): Members | string {
  if (value === null) return 'the body is null, not an object';
  if (typeof value !== 'object') return `the body is ${describe(value)}, not an object`;
  try {
    if (isArray(value)) return 'the body is an array, not an object';
    const read = (name: string): Member => {
      const d = Object.getOwnPropertyDescriptor(value, name);
      if (!d) return MISSING;
      return 'value' in d ? { state: 'value', value: d.value } : ACCESSOR;
    };
    return { type: read('type'), code: read('code'), message: read('message') };
  } catch {
    return 'the body cannot be read (it threw when inspected)';
  }
}

/** Own enumerable members other than type, code and message (the first few), or undefined when they cannot be read. */
export function otherMembers(value: object, limit = 5): string[] | undefined {
  try {
    const others: string[] = [];
    for (const name of Object.keys(value)) {
      if ((MEMBERS as readonly string[]).includes(name)) continue;
      others.push(name);
      if (others.length >= limit) break;
    }
    return others;
  } catch {
    return undefined;
  }
}

/** A short, bounded description of any value for a message a person reads. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH)}…` : value);
  if (value === null) return 'null';
  if (isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value).slice(0, QUOTE_LENGTH)}`;
  if (typeof value === 'undefined') return 'undefined';
  return `a ${typeof value}`;
}

/** The value of a member that holds one. */
export function valueOf(member: Member): unknown {
  return member.state === 'value' ? member.value : undefined;
}

/** Why a member holds no string, or undefined when it does. */
export function notAString(name: string, member: Member): string | undefined {
  if (member.state === 'missing') return `\`${name}\` is missing`;
  if (member.state === 'accessor') return `\`${name}\` is a getter, not a value`;
  return typeof member.value === 'string' ? undefined : `\`${name}\` is ${describe(member.value)}, not a string`;
}

/** Array.isArray, which throws on a revoked proxy, made safe. */
function isArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}
