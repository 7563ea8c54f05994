// Where findings land in a spec split over several files of the user's, through each engine:
// in the file and at the path the user edits, never inside node_modules.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, downstreamProject, lint, spectralLines, type Project } from '../../helpers/lint.ts';

let project: Project;
beforeAll(async () => {
  project = await downstreamProject();
});
afterAll(async () => {
  await project?.remove();
});

const PACKAGE = '../node_modules/payment-error-contract/generated/openapi.yaml#/components';

describe.each(ENGINES)('%s', (engine) => {
  test('a path item in a file of its own: its findings are placed in that file', async () => {
    const dir = `${engine}-split`;
    await project.write(`${dir}/openapi.yaml`, {
      openapi: '3.1.0',
      info: { title: 'Split', version: '1' },
      paths: { '/payments': { $ref: './paths/payments.yaml' }, '/refunds': { $ref: './paths/refunds.yaml' } },
    });
    await project.write(`${dir}/paths/payments.yaml`, {
      post: {
        parameters: [{ name: 'OnBehalfOf', in: 'header', schema: { type: 'string' } }],
        responses: { '400': { $ref: `../${PACKAGE}/responses/BadRequest` }, '500': { $ref: `../${PACKAGE}/responses/BadRequest` } },
      },
    });
    await project.write(`${dir}/paths/refunds.yaml`, {
      post: { responses: { '400': { $ref: '../responses.yaml#/Refused' }, '500': { $ref: `../${PACKAGE}/responses/InternalServerError` } } },
    });
    await project.write(`${dir}/responses.yaml`, {
      Refused: { description: 'Refused', content: { 'application/json': { schema: { $ref: `${PACKAGE}/schemas/BadRequestErrorBody` } }, 'text/plain': { schema: { type: 'string' } } } },
    });
    const findings = await lint(engine, project, `${dir}/openapi.yaml`);
    const places = findings.map((f) => `${f.rule} ${f.file} ${f.path}`).sort();
    expect(places).toEqual(
      [
        `media-type ${dir}/responses.yaml Refused.content.text/plain`,
        `on-behalf-of-header ${dir}/paths/payments.yaml post.parameters.0.name`,
        `status-fits-type ${dir}/paths/payments.yaml post.responses${engine === 'spectral' ? '' : '.500'}`,
      ].sort(),
    );
    expect(findings.find((f) => f.rule === 'on-behalf-of-header')?.message).toContain(`$ref ../../node_modules/payment-error-contract/generated/openapi.yaml#/components/parameters/OnBehalfOf`);
    expect(findings.find((f) => f.rule === 'status-fits-type')?.message).toContain(`$ref ../../node_modules/payment-error-contract/generated/openapi.yaml#/components/responses/InternalServerError`);
  });

  test('a path item two paths share is checked once, where it is written', async () => {
    const dir = `${engine}-shared`;
    await project.write(`${dir}/openapi.yaml`, {
      openapi: '3.1.0',
      info: { title: 'Shared', version: '1' },
      paths: { '/a': { $ref: '#/components/pathItems/P' }, '/b': { $ref: '#/components/pathItems/P' } },
      components: { pathItems: { P: { post: { responses: { '400': { $ref: `${PACKAGE}/responses/BadRequest` }, '500': { $ref: `${PACKAGE}/responses/BadRequest` } } } } } },
    });
    const findings = await lint(engine, project, `${dir}/openapi.yaml`);
    expect(findings.map((f) => `${f.rule} ${f.path}`)).toEqual([`status-fits-type components.pathItems.P.post.responses${engine === 'spectral' ? '' : '.500'}`]);
  });

  test('a spec that is itself installed (a shared spec package in node_modules) gets its findings where they are', async () => {
    const dir = `${engine}-installed/node_modules/@acme/spec`;
    await project.write(`${dir}/openapi.yaml`, {
      openapi: '3.1.0',
      info: { title: 'Installed', version: '1' },
      paths: { '/a': { post: { parameters: [{ name: 'On-Behalf-Of', in: 'header', schema: { type: 'string' } }], responses: { '400': { $ref: '#/components/responses/Bad' }, '500': { $ref: '#/components/responses/Bad' } } } } },
      components: { responses: { Bad: { description: 'Bad', content: { 'text/html': { schema: { type: 'string' } } } } } },
    });
    const findings = await lint(engine, project, `${dir}/openapi.yaml`);
    expect(findings.map((f) => `${f.rule} ${f.path}`).sort()).toEqual(['media-type components.responses.Bad.content.text/html', 'on-behalf-of-header paths./a.post.parameters.0.name']);
  });

  test('through YAML aliases, findings land where the YAML is written, not on the first line', async () => {
    const dir = `${engine}-anchors`;
    await project.write(
      `${dir}/openapi.yaml`,
      [
        'openapi: 3.1.0',
        'info: {title: Anchors, version: "1"}',
        'paths:',
        '  /a:',
        '    post:',
        '      responses:',
        '        "400": &bad',
        '          description: A look-alike, with a misspelt example',
        '          content:',
        '            application/json:',
        '              schema:',
        '                type: object',
        '                properties: {type: {const: payment_error}, code: {type: string}, message: {type: string}}',
        '              examples:',
        '                e: {value: {type: payment_error, code: expird_card, message: Expired card}}',
        '        "500": *bad',
        '  /b:',
        '    post:',
        '      responses:',
        '        "400": *bad',
        '        "500": *bad',
        '',
      ].join('\n'),
    );
    const findings = await lint(engine, project, `${dir}/openapi.yaml`);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.path === '')).toEqual([]);
    if (engine === 'spectral') {
      const lines = await spectralLines(project, `${dir}/openapi.yaml`);
      expect(lines.length).toBe(findings.length);
      expect(lines.filter((l) => l.line === 1)).toEqual([]);
    }
  });

  test('text of the spec that looks like a Spectral placeholder is shown as written', async () => {
    const dir = `${engine}-braces`;
    await project.write(`${dir}/openapi.yaml`, {
      openapi: '3.1.0',
      info: { title: 'Braces', version: '1' },
      paths: { '/a': { post: { parameters: [{ name: '#{{path}}-on-behalf-of', in: 'header', schema: { type: 'string' } }], responses: { default: { $ref: `${PACKAGE}/responses/BadRequest` } } } } },
    });
    const [finding] = await lint(engine, project, `${dir}/openapi.yaml`, 'on-behalf-of-header');
    // Spectral gets the braces broken up by an invisible space, so that it leaves them alone.
    expect(finding?.message.replace(/\u200B/g, '')).toContain('not "#{{path}}-on-behalf-of"');
  });

  test.each([
    {
      name: 'a broken $ref: the engine reports it, the kit does not',
      responses: { '400': { $ref: './missing.yaml#/Nothing' }, '500': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } },
      want: [],
    },
    {
      name: 'a response without content, and extensions in odd places',
      responses: { 'x-note': { $ref: '#/nowhere' }, '400': { description: 'x' }, '500': { description: 'y', content: null } },
      want: [],
    },
    {
      name: 'a schema that refers to itself through two files of the user',
      responses: { '400': { description: 'x', content: { 'application/json': { schema: { $ref: './a.yaml#/A' } } } }, '500': { description: 'y' } },
      want: ['body a.yaml A'],
    },
  ])('bad input: $name gives findings at the user\'s place or none, never a crash', async ({ name, responses, want }) => {
    const dir = `${engine}-bad-${name.length}`;
    await project.write(`${dir}/a.yaml`, { A: { oneOf: [{ $ref: './b.yaml#/B' }] } });
    await project.write(`${dir}/b.yaml`, { B: { allOf: [{ $ref: './a.yaml#/A' }] } });
    await project.write(`${dir}/openapi.yaml`, { openapi: '3.1.0', info: { title: 'Bad', version: '1' }, paths: { '/x': { post: { 'x-odd': [1, 2], responses } } } });
    const findings = await lint(engine, project, `${dir}/openapi.yaml`);
    expect(findings.map((f) => `${f.rule} ${f.file.replace(`${dir}/`, '')} ${f.path}`)).toEqual(want);
  });
});
