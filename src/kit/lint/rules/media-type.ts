// media-type: error responses carry their body as JSON.
import { describe } from '../../../runtime/read.ts';
import { isJsonMediaType, walkDocument } from '../../openapi/walk.ts';
import type { Reported } from '../rule.ts';
import type { Tree } from '../../openapi/document.ts';

export function* mediaType(root: object, tree: Tree): Generator<Reported> {
  for (const operation of walkDocument(root, tree).operations) {
    for (const response of operation.responses) {
      for (const media of response.media) {
        if (isJsonMediaType(media.mediaType)) continue;
        yield {
          message: `The ${media.status.key} response offers ${describe(media.mediaType)}: error bodies are the standardized JSON body (application/json).`,
          path: media.path,
          // A response of the user's used under several statuses: one finding, where it is written.
          about: media.media,
          once: 'not JSON',
        };
      }
    }
  }
}

