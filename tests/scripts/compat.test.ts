// Change classification: pairs of small contracts, each differing in one way, and the class and
// message each difference gets. Then the repository itself: no release is owed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkCompatibility } from '../../scripts/compat.js';
import { bump, compareRecords, compareVersions, requiredLevel, type ContractRecord } from '../../scripts/lib/contract-record.js';
import { REPO_ROOT, SPEC } from '../../scripts/lib/layout.js';

const code = (name: string, message = name.replace(/_/g, ' '), extra: object = {}) => ({ code: name, message, howToFix: null, deprecated: null, ...extra });
const contract = (): ContractRecord => ({
  version: '1.0.0',
  types: [
    { type: 'account_error', httpStatus: 400, scope: ['house account'], remarks: null, openCodes: false, codes: [code('account_not_found'), code('user_not_found')] },
    { type: 'payment_error', httpStatus: 400, scope: [], remarks: null, openCodes: false, codes: [code('expired_card', 'Expired card'), code('fraud', 'FRAUD')] },
    { type: 'api_error', httpStatus: 500, scope: ['any internal unexpected error'], remarks: 'Contact technical support.', openCodes: true, codes: [] },
  ],
});
const typeOf = (c: ContractRecord, name: string) => c.types.find((t) => t.type === name)!;

test.each([
  { name: 'nothing changed', change: () => {}, want: [] },
  {
    name: 'a code removed',
    change: (c: ContractRecord) => typeOf(c, 'payment_error').codes.pop(),
    want: [['major', 'major: payment_error.fraud removed; it was not deprecated in 1.0.0 (deprecate a code in one release, remove it in a later one)']],
  },
  {
    name: 'a deprecated code removed: no flag',
    before: (c: ContractRecord) => (typeOf(c, 'payment_error').codes[1]!.deprecated = { replacement: 'expired_card' }),
    change: (c: ContractRecord) => typeOf(c, 'payment_error').codes.pop(),
    want: [['major', 'major: payment_error.fraud removed']],
  },
  {
    name: 'a code renamed (same message, new name)',
    change: (c: ContractRecord) => (typeOf(c, 'payment_error').codes[1] = code('fraud_suspected', 'FRAUD')),
    want: [['major', 'major: payment_error.fraud renamed to fraud_suspected; it was not deprecated in 1.0.0 (deprecate a code in one release, remove it in a later one)']],
  },
  {
    name: 'a code moved to another type',
    change: (c: ContractRecord) => {
      typeOf(c, 'payment_error').codes.pop();
      typeOf(c, 'account_error').codes.push(code('fraud', 'FRAUD'));
    },
    want: [['major', 'major: fraud moved from payment_error to account_error; it was not deprecated in 1.0.0 (deprecate a code in one release, remove it in a later one)']],
  },
  {
    name: 'a code added',
    change: (c: ContractRecord) => typeOf(c, 'payment_error').codes.push(code('card_velocity_exceeded')),
    want: [['minor', 'minor: payment_error.card_velocity_exceeded added']],
  },
  {
    name: 'a type removed',
    change: (c: ContractRecord) => c.types.splice(0, 1),
    want: [['major', 'major: account_error removed with its codes account_not_found, user_not_found']],
  },
  {
    name: 'a type added',
    change: (c: ContractRecord) => c.types.push({ type: 'refund_error', httpStatus: 400, scope: [], remarks: null, openCodes: true, codes: [] }),
    want: [['minor', 'minor: refund_error added']],
  },
  {
    name: 'a status changed',
    change: (c: ContractRecord) => (typeOf(c, 'api_error').httpStatus = 503),
    want: [['major', 'major: status of api_error changed from 500 to 503']],
  },
  {
    name: 'codes listed for a type that took any code',
    change: (c: ContractRecord) => Object.assign(typeOf(c, 'api_error'), { openCodes: false, codes: [code('internal_error')] }),
    want: [['major', 'major: api_error now lists its codes (internal_error); it took any code before']],
  },
  {
    name: 'a message changed',
    change: (c: ContractRecord) => (typeOf(c, 'account_error').codes[1]!.message = 'User not found'),
    want: [['patch', 'patch: message of account_error.user_not_found changed from "user not found" to "User not found"']],
  },
  {
    name: 'a how-to-fix added, and one changed',
    before: (c: ContractRecord) => (typeOf(c, 'payment_error').codes[1]!.howToFix = 'Call the bank.'),
    change: (c: ContractRecord) => {
      typeOf(c, 'payment_error').codes[0]!.howToFix = 'Use another card.';
      typeOf(c, 'payment_error').codes[1]!.howToFix = 'Contact technical support.';
    },
    want: [
      ['patch', 'patch: how-to-fix of payment_error.expired_card added'],
      ['patch', 'patch: how-to-fix of payment_error.fraud changed'],
    ],
  },
  {
    name: 'scope and remarks changed',
    change: (c: ContractRecord) => Object.assign(typeOf(c, 'api_error'), { scope: ['internal errors'], remarks: null }),
    want: [
      ['patch', 'patch: scope of api_error changed'],
      ['patch', 'patch: remarks of api_error changed'],
    ],
  },
  {
    name: 'a code deprecated',
    change: (c: ContractRecord) => (typeOf(c, 'payment_error').codes[1]!.deprecated = { replacement: 'expired_card' }),
    want: [['minor', 'minor: payment_error.fraud deprecated (use expired_card)']],
  },
])('$name', ({ before, change, want }) => {
  const released = contract();
  before?.(released);
  const current = structuredClone(released);
  change(current);
  expect(compareRecords(released, current).map((d) => [d.level, d.message])).toEqual(want);
});

describe('versions', () => {
  test.each([
    [[], undefined],
    [[{ level: 'patch' }], 'patch'],
    [[{ level: 'patch' }, { level: 'minor' }], 'minor'],
    [[{ level: 'minor' }, { level: 'major' }, { level: 'patch' }], 'major'],
  ] as const)('the required level of %j is %s', (differences, want) => {
    expect(requiredLevel(differences.map((d) => ({ ...d, message: '' })))).toBe(want);
  });

  test.each([
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'patch', '1.2.4'],
  ] as const)('bump(%s, %s) is %s', (version, level, want) => {
    expect(bump(version, level)).toBe(want);
  });

  test('versions compare by number, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(() => compareVersions('1.0', '1.0.0')).toThrow('"1.0" is not a version');
  });
});

describe('this repository', () => {
  test('package.json\'s version and the spec\'s info.version agree', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const spec = parse(readFileSync(path.join(REPO_ROOT, SPEC), 'utf8'));
    expect(spec.info.version).toBe(manifest.version);
  });

  test('owes no release: npm run compat passes', async () => {
    const result = await checkCompatibility(REPO_ROOT);
    expect(result.failures).toEqual([]);
  });
});
