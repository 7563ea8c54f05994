// idempotency-key-uuid: an idempotency key header is a UUID (format: uuid).
import { isObject, type Tree } from '../../openapi/document.ts';
import { sharedHeader, walkDocument } from '../../openapi/walk.ts';
import type { Reported } from '../rule.ts';

export function* idempotencyKeyUuid(root: object, tree: Tree): Generator<Reported> {
  for (const { parameter, path, name } of walkDocument(root, tree).headers()) {
    if (sharedHeader(name) !== 'IdempotencyKey') continue;
    const schema = tree.get(parameter, 'schema');
    if (isObject(schema) && schema['type'] === 'string' && schema['format'] === 'uuid') continue;
    yield {
      message: `The ${name} header is a UUID v4 (the API answers invalid_key_format otherwise): give it \`type: string\` and \`format: uuid\`, or $ref {ref}.`,
      path: isObject(schema) ? [...path, 'schema'] : path,
      suggest: '#/components/parameters/IdempotencyKey',
    };
  }
}

