// on-behalf-of-header: the sub-account header is spelled x-on-behalf-of.
import { describe } from '../../../runtime/read.ts';
import { sharedHeader, walkDocument } from '../../openapi/walk.ts';
import type { Reported } from '../rule.ts';
import type { Tree } from '../../openapi/document.ts';

export function* onBehalfOfHeader(root: object, tree: Tree): Generator<Reported> {
  for (const { path, name } of walkDocument(root, tree).headers()) {
    if (sharedHeader(name) !== 'OnBehalfOf' || name.toLowerCase() === 'x-on-behalf-of') continue;
    yield {
      message: `Spell the sub-account header x-on-behalf-of, the name the API reads (and sub_account_not_found refers to), not ${describe(name)}; or $ref {ref}.`,
      path: [...path, 'name'],
      suggest: '#/components/parameters/OnBehalfOf',
    };
  }
}

