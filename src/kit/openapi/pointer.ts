// JSON pointers as $refs write them ("#/components/schemas/a~1b"), resolved in one place for the
// CLI's spec reader, narrowing and the Redocly decorator.

/**
 * One token of a JSON pointer in a $ref ("#/components/a~1b"), as the key it names: its
 * %-escapes and ~1, ~0 decoded. Undefined when a %-escape does not decode ("%zz"): the $ref is
 * written by the user, and such a pointer leads nowhere, as any other dangling one.
 */
export function pointerKey(token: string): string | undefined {
  try {
    return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return undefined;
  }
}

/**
 * The value a pointer (the part of a $ref after `#`: "/components/schemas/A", or "" for the whole)
 * names in `root`, through own members only; undefined when it names nothing.
 */
export function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let value = root;
  for (const token of pointer.slice(1).split('/')) {
    const key = pointerKey(token);
    if (key === undefined || typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A key as one token of a JSON pointer: `~` as ~0, `/` as ~1 (the pointer as a $ref writes it after `#`, `%` escapes aside). */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
