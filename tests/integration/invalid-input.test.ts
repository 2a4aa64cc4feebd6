// Every malformed payload is INVALID_INPUT (or UNKNOWN_CHANNEL), changes nothing, and its
// message names the field without echoing what was sent.
import type { Core } from '../../src/api/core';
import { call, callError, makeVault, removeDir } from '../helpers/core';

const GOOD_CASE = { reference: 'R-100', childAlias: 'Kim', childAgeYears: 8, language: 'en' };
const HUGE = 'x'.repeat(100_000);
const SECRET_VALUE = 'Secret-Value-Never-Echoed';

const BAD: Array<[string, string, unknown]> = [
  ['not an object', 'cases.create', 'hello'],
  ['null payload', 'cases.create', null],
  ['array payload', 'cases.create', [GOOD_CASE]],
  ['missing reference', 'cases.create', { ...GOOD_CASE, reference: undefined }],
  ['missing alias', 'cases.create', { reference: 'R', childAgeYears: 3, language: 'en' }],
  ['empty reference', 'cases.create', { ...GOOD_CASE, reference: '   ' }],
  ['age as string', 'cases.create', { ...GOOD_CASE, childAgeYears: '8' }],
  ['fractional age', 'cases.create', { ...GOOD_CASE, childAgeYears: 8.5 }],
  ['negative age', 'cases.create', { ...GOOD_CASE, childAgeYears: -1 }],
  ['adult age', 'cases.create', { ...GOOD_CASE, childAgeYears: 30 }],
  ['months out of range', 'cases.create', { ...GOOD_CASE, childAgeMonths: 12 }],
  ['huge alias', 'cases.create', { ...GOOD_CASE, childAlias: HUGE }],
  ['huge allegation', 'cases.create', { ...GOOD_CASE, allegationSummary: HUGE }],
  ['huge notes', 'cases.create', { ...GOOD_CASE, notes: HUGE + HUGE }],
  ['bad language', 'cases.create', { ...GOOD_CASE, language: 'English' }],
  ['unknown field', 'cases.create', { ...GOOD_CASE, childFullName: SECRET_VALUE }],
  ['interpreter as string', 'cases.create', { ...GOOD_CASE, interpreterNeeded: 'yes' }],
  ['bad case id', 'cases.get', { caseId: '../../etc/passwd' }],
  ['case id as number', 'cases.get', { caseId: 42 }],
  ['empty patch', 'cases.update', { caseId: 'case_' + 'a'.repeat(32), patch: {} }],
  [
    'unknown patch field',
    'cases.update',
    { caseId: 'case_' + 'a'.repeat(32), patch: { archived: true } },
  ],
  ['list with unknown field', 'cases.list', { everything: true }],
  ['status with a field', 'vault.status', { x: 1 }],
  [
    'weak passphrase',
    'users.add',
    { username: 'newbie', displayName: 'N', role: 'interviewer', passphrase: 'short' },
  ],
  [
    'unknown role',
    'users.add',
    {
      username: 'newbie',
      displayName: 'N',
      role: 'superuser',
      passphrase: 'long enough passphrase',
    },
  ],
  [
    'user name with spaces',
    'users.add',
    {
      username: 'Jane Doe',
      displayName: 'N',
      role: 'interviewer',
      passphrase: 'long enough passphrase',
    },
  ],
  [
    'huge display name',
    'users.add',
    {
      username: 'newbie',
      displayName: HUGE,
      role: 'interviewer',
      passphrase: 'long enough passphrase',
    },
  ],
  ['huge passphrase', 'vault.unlock', { username: 'admin', passphrase: HUGE }],
  ['unlock without passphrase', 'vault.unlock', { username: 'admin' }],
  ['audit limit too large', 'audit.list', { limit: 10_000 }],
  ['backup without path', 'vault.backup', {}],
];

const changeEntries = (entries: Array<{ action: string }>) =>
  entries.filter((e) => e.action !== 'cases.list').length;

// One vault for the whole table: each case proves it changed nothing, so they cannot interfere.
let core: Core & { vaultDir: string };
beforeAll(async () => {
  core = await makeVault();
});
afterAll(() => {
  core.close();
  removeDir(core.vaultDir);
});

test.each(BAD)('%s → INVALID_INPUT, nothing changed', async (_label, channel, payload) => {
  {
    const changesBefore = changeEntries((await call(core, 'audit.list', { limit: 1000 })).entries);
    const error = await callError(core, channel, payload);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^Invalid input\./);
    expect(error.message).not.toContain(SECRET_VALUE);
    expect(error.message).not.toContain('xxxxxxxxxx');
    expect((await call(core, 'cases.list', {})).cases).toHaveLength(0);
    expect((await call(core, 'users.list', {})).users).toHaveLength(1);
    // No change was audited: only this test's own reads appear after the call.
    expect(changeEntries((await call(core, 'audit.list', { limit: 1000 })).entries)).toBe(
      changesBefore,
    );
  }
});

test('unknown channels and non-string channel names are UNKNOWN_CHANNEL; the core never throws', async () => {
  {
    expect(await callError(core, 'cases.drop', {})).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
    expect(await callError(core, '__proto__', {})).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
    expect(await callError(core, 'toString', {})).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
    expect(await callError(core, 42 as unknown as string, {})).toMatchObject({
      code: 'UNKNOWN_CHANNEL',
    });
  }
});

test('field errors name the field and the rule', async () => {
  {
    const error = await callError(core, 'cases.create', {
      ...GOOD_CASE,
      childAlias: HUGE,
      childFullName: 'x',
    });
    expect(error.message).toContain('childAlias: Child alias: at most 64 characters');
    expect(error.message).toContain('unknown field(s) childFullName');
  }
});
