// Runs against a copy of the project whose contract deprecates payment_error.fraud (replaced by
// risk_reject): the kit compiled from that copy, the copy installed as the package.
import { afterAll } from 'vitest';
import { build } from '../../../../scripts/build.js';
import { compiledKit } from '../../../helpers/lint.ts';
import { copyProject, type ProjectCopy } from '../../../helpers/project-copy.js';
import { ruleCases } from '../../../helpers/rule-cases.ts';

let copy: ProjectCopy | undefined;
afterAll(async () => {
  await copy?.remove();
});

const AT = 'paths./payments.post.x-payment-errors';
const declare = (value: unknown) => (d: any) => (d.paths['/payments'].post['x-payment-errors'] = value);

ruleCases(
  'declaration-deprecated',
  'warning',
  [
    { name: 'valid: codes the contract does not deprecate, and all', change: declare({ payment_error: ['expired_card', 'risk_reject'], account_error: 'all' }), want: [] },
    {
      name: 'invalid: a deprecated code, with its replacement',
      change: declare({ payment_error: ['expired_card', 'fraud'] }),
      want: [{ path: `${AT}.payment_error.1`, message: 'x-payment-errors: payment_error.fraud is deprecated; declare risk_reject, which replaces it. A major release of the contract will remove it.' }],
    },
  ],
  async () => {
    copy = await copyProject();
    await copy.replace('openapi/components/schemas/PaymentError.yaml', '    x-enumHowToFix:\n', '    x-enumDeprecated:\n      fraud:\n        replacement: risk_reject\n    x-enumHowToFix:\n');
    await build(copy.root, { docs: false, log: () => {} });
    return { root: copy.root, kit: await compiledKit(copy.root) };
  },
);
