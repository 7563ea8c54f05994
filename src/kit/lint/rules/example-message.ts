// example-message: an error example of a documented code carries its message verbatim.
import { describeError } from '../../../runtime/describe.ts';
import { describe } from '../../../runtime/read.ts';
import { isObject, type Tree } from '../../openapi/document.ts';
import { walkDocument } from '../../openapi/walk.ts';
import type { Reported } from '../rule.ts';

export function* exampleMessage(root: object, tree: Tree): Generator<Reported> {
  for (const { media } of walkDocument(root, tree).bodies) {
    for (const { value, path, label, holder } of media.examples()) {
      if (!isObject(value)) continue;
      const entry = describeError(value['type'], value['code']);
      const said = value['message'];
      if (!entry || typeof entry.message !== 'string' || typeof said !== 'string' || said === entry.message) continue;
      yield {
        message: `The API sends ${entry.type}.${entry.code} with the message ${JSON.stringify(entry.message)}, verbatim; the example ${label} says ${describe(said)}.`,
        path: [...path, 'message'],
        about: holder,
      };
    }
  }
}

