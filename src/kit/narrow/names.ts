// The names narrowing gives the components it writes: by what they hold, the same whatever the
// order of the operations, never one the document already uses for something else (`…2` then).
// plan.ts works out every component first and names them here together.
import { httpStatusByType, schemaByType } from '../../../generated/error-catalog.ts';
import { DECLARATION, type Declaration, type DeclaredCodes } from '../../runtime/declaration.ts';
import { isObject } from '../openapi/document.ts';
import { pointerKey } from '../openapi/pointer.ts';
import type { ResponseAt } from '../openapi/walk.ts';
import type { ErrorType } from '../../runtime/types.ts';

/** The components of a kind the document has, by name, with whether narrowing wrote them. */
export type ExistingComponents = ReadonlyMap<string, { readonly value: unknown; readonly ours: boolean }>;

/**
 * The components of one kind to be written, by a key that stands for their content, each with the
 * names of the declarations that lead to it; named together once all are known.
 */
export class Wanted {
  private readonly wanted = new Map<string, { content: object; name: (labels: readonly string[]) => string; labels: Set<string> }>();

  add(key: string, label: string | undefined, make?: () => { content: object; name: (labels: readonly string[]) => string }): void {
    let one = this.wanted.get(key);
    if (!one) {
      if (!make) throw new Error(`narrowing: no component for ${key}`);
      this.wanted.set(key, (one = { ...make(), labels: new Set() }));
    }
    if (label !== undefined) one.labels.add(label);
  }

