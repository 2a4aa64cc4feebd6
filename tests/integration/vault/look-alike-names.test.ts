// Look-alike display names (security red team, finding 4): zero-width and other invisible
// characters, special spaces and bidi controls are refused at user creation with a next step;
// NFD input is stored as NFC; the verifier's name check flags mixed scripts and hidden characters.
import { checkDisplayName, nameWarnings } from '../../../src/vault';
import { call, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long enough staff passphrase';

test.each([
  ['zero-width space', 'Ivan\u200bMuñoz'],
  ['zero-width joiner', 'Iv\u200dan'],
  ['soft hyphen', 'Iv\u00adan'],
  ['word joiner', 'Ivan\u2060'],
  ['no-break space', 'Ivan\u00a0Muñoz'],
  ['right-to-left override', 'Ivan \u202eznuM'],
  ['Hangul filler', 'Ivan\u3164'],
])(
  'a display name with a %s is refused at user creation, with a next step',
  async (_what, name) => {
    const core = await makeVault();
    try {
      const result = await core.invoke('users.add', {
        username: 'ivan',
        displayName: name,
        role: 'interviewer',
        passphrase: PASS,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(result)).toMatch(/type the name again|Type the name again|retype/i);
      // The vault layer refuses it too (for callers that skip the channel schema).
      expect(checkDisplayName(name)).toBeDefined();
    } finally {
      removeDir(core.vaultDir);
    }
  },
);

test('an NFD display name is stored as NFC: one name, one spelling', async () => {
  const core = await makeVault();
  try {
    const nfd = 'Iva\u0301n Mun\u0303oz';
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: nfd,
      role: 'interviewer',
      passphrase: PASS,
    });
    const { users } = await call(core, 'users.list', {});
    const ivan = users.find((u: { username: string }) => u.username === 'ivan')!;
    expect(ivan.displayName).toBe(nfd.normalize('NFC'));
    expect(ivan.displayName).not.toBe(nfd);
  } finally {
    removeDir(core.vaultDir);
  }
});

test('the verifier name check flags mixed scripts, hidden characters and non-NFC names; plain names pass', () => {
  expect(nameWarnings('Iván Muñoz')).toEqual([]);
  expect(nameWarnings('Inés Ortega-Núñez')).toEqual([]);
  expect(nameWarnings('Ivаn Muñoz').join()).toMatch(/mixes Latin and Cyrillic/); // Cyrillic а
  expect(nameWarnings('Ivan\u200b').join()).toMatch(/invisible or control characters \(U\+200B\)/);
  expect(nameWarnings('Iva\u0301n').join()).toMatch(/not in Unicode NFC/);
});
