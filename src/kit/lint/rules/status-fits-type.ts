// status-fits-type: a 400 response carries only the 400 error types; a 500 response only api_error.
import { statusOf } from '../../../runtime/lookup.ts';
import { walkDocument } from '../../openapi/walk.ts';
import { sharedResponse, typesNotFitting, typesSentWith } from '../contract.ts';
import { OPERATION, type Reported } from '../rule.ts';
import type { Tree } from '../../openapi/document.ts';

export function* statusFitsType(root: object, tree: Tree): Generator<Reported> {
  for (const { media } of walkDocument(root, tree).bodies) {
    const wrong = typesNotFitting(media, tree);
    const [first] = wrong;
    if (first === undefined || media.status.class === undefined) continue;
    yield {
      message: `A ${media.status.key} response may carry only ${typesSentWith(media.status.class).join(', ')}; this body allows ${wrong.join(', ')}, sent with ${statusOf(first as Parameters<typeof statusOf>[0])}. $ref {ref}.`,
      path: [...media.path, 'schema'],
      use: OPERATION,
      suggest: sharedResponse(media.status.class),
    };
  }
}