  /**
   * Names every component by what it holds and the names of the declarations that lead to it, in
   * the order of the wanted names and then of the contents, so that where two want one name the
   * same one gets the number whatever the order of the operations. Resolves to each key's name,
   * after `prefix`.
   */
  assign(names: Names, prefix: string): Map<string, string> {
    const named = [...this.wanted].map(([key, { content, name, labels }]) => ({ key, content, wanted: name([...labels].sort()), text: canonical(content) }));
    named.sort((a, b) => compare(a.wanted, b.wanted) || compare(a.text, b.text));
    // What an earlier run wrote under one of these names, and is wanted again, keeps its name: a new
    // declaration elsewhere does not rename what the generated types already call it.
    for (const { content, wanted } of named) names.keep(wanted, content);
    return new Map(named.map(({ key, content, wanted }) => [key, `${prefix}${names.name(wanted, content)}`]));
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Component names: one per distinct content (equal declarations share it), the wanted name when
 * it is free, ours from an earlier run, or already holds this content; else the wanted name and
 * a number.
 */
export class Names {
  private readonly byContent = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly written_ = new Map<string, object>();
  constructor(private readonly existing: ExistingComponents) {}

  /** The name of a component holding `content`: the wanted name, else the wanted name and a number. */
  name(wanted: string, content: object): string {
    const key = canonical(content);
    const known = this.byContent.get(key);
    if (known) return known;
    for (let n = 1; ; n++) {
      const name = n === 1 ? wanted : `${wanted}${n}`;
      if (this.taken.has(name)) continue;
      const there = this.existing.get(name);
      if (there && !there.ours && canonical(there.value) !== key) continue;
      this.taken.add(name);
      this.byContent.set(key, name);
      if (!there || canonical(there.value) !== key) this.written_.set(name, content);
      return name;
    }
  }

  /** Takes the name an earlier run gave the same content (the wanted name, or it and a number), if there is one. */
  keep(wanted: string, content: object): void {
    const key = canonical(content);
    if (this.byContent.has(key)) return;
    for (const [name, there] of this.existing) {
      if (!there.ours || this.taken.has(name) || (name !== wanted && !new RegExp(`^${wanted}[0-9]+$`).test(name)) || canonical(there.value) !== key) continue;
      this.taken.add(name);
      this.byContent.set(key, name);
      return;
    }
  }

  written(): ReadonlyMap<string, object> {
    return this.written_;
  }

  unused(): string[] {
    return [...this.existing].filter(([name, { ours }]) => ours && !this.taken.has(name)).map(([name]) => name);
  }
}

/** JSON with sorted keys: equal content, equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

// ---------------------------------------------------------------------------------------------
// Names: what a component holds, in PascalCase, never a name the package's document uses (a
// bundle carries those too). What one declaration with a name of its own (shared by $ref) leads
// to, and no other, is named after it; a type declared with all its codes, or a response narrowed
// to all the contract sends with its status, says so (`AnyCode`); anything else is named by its
// types and codes.

/** The name of the declaration an operation $refs (`CardPayment` for `#/components/x-payment-errors/CardPayment`, `card-payment.yaml` too); undefined for one written out. */
export function declarationLabel(operation: Record<string, unknown>): string | undefined {
  const value = operation[DECLARATION];
  const ref = isObject(value) && typeof value['$ref'] === 'string' ? value['$ref'] : undefined;
  if (ref === undefined) return undefined;
  const [file = '', pointer] = ref.split('#', 2);
  const last = pointer !== undefined && pointer !== '' ? pointerKey(pointer.slice(pointer.lastIndexOf('/') + 1)) : file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/i, '');
  const name = last === undefined ? '' : pascal(last);
  return name === '' ? undefined : name;
}

/** Words (split at anything not a letter or digit) in PascalCase: `3DS_required` is 3DSRequired. */
function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** A list of names, short: up to `most` as they are, more as the first and how many others. */
function few(words: readonly string[], most: number): string {
  return words.length <= most ? words.join('Or') : `${words[0]}And${words.length - 1}More`;
}

/** A type's schema narrowed to its declared codes: `PaymentErrorAnyCode` (all), `CardPaymentPaymentError`, `PaymentErrorExpiredCardOrFraud`. */
export function typeSchemaName(type: ErrorType, codes: DeclaredCodes, labels: readonly string[]): string {
  const schema = schemaByType[type];
  if (codes === 'all') return `${schema}AnyCode`;
  return labels.length === 1 ? `${labels[0]}${schema}` : `${schema}${few(codes.map(pascal), 2)}`;
}

/** The types of a status class (undefined: default, every type). */
function typesSentWith(status: 400 | 500 | undefined): ErrorType[] {
  return (Object.keys(httpStatusByType) as ErrorType[]).filter((t) => status === undefined || httpStatusByType[t] === status);
}

/** Whether a response narrowed to `types` holds all the contract sends with its status: every type of it, each with all its codes. */
function wholeStatus(types: readonly ErrorType[], declaration: Declaration, status: 400 | 500 | undefined): boolean {
  const all = typesSentWith(status);
  return all.length === types.length && all.every((t) => types.includes(t) && declaration.get(t) === 'all');
}

/** The types of a narrowed body: `InvalidRequestOrPayment`, `InvalidRequestAnd3More`. */
function typesLabel(types: readonly ErrorType[]): string {
  return few(types.map((t) => schemaByType[t].replace(/Error$/, '')), 3);
}

/** `CardPaymentBadRequestErrorBody`, `InvalidRequestOrPaymentErrorBody`. */
export function unionName(types: readonly ErrorType[], status: 400 | 500 | undefined, labels: readonly string[]): string {
  return labels.length === 1 ? `${labels[0]}${status === 400 ? 'BadRequestErrorBody' : 'ErrorBody'}` : `${typesLabel(types)}ErrorBody`;
}

/** `InternalServerErrorAnyCode`, `CardPaymentBadRequest`, `InvalidRequestBadRequest`, `ApiStatus503`. */
export function responseComponentName(response: ResponseAt, types: readonly ErrorType[], declaration: Declaration, labels: readonly string[]): string {
  const name = responseName(response);
  if (wholeStatus(types, declaration, response.status.class)) return `${name}AnyCode`;
  return labels.length === 1 ? `${labels[0]}${name}` : `${typesLabel(types)}${name}`;
}

function responseName({ status }: ResponseAt): string {
  if (status.key === 'default') return 'Error';
  if (Number(status.key) === 400 || status.key.toUpperCase() === '4XX') return status.exact ? 'BadRequest' : 'ClientError';
  if (Number(status.key) === 500 || status.key.toUpperCase() === '5XX') return status.exact ? 'InternalServerError' : 'ServerError';
  return `Status${status.key}`;
}
