// The contract tests: openapi/ held against the catalog, one row per error type; and the same for
// its OpenAPI 3.0 translation (generated/openapi-3.0.*), which says the same in 3.0's words.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { toOpenApi30 } from '../../scripts/generate-openapi-3.0.js';
import { bundledDocument, deref, readCatalog, schemaOfType, singleValue, type CatalogType } from '../helpers/contract.ts';

const catalog = readCatalog();

/** Both directions at once, so that a failure names the missing and the extra codes. */
function difference(got: readonly string[], want: readonly string[]) {
  return { missingFromSpec: want.filter((c) => !got.includes(c)), notInCatalog: got.filter((c) => !want.includes(c)) };
}

describe.each([
  ['OpenAPI 3.1 (openapi/)', async () => bundledDocument()],
  ['OpenAPI 3.0 (its translation)', async () => toOpenApi30(await bundledDocument())],
] as const)('%s', (_name, load) => {
  let document: any;
  beforeAll(async () => {
    document = await load();
  });

  describe.each(catalog.map((t) => [t.type, t] as const))('%s', (type, want: CatalogType) => {
    const spec = () => {
      const found = schemaOfType(document, type);
      if (!found) throw new Error(`no schema in openapi/ has type "${type}"`);
      return { ...found, code: deref(document, found.schema.properties.code) };
    };

    test('has a schema whose type is this single value', () => {
      expect(spec().schema.properties.type).toMatchObject({ type: 'string' });
      expect(singleValue(spec().schema.properties.type)).toBe(type);
    });

    test('x-http-status is the catalog status', () => {
      expect(spec().schema['x-http-status']).toBe(want.httpStatus);
    });

    test('requires type, code and message and allows nothing else', () => {
      expect(spec().schema.required).toEqual(['type', 'code', 'message']);
      expect(spec().schema.additionalProperties).toBe(false);
    });

    test('the code enum has exactly the catalog codes, in the reference order', () => {
      const codes: string[] = spec().code.enum ?? [];
      expect(difference(codes, want.codes.map((c) => c.code))).toEqual({ missingFromSpec: [], notInCatalog: [] });
      expect(codes).toEqual(want.codes.map((c) => c.code));
    });

    test('x-enumDescriptions holds each catalog message verbatim', () => {
      const messages = want.codes.length ? spec().code['x-enumDescriptions'] : undefined;
      expect(messages).toEqual(want.codes.length ? Object.fromEntries(want.codes.map((c) => [c.code, c.message])) : undefined);
    });

    test('x-enumHowToFix holds each catalog how-to-fix verbatim', () => {
      const fixes = Object.fromEntries(want.codes.filter((c) => c.howToFix).map((c) => [c.code, c.howToFix]));
      expect(spec().code['x-enumHowToFix'] ?? {}).toEqual(fixes);
    });

    test('the description states the scope and remarks', () => {
      const description: string = spec().schema.description;
      for (const scope of want.scope) expect(description).toContain(`- ${scope}`);
      if (want.remarks) expect(description).toContain(want.remarks);
      if (want.scope.length === 0) expect(description).toMatch(/states no scope/);
    });
  });

  describe.each(catalog.filter((t) => t.codes.length === 0).map((t) => [t.type] as const))('%s (no codes listed)', (type) => {
    test('code is an open, well-formed string', () => {
      const code = deref(document, schemaOfType(document, type)?.schema.properties.code);
      expect(code.enum).toBeUndefined();
      expect(code).toMatchObject({ type: 'string', pattern: expect.any(String) });
      expect(code.description).toMatch(/lists no codes/);
      const pattern = new RegExp(code.pattern);
      expect(['3DS_required', 'expired_card'].every((c) => pattern.test(c))).toBe(true);
      expect(['', 'has space', 'x'.repeat(65), '<script>'].some((c) => pattern.test(c))).toBe(false);
    });
  });

  describe('the union schemas', () => {
    const mappingOf = (name: string) => document.components.schemas[name].discriminator;

    test.each([
      ['ErrorBody', () => catalog],
      ['BadRequestErrorBody', () => catalog.filter((t) => t.httpStatus === 400)],
    ] as const)('%s maps type to exactly its types', (name, types) => {
      const union = document.components.schemas[name];
      const want = types().map((t) => t.type);
      expect(mappingOf(name).propertyName).toBe('type');
      expect(Object.keys(mappingOf(name).mapping).sort()).toEqual([...want].sort());
      for (const [type, ref] of Object.entries<string>(mappingOf(name).mapping)) {
        expect(ref, type).toBe(`#/components/schemas/${schemaOfType(document, type)?.name}`);
      }
      expect(union.oneOf.map((m: any) => m.$ref).sort()).toEqual(Object.values(mappingOf(name).mapping).sort());
    });
  });

  describe('examples', () => {
    const ajv = () => {
      const instance = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(instance);
      instance.addSchema({ $id: 'contract', components: document.components });
      return instance;
    };
    const mediaTypes = () =>
      Object.entries<any>(document.components.responses).flatMap(([response, r]) =>
        Object.entries<any>(r.content ?? {}).map(([mediaType, media]) => ({ response, mediaType, media })),
      );
    const examples = () =>
      mediaTypes().flatMap(({ response, media }) =>
        Object.entries<any>(media.examples ?? {}).map(([name, e]) => ({ response, name, schema: media.schema, value: deref(document, e).value })),
      );
    const statusOfType = (type: string) => catalog.find((t) => t.type === type)?.httpStatus;

    test('every error type has an example', () => {
      const typesWithExamples = new Set(examples().map((e) => e.value?.type));
      expect(catalog.map((t) => t.type).filter((t) => !typesWithExamples.has(t))).toEqual([]);
    });

    test('every example component is used by a response, so that it is checked below', () => {
      const used = new Set(mediaTypes().flatMap(({ media }) => Object.values<any>(media.examples ?? {}).map((e) => e.$ref)));
      const unused = Object.keys(document.components.examples).filter((name) => !used.has(`#/components/examples/${name}`));
      expect(unused).toEqual([]);
    });

    test('every example validates against the schema of its response', () => {
      const validator = ajv();
      const failures = examples().flatMap(({ response, name, schema, value }) => {
        const validate = validator.compile({ $ref: `contract${schema.$ref}` });
        return validate(value) ? [] : [`${response}/${name}: ${validator.errorsText(validate.errors)}`];
      });
      expect(failures).toEqual([]);
    });

    test('every example uses a (type, code) pair the catalog knows, with its message verbatim', () => {
      const unknown = examples().flatMap(({ name, value }) => {
        const type = catalog.find((t) => t.type === value.type);
        if (!type) return [`${name}: unknown type ${value.type}`];
        if (type.codes.length === 0) {
          const pattern = new RegExp(deref(document, schemaOfType(document, type.type)?.schema.properties.code).pattern);
          return pattern.test(value.code) ? [] : [`${name}: ${value.code} is not a well-formed code`];
        }
        const code = type.codes.find((c) => c.code === value.code);
        if (!code) return [`${name}: ${value.type} has no code ${value.code}`];
        return code.message === value.message ? [] : [`${name}: message ${JSON.stringify(value.message)} is not ${JSON.stringify(code.message)}`];
      });
      expect(unknown).toEqual([]);
    });

    test('every example sits under a response of the status of its type', () => {
      const statusOfResponse = (response: string) => {
        const union = document.components.responses[response].content['application/json'].schema;
        const members = deref(document, union).oneOf ?? [union];
        const statuses = new Set(members.map((m: any) => deref(document, m)['x-http-status']));
        expect(statuses.size, `${response} mixes types of different statuses`).toBe(1);
        return [...statuses][0];
      };
      const misplaced = examples()
        .filter(({ response, value }) => statusOfResponse(response) !== statusOfType(value.type))
        .map(({ response, name }) => `${response}/${name}`);
      expect(misplaced).toEqual([]);
    });

    test('header parameter examples validate against their schemas', () => {
      const validator = ajv();
      const failures = Object.entries<any>(document.components.parameters).flatMap(([name, parameter]) => {
        expect(parameter.example, `${name} has an example`).toBeDefined();
        const validate = validator.compile(parameter.schema);
        return validate(parameter.example) ? [] : [`${name}: ${validator.errorsText(validate.errors)}`];
      });
      expect(failures).toEqual([]);
    });
  });

  describe('request headers', () => {
    test.each([
      ['IdempotencyKey', 'Idempotency-Key', 'invalid_key_format'],
      ['OnBehalfOf', 'x-on-behalf-of', 'sub_account_not_found'],
    ])('%s is the %s header that %s refers to', (component, header, code) => {
      const parameter = document.components.parameters[component];
      expect(parameter).toMatchObject({ name: header, in: 'header' });
      expect(parameter.description).toContain(code);
      expect(catalog.some((t) => t.codes.some((c) => c.code === code))).toBe(true);
    });

    test('the idempotency key is a UUID v4', () => {
      const { schema } = document.components.parameters.IdempotencyKey;
      expect(schema.format).toBe('uuid');
      const pattern = new RegExp(schema.pattern);
      expect(pattern.test('5f0c6d1e-8a3b-4c2d-9e7f-1a2b3c4d5e6f')).toBe(true);
      // a version 1 UUID and a key that is no UUID at all
      expect(pattern.test('5f0c6d1e-8a3b-1c2d-9e7f-1a2b3c4d5e6f')).toBe(false);
      expect(pattern.test('order-42')).toBe(false);
    });
  });
});
