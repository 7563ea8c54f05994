// The lint kit as an API team uses it: the packed package installed in a new project beside the
// real CLIs (@stoplight/spectral-cli and @redocly/cli, the versions the lockfile pins), configured
// exactly as docs/lint.md says, then `spectral lint` and `redocly lint` on fixture specs
// (tests/fixtures/downstream/<case>/) copied to the root of that project.
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';

let project: PackedProject;

/** The configuration files docs/lint.md shows. */
const SPECTRAL_CONFIG = 'extends: ["spectral:oas", "payment-error-contract/spectral"]\n';
const REDOCLY_CONFIG = 'plugins:\n  - payment-error-contract/redocly\nextends:\n  - recommended\n  - payment-errors/recommended\n';

beforeAll(async () => {
  project = await packedProject([
    { name: '@stoplight/spectral-cli', bin: ['spectral', 'dist/index.js'] },
    { name: '@redocly/cli', bin: ['redocly', 'bin/cli.js'] },
  ]);
  await writeFile(path.join(project.dir, '.spectral.yaml'), SPECTRAL_CONFIG);
  await writeFile(path.join(project.dir, 'redocly.yaml'), REDOCLY_CONFIG);
  // Each fixture at the root of the project, where its $refs to ./node_modules resolve.
  for (const fixture of ['clean', 'clean-3.0', 'mistakes']) {
    const from = path.join(REPO_ROOT, 'tests/fixtures/downstream', fixture);
    await cp(from, project.dir, { recursive: true, filter: (file) => !file.endsWith('openapi.yaml') });
    await cp(path.join(from, 'openapi.yaml'), path.join(project.dir, `${fixture}.yaml`));
  }
}, 180_000);

afterAll(async () => {
  await project?.remove();
});

interface Finding {
  rule: string;
  line: number;
  path: string;
  severity: string;
  message: string;
}

const SPECTRAL_SEVERITY = ['error', 'warning', 'info', 'hint'];
/** Redocly's CLI phones home unless told not to; tests make no network requests. */
const REDOCLY_ENV = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const bin = (name: string) => path.join(project.dir, 'node_modules/.bin', name);

async function spectral(file: string, ...options: string[]) {
  const result = await project.run(bin('spectral'), ['lint', file, '--format', 'json', '--quiet', ...options]);
  const findings = (JSON.parse(result.stdout || '[]') as Array<{ code: string; path: string[]; severity: number; message: string; source: string; range: { start: { line: number } } }>).map(
    (f): Finding & { file: string } => ({
      rule: f.code.replace(/^payment-error-/, ''),
      line: f.range.start.line + 1,
      path: f.path.join('.'),
      severity: SPECTRAL_SEVERITY[f.severity] ?? 'hint',
      message: f.message,
      file: path.relative(project.dir, f.source),
    }),
  );
  return { code: result.code, findings, stderr: result.stderr };
}

async function redocly(file: string, ...options: string[]) {
  const result = await project.run(bin('redocly'), ['lint', file, '--format', 'json', ...options], '', REDOCLY_ENV);
  const report = JSON.parse(result.stdout) as { problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ source: { ref: string }; pointer: string; start: { line: number } }> }> };
  const findings = report.problems.map((p): Finding & { file: string } => {
    const [location] = p.location;
    return {
      rule: p.ruleId.replace(/^payment-errors\//, ''),
      line: location?.start.line ?? 0,
      path: (location?.pointer ?? '').replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.'),
      severity: p.severity === 'warn' ? 'warning' : p.severity,
      message: p.message,
      file: location?.source.ref ?? '',
    };
  });
  return { code: result.code, findings, stderr: result.stderr };
}

const byPlace = (a: Finding, b: Finding) => a.line - b.line || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);

