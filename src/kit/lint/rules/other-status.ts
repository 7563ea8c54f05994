// other-status: error bodies sit under 400 or 500, the statuses the reference sends errors with.
import { isJsonMediaType, walkDocument } from '../../openapi/walk.ts';
import { CONTRACT_STATUSES } from '../contract.ts';
import { analyseErrorSchema } from '../../openapi/error-schema.ts';
import { OPERATION, type Reported } from '../rule.ts';
import type { Tree } from '../../openapi/document.ts';

export function* otherStatus(root: object, tree: Tree): Generator<Reported> {
  for (const operation of walkDocument(root, tree).operations) {
    for (const response of operation.responses) {
      if (!response.status.exact || CONTRACT_STATUSES.has(Number(response.status.key))) continue;
      const carries = response.media.some(
        (media) => isJsonMediaType(media.mediaType) && analyseErrorSchema(media.schema, tree).kind === 'error-body',
      );
      if (!carries) continue;
      yield {
        message: `An error body under ${response.status.key}: the reference sends every error with ${[...CONTRACT_STATUSES].join(' or ')}, the type and code saying what went wrong.`,
        path: response.path,
        use: OPERATION,
      };
    }
  }
}

