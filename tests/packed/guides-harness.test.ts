// The guide harness (tests/helpers/guide-harness.ts) fails on broken blocks: each planted guide
// below has one fault, and the harness must name its line and what is wrong. A planted guide with
// a block of each kind that is right passes in the same project, so that the failures are the
// faults' and not the setup's. (Dead links and blocks no check fits: tests/guides/.)
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runGuide, startStubApi, type GuideEnv } from '../helpers/guide-harness.ts';
import { packedProject, type PackedProject } from '../helpers/packed-project.js';

let project: PackedProject;
let server: Server | undefined;
let env: GuideEnv;

beforeAll(async () => {
  project = await packedProject();
  const api = await startStubApi();
  server = api.server;
  env = { repo: undefined, project: project.dir, api: api.url, ran: new Map() };
});

afterAll(async () => {
  server?.close();
  await project?.remove();
});

/** A planted guide: a heading, then the blocks, after a line that installs TypeScript (linked, as for the real guides). */
const guide = (...blocks: string[]) => ['# Planted', '', '```sh', 'npm install --save-dev typescript@5 @stoplight/spectral-cli @redocly/cli', '```', '', ...blocks.flatMap((b) => [b, ''])].join('\n');
/** The line a planted block's fence is on: the install block takes lines 3 to 5. */
const FIRST_BLOCK = 7;

test('a planted guide whose blocks are right passes', async () => {
  const result = await runGuide(
    'docs/planted.md',
    guide(
      "```ts\nimport { httpStatusOf } from 'payment-error-contract';\n\nconsole.log(httpStatusOf('api_error'));\n// → 500\n```",
      '```json file=body.json\n{ "type": "payment_error", "code": "expired_card", "message": "Expired card" }\n```',
      '```sh\nnpx payment-errors check --status 400 body.json\nnpx payment-errors explain expird_card   # (exit 1)\ncurl -si -X POST "$API/payments" -d @request.json | npx payment-errors check -\n```',
      '```yaml\n# .spectral.yaml\nextends: ["payment-error-contract/spectral"]\nrules:\n  payment-error-other-status: off\n```',
    ),
    env,
  );
  expect(result.failures).toEqual([]);
});

test.each([
  [
    'a TypeScript block with a type error',
    "```ts\nimport { httpStatusOf } from 'payment-error-contract';\n\nhttpStatusOf('paymnt_error');\n```",
    [expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK + 3}: error TS2345: Argument of type '"paymnt_error"' is not assignable`))],
  ],
  [
    'a TypeScript block that prints something else than its // → lines',
    "```ts\nimport { httpStatusOf } from 'payment-error-contract';\n\nconsole.log(httpStatusOf('api_error'));\n// → 400\n```",
    [`docs/planted.md:${FIRST_BLOCK}: the example prints\n500\nwhere its // → lines say\n400`],
  ],
  [
    'a Spectral ruleset with an unknown rule',
    '```yaml\n# .spectral.yaml\nextends: ["payment-error-contract/spectral"]\nrules:\n  payment-error-nosuch: off\n```',
    [expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK}: Spectral does not load this ruleset: [\\s\\S]*Cannot extend non-existing rule: "payment-error-nosuch"`))],
  ],
  [
    'a Spectral ruleset that switches off a rule the fixture never triggers, so that nothing shows it took effect',
    '```yaml\n# .spectral.yaml\nextends: ["payment-error-contract/spectral"]\nrules:\n  payment-error-declaration-sendable: off\n```',
    [`docs/planted.md:${FIRST_BLOCK}: the fixture has no finding of payment-error-declaration-sendable, so switching it off cannot be shown`],
  ],
  [
    'a redocly.yaml with an unknown rule',
    '```yaml\n# redocly.yaml\nplugins:\n  - payment-error-contract/redocly\nextends:\n  - payment-errors/recommended\nrules:\n  payment-errors/nosuch: off\n```',
    [expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK}: Redocly: \\[WARNING\\] Unused rules found in redocly\\.yaml: payment-errors/nosuch`))],
  ],
  [
    'a redocly.yaml that extends a config the plugin does not have',
    '```yaml\n# redocly.yaml\nplugins:\n  - payment-error-contract/redocly\nextends:\n  - payment-errors/strict\n```',
    [expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK}: Redocly: .*doesn't export config with name strict`))],
  ],
  [
    'a redocly.yaml that turns on the narrow decorator without the plugin',
    '```yaml\n# redocly.yaml\nextends:\n  - recommended\ndecorators:\n  payment-errors/narrow: on\n```',
    [expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK}: Redocly: \\[WARNING\\] Unused decorators found`))],
  ],
  [
    'a shell command that fails where the guide says nothing of it',
    '```sh\nnpx payment-errors explain expird_card\n```',
    [expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK + 1}: \`npx payment-errors explain expird_card\` exited 1, where 0 was expected:\\n.*did you mean expired_card`))],
  ],
  [
    'a JSON body that does not conform',
    '```json\n{ "type": "payment_error", "code": "expird_card", "message": "Expired card" }\n```',
    [expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK}: the body does not conform: .*expird_card`))],
  ],
  [
    'a spec whose $ref leads nowhere',
    '```yaml\npaths:\n  /payments:\n    post:\n      responses:\n        "400":\n          $ref: ./node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/NoSuchResponse\n        "500":\n          $ref: ./node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/InternalServerError\n```',
    [expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK}: Spectral: invalid-ref at .*NoSuchResponse`)), expect.stringMatching(new RegExp(`^docs/planted\\.md:${FIRST_BLOCK}: Redocly: no-unresolved-refs at paths\\./payments\\.post\\.responses\\.400: Can't resolve \\$ref`))],
  ],
])('fails on %s, naming the line', async (_name, block, failures) => {
  const result = await runGuide('docs/planted.md', guide(block), env);
  expect(result.failures).toEqual(failures);
});