describe.each([
  ['spectral', spectral],
  ['redocly', redocly],
] as const)('%s lint', (engine, run) => {
  test.each(['clean.yaml', 'clean-3.0.yaml'])('%s, with the engine\'s own rules as well, has no findings', async (file) => {
    const { code, findings } = await run(file);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  test('mistakes.yaml gets exactly one finding per mistake and operation, each in the user\'s file where the mistake is', async () => {
    const { code, findings } = await run('mistakes.yaml');
    expect(findings.every((f) => f.file === 'mistakes.yaml')).toBe(true);
    expect(findings.map(({ file: _file, ...f }) => f).sort(byPlace)).toEqual(MISTAKES.map((m) => ({ rule: m.rule, severity: m.severity, message: m.message, ...m[engine] })).sort(byPlace));
    expect(code).toBe(1);
  });
});

test('spectral: a rule switched off, and another silenced for one path with overrides, as docs/lint.md shows', async () => {
  await writeFile(
    path.join(project.dir, 'silenced.spectral.yaml'),
    [
      SPECTRAL_CONFIG.trim(),
      'rules:',
      '  # GET /payments/{id} answers 404 for an unknown id: agreed with the payments team, PAY-123.',
      '  payment-error-other-status: off',
      'overrides:',
      '  - files: ["mistakes.yaml#/paths/~1refunds"]',
      '    rules:',
      '      # The refunds endpoint predates the contract; it is removed in v3.',
      '      payment-error-body: off',
      '',
    ].join('\n'),
  );
  const { findings } = await spectral('mistakes.yaml', '--ruleset', 'silenced.spectral.yaml');
  expect(findings.filter((f) => f.rule === 'other-status')).toEqual([]);
  expect(findings.filter((f) => f.rule === 'body').map((f) => f.path)).toEqual(['paths./payments.post.responses.400.content.application/json.schema']);
  expect(findings).toHaveLength(MISTAKES.length - 3);
});

test('redocly: a rule switched off in redocly.yaml, and payment-errors/all making every finding an error', async () => {
  await writeFile(path.join(project.dir, 'silenced.redocly.yaml'), `${REDOCLY_CONFIG}rules:\n  payment-errors/other-status: off\n`);
  const silenced = await redocly('mistakes.yaml', '--config', 'silenced.redocly.yaml');
  expect(silenced.findings.filter((f) => f.rule === 'other-status')).toEqual([]);
  expect(silenced.findings).toHaveLength(MISTAKES.length - 2);

  await writeFile(path.join(project.dir, 'strict.redocly.yaml'), REDOCLY_CONFIG.replace('payment-errors/recommended', 'payment-errors/all'));
  const strict = await redocly('mistakes.yaml', '--config', 'strict.redocly.yaml');
  expect(strict.findings.map((f) => f.severity)).toEqual(MISTAKES.map(() => 'error'));
});

const REF = './node_modules/payment-error-contract/generated/openapi.yaml#/components';
const FOUR_HUNDRED = 'invalid_request_error, idempotence_error, account_error, payment_error, refund_error, terminal_error';
const UNDER_500 = `A 500 response may carry only api_error; this body allows ${FOUR_HUNDRED}, sent with 400. $ref ${REF}/responses/InternalServerError.`;
const DECLARE_500 = `Declare the 500 response: any request may fail with api_error. $ref ${REF}/responses/InternalServerError.`;
const at = (line: number, path: string) => ({ line, path });

/** The mistakes of tests/fixtures/downstream/mistakes/openapi.yaml and where each engine places them. */
const MISTAKES: Array<{ rule: string; severity: string; message: string; spectral: { line: number; path: string }; redocly: { line: number; path: string } }> = [
  ...[
    ['/payments', 34, 'Idempotency-Key'],
    ['/refunds', 97, 'idempotency_key'],
  ].map(([p, line, name]) => {
    const where = at(Number(line), `paths.${p}.post.parameters.0.schema`);
    return {
      rule: 'idempotency-key-uuid',
      severity: 'error',
      message: `The ${name} header is a UUID v4 (the API answers invalid_key_format otherwise): give it \`type: string\` and \`format: uuid\`, or $ref ${REF}/parameters/IdempotencyKey.`,
      spectral: where,
      redocly: where,
    };
  }),
  ...[
    ['/payments', 36, 'On-Behalf-Of'],
    ['/refunds', 99, 'x-onbehalfof'],
  ].map(([p, line, name]) => {
    const where = at(Number(line), `paths.${p}.post.parameters.1.name`);
    return {
      rule: 'on-behalf-of-header',
      severity: 'error',
      message: `Spell the sub-account header x-on-behalf-of, the name the API reads (and sub_account_not_found refers to), not "${name}"; or $ref ${REF}/parameters/OnBehalfOf.`,
      spectral: where,
      redocly: where,
    };
  }),
  {
    rule: 'body',
    severity: 'error',
    message: `This payment_error body is a look-alike of the shared schema: its \`code\` is an open string, but the contract lists the codes of payment_error. $ref ${REF}/schemas/PaymentError instead.`,
    spectral: at(48, 'paths./payments.post.responses.400.content.application/json.schema'),
    redocly: at(48, 'paths./payments.post.responses.400.content.application/json.schema'),
  },
  {
    rule: 'body',
    severity: 'error',
    message: `This payment_error body is a look-alike of the shared schema: its \`code\` is an open string, but the contract lists the codes of payment_error; it allows members other than type, code and message. $ref ${REF}/schemas/PaymentError instead.`,
    spectral: at(111, 'paths./refunds.post.responses.400.content.application/json.schema'),
    redocly: at(111, 'paths./refunds.post.responses.400.content.application/json.schema'),
  },
  ...[
    [61, '/payments', 'expird_card', 'expired_card'],
    [124, '/refunds', 'invalid_refund_windw', 'invalid_refund_window'],
  ].map(([line, p, code, near]) => {
    const where = at(Number(line), `paths.${p}.post.responses.400.content.application/json.examples.typo.value`);
    return { rule: 'example', severity: 'error', message: `The error example "typo" breaks the contract: \`code\` "${code}" is not a code of payment_error (did you mean ${near}?).`, spectral: where, redocly: where };
  }),
  ...[
    [69, '/payments', 'invalid_payment_method', 'Invalid paymentmethod', 'Invalid payment method'],
    [132, '/refunds', 'expired_card', 'Expired card', 'Card expired'],
  ].map(([line, p, code, message, said]) => {
    const where = at(Number(line), `paths.${p}.post.responses.400.content.application/json.examples.reworded.value.message`);
    return { rule: 'example-message', severity: 'warning', message: `The API sends payment_error.${code} with the message "${message}", verbatim; the example "reworded" says "${said}".`, spectral: where, redocly: where };
  }),
  ...[
    [70, '/payments', '404'],
    [133, '/refunds', '409'],
  ].map(([line, p, status]) => {
    const where = at(Number(line), `paths.${p}.post.responses.${status}`);
    return { rule: 'other-status', severity: 'warning', message: `An error body under ${status}: the reference sends every error with 400 or 500, the type and code saying what went wrong.`, spectral: where, redocly: where };
  }),
  // POST /payments: the package's 400 response under 500. Spectral cannot place a finding on a
  // $ref, so it points at the map that holds it.
  { rule: 'status-fits-type', severity: 'error', message: UNDER_500, spectral: at(41, 'paths./payments.post.responses'), redocly: at(76, 'paths./payments.post.responses.500') },
  {
    rule: 'status-fits-type',
    severity: 'error',
    message: UNDER_500,
    spectral: at(142, 'paths./refunds.post.responses.500.content.application/json'),
    redocly: at(143, 'paths./refunds.post.responses.500.content.application/json.schema'),
  },
  {
    rule: 'media-type',
    severity: 'error',
    message: 'The 5XX response offers "text/html": error bodies are the standardized JSON body (application/json).',
    spectral: at(84, 'paths./payments.post.responses.5XX.content.text/html'),
    redocly: at(84, 'paths./payments.post.responses.5XX.content.text/html'),
  },
  {
    rule: 'media-type',
    severity: 'error',
    message: 'The 500 response offers "application/xml": error bodies are the standardized JSON body (application/json).',
    spectral: at(145, 'paths./refunds.post.responses.500.content.application/xml'),
    redocly: at(145, 'paths./refunds.post.responses.500.content.application/xml'),
  },
  ...[
    [156, '/payments/{id}'],
    [169, '/refunds/{id}'],
  ].map(([line, p]) => {
    const where = at(Number(line), `paths.${p}.get.responses`);
    return { rule: 'responses-declared', severity: 'warning', message: DECLARE_500, spectral: where, redocly: where };
  }),
];
