// The payment-errors CLI, run in-process through runCli (the bin wires the same function to the
// process; tests/package.test.ts runs the real bin from the packed tarball).
import { describe, expect, test } from 'vitest';
import { runCli } from '../src/cli-commands.ts';
import { contractVersion, errorCatalog, type CatalogEntry } from '../src/index.ts';

async function cli(args: string[], { input = '', catalog }: { input?: string; catalog?: readonly CatalogEntry[] } = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    readInput: async (path: string) => {
      if (path === '-') return input;
      throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    },
  };
  const code = await runCli(args, io, catalog);
  return { code, stdout, stderr };
}

describe('list', () => {
  test('prints every code with its message and how to fix', async () => {
    const { code, stdout, stderr } = await cli(['list']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const e of errorCatalog) {
      expect(stdout).toContain(e.code);
      expect(stdout).toContain(e.message);
      if (e.howToFix) expect(stdout).toContain(e.howToFix.split('\n')[0]);
    }
    expect(stdout).toContain('refund_error (HTTP 400): the reference lists no codes yet');
  });

  test('--json is stable: every entry has type, code, httpStatus, message, howToFix and deprecated (null when none)', async () => {
    const { code, stdout } = await cli(['list', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['contractVersion', 'types', 'codes']);
    expect(out.contractVersion).toBe(contractVersion);
    expect(out.codes).toHaveLength(errorCatalog.length);
    for (const entry of out.codes) expect(Object.keys(entry)).toEqual(['type', 'code', 'httpStatus', 'message', 'howToFix', 'deprecated']);
    expect(out.codes.find((e: CatalogEntry) => e.code === 'fraud')).toEqual({ type: 'payment_error', code: 'fraud', httpStatus: 400, message: 'FRAUD', howToFix: null, deprecated: null });
    expect(out.types).toContainEqual({ type: 'api_error', httpStatus: 500, codesListed: false });
  });

  test('--type narrows to one type', async () => {
    const { stdout } = await cli(['list', '--type', 'account_error', '--json']);
    expect(JSON.parse(stdout).codes.map((e: CatalogEntry) => e.code)).toEqual(['account_not_found', 'sub_account_not_found', 'user_not_found', 'product_not_found']);
  });

  test('an unknown --type is a usage error with a suggestion', async () => {
    expect(await cli(['list', '--type', 'payment_errors'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'payment-errors: unknown error type "payment_errors" (did you mean payment_error?)\nRun payment-errors --help for usage.\n',
    });
  });
});

describe('explain', () => {
  test('prints one code', async () => {
    const { code, stdout } = await cli(['explain', 'sub_account_not_found']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'sub_account_not_found',
        '  type:        account_error',
        '  HTTP status: 400',
        '  message:     sub-account associated with the on-behalf-of not found or deactivated',
        '  how to fix:  Ensure the ID specified in the x-on-behalf-of header corresponds to a valid sub-account.',
        '',
      ].join('\n'),
    );
  });

  test('--json prints the stable entry', async () => {
    const { stdout } = await cli(['explain', '3DS_required', '--json']);
    expect(JSON.parse(stdout)).toEqual({ type: 'payment_error', code: '3DS_required', httpStatus: 400, message: 'The issuer bank requires the 3D Secure process', howToFix: null, deprecated: null });
  });

  test('a deprecated code says so, with its replacement', async () => {
    const catalog = errorCatalog.map((e) => (e.code === 'fraud' ? { ...e, deprecated: { replacement: 'risk_reject' } } : e)) as CatalogEntry[];
    expect((await cli(['explain', 'fraud'], { catalog })).stdout).toContain('  deprecated:  use risk_reject instead\n');
    expect(JSON.parse((await cli(['explain', 'fraud', '--json'], { catalog })).stdout).deprecated).toEqual({ replacement: 'risk_reject' });
    expect((await cli(['list', '--type', 'payment_error'], { catalog })).stdout).toMatch(/ fraud +FRAUD\n +Deprecated: use risk_reject\.\n/);
  });

  test('an unknown code exits 1 and suggests the nearest codes', async () => {
    expect(await cli(['explain', 'expird_card'])).toEqual({ code: 1, stdout: '', stderr: 'unknown code "expird_card". Did you mean: expired_card?\n' });
  });

  test('codes are case-sensitive: 3ds_required is not 3DS_required', async () => {
    const { code, stderr } = await cli(['explain', '3ds_required']);
    expect(code).toBe(1);
    expect(stderr).toContain('Did you mean: 3DS_required');
  });

  test('a code of several types asks for --type, and --type picks one', async () => {
    const catalog: CatalogEntry[] = [...errorCatalog, { type: 'refund_error', code: 'expired_card', httpStatus: 400, message: 'Expired card' } as unknown as CatalogEntry];
    expect(await cli(['explain', 'expired_card'], { catalog })).toEqual({
      code: 1,
      stdout: '',
      stderr: '"expired_card" is a code of payment_error and refund_error: say which with --type <type>.\n',
    });
    const picked = await cli(['explain', 'expired_card', '--type', 'refund_error', '--json'], { catalog });
    expect(picked.code).toBe(0);
    expect(JSON.parse(picked.stdout).type).toBe('refund_error');
  });
});

describe('check', () => {
  test('a conforming body exits 0', async () => {
    const input = JSON.stringify({ type: 'payment_error', code: 'expired_card', message: 'Expired card' });
    expect(await cli(['check', '--status', '400', '-'], { input })).toEqual({ code: 0, stdout: 'conforms to the error contract\n', stderr: '' });
  });

  test('each violation is printed and the exit code is 1', async () => {
    const input = JSON.stringify({ type: 'account_error', code: 'expired_card', message: '', trace: 'abc' });
    expect(await cli(['check', '--status', '500', '-'], { input })).toEqual({
      code: 1,
      stdout: [
        'code: `code` "expired_card" is a code of payment_error, not of account_error',
        'message: `message` is empty',
        'members: members the contract does not allow: "trace"',
        'status: HTTP 500 does not fit account_error, which is sent with 400',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('--json prints the verdict and the violations', async () => {
    const input = JSON.stringify({ type: 'api_error', code: 'boom', message: 'x' });
    const { code, stdout } = await cli(['check', '--json', '--status', '500', '-'], { input });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ conforms: true, violations: [] });
  });

  test('unreadable input exits 2', async () => {
    expect(await cli(['check', 'missing.json'])).toEqual({ code: 2, stdout: '', stderr: "cannot read missing.json: ENOENT: no such file or directory, open 'missing.json'\n" });
  });

  test('input that is not JSON exits 2', async () => {
    const { code, stderr } = await cli(['check', '-'], { input: '<html>502 Bad Gateway</html>' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^standard input is not JSON: /);
  });

  test('a status that is no HTTP status is a usage error', async () => {
    expect((await cli(['check', '--status', 'abc', '-'])).code).toBe(2);
  });
});

describe('usage', () => {
  test('--help prints the usage on stdout', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^payment-errors: .*\n\nUsage:\n/);
    for (const command of ['list', 'explain', 'check']) expect(stdout).toContain(`payment-errors ${command}`);
  });

  test('--version prints the contract version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${contractVersion}\n`, stderr: '' });
  });

  test.each([
    [[], 'a command is needed'],
    [['lsit'], 'unknown command "lsit"'],
    [['list', '--verbose'], "Unknown option '--verbose'"],
    [['explain'], 'explain takes one code'],
    [['check', '--type', 'payment_error', '-'], 'check takes no --type: the body says its type'],
  ])('%j is a usage error: %s', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});
