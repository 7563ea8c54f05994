import { jsonResponse } from '../../../helpers/downstream-fixture.ts';
import { pkg } from '../../../helpers/lint.ts';
import { ruleCases } from '../../../helpers/rule-cases.ts';

const message = (status: string) => `An error body under ${status}: the reference sends every error with 400 or 500, the type and code saying what went wrong.`;

ruleCases('other-status', 'warning', [
  { name: 'valid: error bodies under 400 and 500 only', change: () => {}, want: [] },
  {
    name: 'valid: a 404 without the error body, and error bodies under 4XX and default',
    change: (d) => {
      d.paths['/payments'].post.responses['404'] = { description: 'No such payment' };
      d.paths['/payments'].post.responses['4XX'] = jsonResponse(pkg('schemas/BadRequestErrorBody'));
      d.paths['/payments'].post.responses.default = jsonResponse(pkg('schemas/ErrorBody'));
    },
    want: [],
  },
  {
    name: 'invalid: an error body under 404 and under 503',
    change: (d) => {
      d.paths['/payments'].post.responses['404'] = jsonResponse(pkg('schemas/AccountError'));
      d.paths['/payments'].post.responses['503'] = jsonResponse(pkg('schemas/ApiError'));
    },
    want: ['404', '503'].map((status) => ({ path: `paths./payments.post.responses.${status}`, message: message(status) })),
  },
  {
    name: 'invalid: the package\'s 400 response under 409, in two operations',
    change: (d) => {
      d.paths['/payments'].post.responses['409'] = pkg('responses/BadRequest');
      d.paths['/refunds'] = { post: { responses: { '400': pkg('responses/BadRequest'), '409': pkg('responses/BadRequest'), '500': pkg('responses/InternalServerError') } } };
    },
    want: ['/payments', '/refunds'].map((p) => ({ path: `paths.${p}.post.responses.409`, spectral: `paths.${p}.post.responses`, message: message('409') })),
  },
]);
