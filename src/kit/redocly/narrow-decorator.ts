// The narrow decorator (`decorators: { payment-errors/narrow: on }`): `redocly bundle` writes each
// declaring operation's error responses narrowed to its x-payment-errors (src/kit/narrow/plan.ts).
// It runs as the bundle is finished, when every $ref left is local to the bundle.
import { DECLARATION } from '../../runtime/declaration.ts';
import { openApiVersion } from '../openapi/document.ts';
import { applyToData } from '../narrow/apply-data.ts';
import { CopyLimitError, planNarrowing } from '../narrow/plan.ts';
import { bundleTree } from './tree.ts';
import type { Visitor } from './types.ts';

export function narrowDecorator(): Visitor {
  return {
    ref: { enter() {} },
    Root: {
      leave(root, ctx) {
        if (!openApiVersion(root) || typeof root !== 'object' || root === null) return;
        const tree = bundleTree(root, ctx);
        let plan;
        try {
          plan = planNarrowing(root, tree);
        } catch (error) {
          if (!(error instanceof CopyLimitError)) throw error;
          ctx.report({ message: `${error.message}; the document was not narrowed.`, location: ctx.location.child([...error.path]) });
          return;
        }
        if (plan.problems.length > 0) {
          for (const { message, path } of plan.problems) {
            const text = message.startsWith(DECLARATION) ? message : `${DECLARATION}: ${message}`;
            ctx.report({ message: `${text}; the document was not narrowed.`, location: ctx.location.child([...path]) });
          }
          return;
        }
        applyToData(root as Record<string, unknown>, plan, tree);
      },
    },
  };
}
